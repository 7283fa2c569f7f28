-- Events: a lifecycle callback sees what the script itself does, in order,
-- when the script waits for events; wait_for_state returns on time, or
-- fails with a timeout error that pcall catches.
local conn = libvirt.open()
local dom = conn:lookupByName("web-1")

local names = {
  [libvirt.VIR_DOMAIN_EVENT_SUSPENDED] = "suspended",
  [libvirt.VIR_DOMAIN_EVENT_RESUMED] = "resumed",
  [libvirt.VIR_DOMAIN_EVENT_STOPPED] = "stopped",
  [libvirt.VIR_DOMAIN_EVENT_STARTED] = "started",
}

local function lifecycle(c, d, event, detail, opaque)
  print(string.format("%s: %s %s (detail %d), same objects: %s", opaque, d:name(), names[event] or event, detail,
    (c == conn and d == dom) and "True" or "False"))
end

local function any_domain(c, d, event, detail, opaque)
  print(string.format("any domain: %s %s", d:name(), names[event] or event))
end

local cb = conn:domainEventRegisterAny(dom, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, "web-1 watcher")
conn:domainEventRegister(any_domain, nil)
print(string.format("registered callback %d", cb))

dom:suspend()
dom:resume()
dom:destroy()
print("no callback has run yet")
print(string.format("callbacks run: %d", libvirt.run_events(0.5)))

print(string.format("state reached: %d", libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_SHUTOFF, 5)))
local ok, err = pcall(libvirt.wait_for_state, dom, libvirt.VIR_DOMAIN_RUNNING, 0.2)
print(string.format("timeout error %d: %s", err:get_error_code(), err:get_error_message()))

conn:domainEventDeregisterAny(cb)
conn:domainEventDeregister(any_domain)
dom:create()
print(string.format("after deregistering: %d callbacks run", libvirt.run_events(0.2)))
print(string.format("state: %d", libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_RUNNING)))

-- Networks and storage pools have events too.
local function net_event(c, n, event, detail, opaque)
  print(string.format("network %s: event %d detail %d", n:name(), event, detail))
end

local function pool_event(c, p, event, detail, opaque)
  print(string.format("pool %s: event %d detail %d", p:name(), event, detail))
end

local function pool_refresh(c, p, opaque)
  print(string.format("pool %s: refreshed", p:name()))
end

local net = conn:networkLookupByName("default")
local pool = conn:storagePoolLookupByName("default-pool")
local ids = {
  conn:networkEventRegisterAny(net, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, net_event, nil),
  conn:storagePoolEventRegisterAny(nil, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, pool_event, nil),
  conn:storagePoolEventRegisterAny(pool, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, pool_refresh, nil),
}
net:destroy()
net:create()
pool:refresh()
pool:destroy()
print(string.format("callbacks run: %d", libvirt.run_events(0.5)))
conn:networkEventDeregisterAny(ids[1])
conn:storagePoolEventDeregisterAny(ids[2])
conn:storagePoolEventDeregisterAny(ids[3])
local ok, err = pcall(conn.networkEventRegisterAny, conn, nil, 99, net_event, nil)
print("unknown event ID: " .. err:get_error_message())
