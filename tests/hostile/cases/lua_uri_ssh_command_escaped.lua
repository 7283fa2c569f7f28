-- ?%43ommand= is ?command= to libvirt (names are unescaped, then
-- compared without regard to case).
-- tripwire: tripwire
-- args: test+ssh://localhost/default?no_tty=1&%43ommand=$TMP/outside/tripwire
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_ssh_command_escaped.lua:7: libvirt.open: refused by policy: URI "test+ssh://localhost/default?no_tty=1&%43ommand=$TMP/outside/tripwire" has the parameter command=, which is refused: it names a program to run (allowed: auth=, mode=, no_tty=, proxy=, sshauth=; an allow-uri pattern that names it allows it)
local conn = libvirt.open(arg[1])
