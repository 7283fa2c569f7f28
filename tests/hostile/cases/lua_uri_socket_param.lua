-- ?socket= names a local socket for libvirt to connect to: refused unless
-- an allow-uri pattern names the parameter.
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_socket_param.lua:5: libvirt.open: refused by policy: URI "qemu:///system?socket=/etc/evil.sock" has the parameter socket=, which is refused: it names a local file (allowed: auth=, mode=, no_tty=, proxy=, sshauth=; an allow-uri pattern that names it allows it)
local conn = libvirt.open("qemu:///system?socket=/etc/evil.sock")
