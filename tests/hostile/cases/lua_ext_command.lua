-- The ext transport runs ?command= as a local program: refused, as a
-- path outside the readable directories or as the ext transport itself
-- (and the program must not run).
-- tripwire: tripwire
-- args: test+ext:///default?command=$TMP/outside/tripwire
-- want-exit: 1
-- want-stderr-match: ^cases/lua_ext_command\.lua:8: libvirt\.open: refused by policy: URI "test\+ext:///default\?command=\$TMP/outside/tripwire" uses the ext transport, which runs a local program; an allow-uri pattern that names the scheme test\+ext allows it$
local conn = libvirt.open(arg[1])
