-- A callback registered inside a coroutine that has ended, run later from
-- the main chunk and from another coroutine: it runs on the state that
-- waits for it, not on the dead one.
-- want-exit: 0
-- want-stdout: event 3
-- want-stdout: ran 1
-- want-stdout: event 4
-- want-stdout: in a coroutine, ran 1
-- want-stderr-match: ^$
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
coroutine.wrap(function()
  conn:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, function(c, d, e)
    print("event " .. e)
  end, nil)
end)()
dom:suspend()
print("ran " .. libvirt.run_events(0.3))
local co = coroutine.create(function()
  dom:resume()
  coroutine.yield()
  print("in a coroutine, ran " .. libvirt.run_events(0.3))
end)
coroutine.resume(co)
assert(coroutine.resume(co))
