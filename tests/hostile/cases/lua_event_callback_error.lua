-- An error inside an event callback ends the script with that error, at
-- the callback's line, when the wait helper runs it; nothing after runs.
-- want-exit: 1
-- want-stderr-first: cases/lua_event_callback_error.lua:8: callback failed on alpha
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
conn:domainEventRegisterAny(dom, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, function(c, d)
  error("callback failed on " .. d:name())
end, nil)
dom:suspend()
libvirt.run_events(1)
print("not reached")
