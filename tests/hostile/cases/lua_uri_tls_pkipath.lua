-- qemu+tls with ?pkipath= makes libvirt read its CA, certificate and key
-- from a directory of the script's choosing (/etc): refused, even under a
-- pattern that matches the value but not the parameter's name.
-- flags: --allow-uri qemu+tls://localhost/system?*=/etc
-- args: qemu+tls://localhost/system?pkipath=/etc
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_tls_pkipath.lua:8: libvirt.open: refused by policy: URI "qemu+tls://localhost/system?pkipath=/etc" has the parameter pkipath=, which is refused: it names a local file (allowed: auth=, mode=, no_tty=, proxy=, sshauth=; an allow-uri pattern that names it allows it)
local conn = libvirt.open(arg[1])
