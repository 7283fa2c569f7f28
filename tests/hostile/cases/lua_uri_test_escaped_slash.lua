-- The form test:%2FPATH: libvirt unescapes the path, the test driver reads it.
-- args: test:%2Fetc/shadow
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_test_escaped_slash.lua:5: libvirt.open: refused by policy: URI "test:%2Fetc/shadow" names a local file: /etc/shadow is outside the readable directories ($ROOT/tests/hostile/cases, $ROOT/tests/hostile; --allow-read adds one)
local conn = libvirt.open(arg[1])
