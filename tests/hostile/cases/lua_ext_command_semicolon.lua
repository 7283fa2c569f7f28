-- libvirt also splits URI parameters on ';': "?x=1;command=PROGRAM" runs
-- PROGRAM, while Go's url.Query drops the pair, so it must be refused.
-- tripwire: tripwire
-- args: test+ext:///default?no_tty=1;command=$TMP/outside/tripwire
-- want-exit: 1
-- want-stderr-match: ^cases/lua_ext_command_semicolon\.lua:8: libvirt\.open: refused by policy: URI "test\+ext:///default\?no_tty=1;command=\$TMP/outside/tripwire" .*$
-- needs: the URI check to read parameters as libvirt does (';' separates them too)
local conn = libvirt.open(arg[1])
