-- The same, upper case and escaped.
-- args: qemu:///system?NAME=test%3A%2F%2F%2Fetc%2Fshadow
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_name_param_escaped.lua:5: libvirt.open: refused by policy: URI "qemu:///system?NAME=test%3A%2F%2F%2Fetc%2Fshadow" has the parameter name=, which is refused: it carries another URI, which the daemon opens with its own rights (allowed: auth=, mode=, no_tty=, proxy=, sshauth=; an allow-uri pattern that names it allows it)
local conn = libvirt.open(arg[1])
