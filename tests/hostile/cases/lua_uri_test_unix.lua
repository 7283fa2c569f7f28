-- The form test+unix:///PATH: the daemon the unix socket reaches reads PATH.
-- args: test+unix:///etc/shadow
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_test_unix.lua:5: libvirt.open: refused by policy: URI "test+unix:///etc/shadow" names a local file: /etc/shadow is outside the readable directories ($ROOT/tests/hostile/cases, $ROOT/tests/hostile; --allow-read adds one)
local conn = libvirt.open(arg[1])
