-- ?socket= names the local file libvirt connects to, here /etc/shadow. A
-- pattern whose parameter name is a wildcard matches the URI but does not
-- name the parameter, so it does not allow it.
-- flags: --allow-uri test+unix:///default?*=/etc/shadow
-- args: test+unix:///default?socket=/etc/shadow
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_unix_socket_shadow.lua:8: libvirt.open: refused by policy: URI "test+unix:///default?socket=/etc/shadow" has the parameter socket=, which is refused: it names a local file (allowed: auth=, mode=, no_tty=, proxy=, sshauth=; an allow-uri pattern that names it allows it)
local conn = libvirt.open(arg[1])
