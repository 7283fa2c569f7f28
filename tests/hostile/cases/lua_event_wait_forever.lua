-- Python's event loop idiom, "while true do virEventRunDefaultImpl() end",
-- with no event ever coming: the timeout ends the run.
-- flags: --timeout 1s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_event_wait_forever\.lua:\d+: (Lua script cancelled: )?timeout: the script ran longer than 1s$
-- within: 5s
libvirt.virEventRegisterDefaultImpl()
local conn = libvirt.open()
while true do libvirt.virEventRunDefaultImpl() end
