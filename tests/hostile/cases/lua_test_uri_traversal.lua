-- The same with a read-only connection and a path that climbs out.
-- want-exit: 1
-- want-stderr-first: cases/lua_test_uri_traversal.lua:4: libvirt.openReadOnly: refused by policy: URI "test:///../../../etc/shadow" has ".." in its path, which the check would read differently from the kernel where symlinks lead: name the file directly
local conn = libvirt.openReadOnly("test:///../../../etc/shadow")
