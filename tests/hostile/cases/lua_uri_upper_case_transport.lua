-- libvirt compares transports without regard to case: an upper-case
-- scheme is refused rather than read differently.
-- tripwire: tripwire
-- args: test+EXT:///default?command=$TMP/outside/tripwire
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_upper_case_transport.lua:7: libvirt.open: refused by policy: URI "test+EXT:///default?command=$TMP/outside/tripwire" cannot be read exactly as libvirt reads it: scheme "test+EXT": write it in lower case
local conn = libvirt.open(arg[1])
