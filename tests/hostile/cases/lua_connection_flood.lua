-- Opening connections without end (each a fresh copy of the node): the
-- timeout ends it, and every connection is closed on the way out.
-- flags: --timeout 1s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_connection_flood\.lua(:7)?: (Lua script cancelled: )?timeout: the script ran longer than 1s$
-- max-rss: 384MiB
while true do libvirt.open() end
