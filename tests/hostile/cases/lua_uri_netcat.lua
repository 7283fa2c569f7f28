-- ?netcat= names the program the ssh transport runs.
-- tripwire: tripwire
-- args: test+ssh://localhost/default?netcat=$TMP/outside/tripwire
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_netcat.lua:6: libvirt.open: refused by policy: URI "test+ssh://localhost/default?netcat=$TMP/outside/tripwire" has the parameter netcat=, which is refused: it names a program to run (allowed: auth=, mode=, no_tty=, proxy=, sshauth=; an allow-uri pattern that names it allows it)
local conn = libvirt.open(arg[1])
