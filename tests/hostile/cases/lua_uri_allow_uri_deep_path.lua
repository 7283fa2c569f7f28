-- --allow-uri 'test:///*' must not admit a deeper path: '*' crosses no '/'.
-- flags: --allow-uri test:///*
-- args: test:///etc/shadow
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_allow_uri_deep_path.lua:6: libvirt.open: refused by policy: URI "test:///etc/shadow" matches no allow-uri pattern (test:///*)
local conn = libvirt.open(arg[1])
