-- The same under --read-only.
-- flags: --read-only --allow-uri qemu:///embed?root=$TMP/outside/root
-- args: qemu:///embed?root=$TMP/outside/root
-- want-exit: 1
-- want-stderr-first: cases/lua_uri_embed_read_only.lua:6: libvirt.open: refused by policy: URI "qemu:///embed?root=$TMP/outside/root" has the parameter root=, which makes libvirt write its state under $TMP/outside/root: never in a read-only run or a dry run
local conn = libvirt.open(arg[1])
