-- The same with a read-only connection and a path that climbs out.
-- want-exit: 1
-- want-stderr-first: cases/lua_test_uri_traversal.lua:4: libvirt.openReadOnly: refused by policy: URI "test:///../../../etc/shadow" names a local file: /../../../etc/shadow (/etc/shadow) is outside the readable directories ($ROOT/tests/hostile/cases, $ROOT/tests/hostile; --allow-read adds one)
local conn = libvirt.openReadOnly("test:///../../../etc/shadow")
