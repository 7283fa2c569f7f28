-- --allow-uri matches the URI after default-URI resolution: libvirt.open()
-- with -c pointing elsewhere is refused too.
-- flags: --allow-uri qemu:///*
-- want-exit: 1
-- want-stderr-first: cases/lua_allow_uri_default.lua:6: libvirt.open: refused by policy: URI "test://$ROOT/tests/hostile/node.xml" matches no allow-uri pattern (qemu:///*)
local conn = libvirt.open()
