-- ?socket= names a local socket for libvirt to connect to: outside the
-- readable directories, refused.
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_socket_param.lua:5: libvirt.open: refused by policy: URI "qemu:///system?socket=/etc/evil.sock" names a local file: /etc/evil.sock is outside the readable directories ($ROOT/tests/hostile/cases, $ROOT/tests/hostile; --allow-read adds one)
local conn = libvirt.open("qemu:///system?socket=/etc/evil.sock")
