-- Print the domain, network and storage pool events of a hypervisor:
-- libvirt-python's examples/event-test.py, ported to vertscript's Lua. The
-- original starts an event loop in a thread and sleeps while events arrive
-- from outside; the port registers the same callbacks, makes some events
-- itself on a second connection, and runs one iteration of libvirt's event
-- loop, in which the callbacks run.
local DOM_EVENTS = {
  {"Defined", {"Added", "Updated", "Renamed", "Snapshot"}},
  {"Undefined", {"Removed", "Renamed"}},
  {"Started", {"Booted", "Migrated", "Restored", "Snapshot", "Wakeup"}},
  {"Suspended", {"Paused", "Migrated", "IOError", "Watchdog", "Restored", "Snapshot", "API error", "Postcopy", "Postcopy failed"}},
  {"Resumed", {"Unpaused", "Migrated", "Snapshot", "Postcopy"}},
  {"Stopped", {"Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot", "Daemon"}},
  {"Shutdown", {"Finished", "On guest request", "On host request"}},
  {"PMSuspended", {"Memory", "Disk"}},
  {"Crashed", {"Panicked"}},
}
local NET_EVENTS = {
  {"Defined", {"Added"}},
  {"Undefined", {"Removed"}},
  {"Started", {"Started"}},
  {"Stopped", {"Stopped"}},
}
local STORAGE_EVENTS = {
  {"Defined", {}}, {"Undefined", {}}, {"Started", {}}, {"Stopped", {}}, {"Created", {}}, {"Deleted", {}},
}
local WATCHDOG_ACTIONS = {"none", "Pause", "Reset", "Poweroff", "Shutdown", "Debug", "Inject NMI"}
local CONNECTION_EVENTS = {"Error", "End-of-file", "Keepalive", "Client"}

-- The tables are indexed from 0 by libvirt's numbers.
local function describe(t, event)
  local e = t[event + 1]
  return e and e[1] or tostring(event)
end

local function detail(t, event, d)
  local e = t[event + 1]
  return e and e[2][d + 1] or tostring(d)
end

local function name(t, i)
  return t[i + 1] or tostring(i)
end

local function myDomainEventCallback(conn, dom, event, det, opaque)
  print(string.format("myDomainEventCallback%s EVENT: Domain %s(%s) %s %s",
    opaque, dom:name(), dom:ID(), describe(DOM_EVENTS, event), detail(DOM_EVENTS, event, det)))
end

local function myDomainEventRebootCallback(conn, dom, opaque)
  print(string.format("myDomainEventRebootCallback: Domain %s(%s)", dom:name(), dom:ID()))
end

local function myDomainEventWatchdogCallback(conn, dom, action, opaque)
  print(string.format("myDomainEventWatchdogCallback: Domain %s(%s) %s", dom:name(), dom:ID(), name(WATCHDOG_ACTIONS, action)))
end

local function myDomainEventBalloonChangeCallback(conn, dom, actual, opaque)
  print(string.format("myDomainEventBalloonChangeCallback: Domain %s(%s) %d", dom:name(), dom:ID(), actual))
end

local function myDomainEventDeviceAddedCallback(conn, dom, dev, opaque)
  print(string.format("myDomainEventDeviceAddedCallback: Domain %s(%s) device added: %s", dom:name(), dom:ID(), dev))
end

local function myDomainEventDeviceRemovedCallback(conn, dom, dev, opaque)
  print(string.format("myDomainEventDeviceRemovedCallback: Domain %s(%s) device removed: %s", dom:name(), dom:ID(), dev))
end

local function myDomainEventMetadataChangeCallback(conn, dom, mtype, nsuri, opaque)
  print(string.format("myDomainEventMetadataChangeCallback: Domain %s(%s) changed metadata mtype=%d nsuri=%s",
    dom:name(), dom:ID(), mtype, nsuri == nil and "None" or nsuri))
end

local function myNetworkEventLifecycleCallback(conn, net, event, det, opaque)
  print(string.format("myNetworkEventLifecycleCallback: Network %s %s %s",
    net:name(), describe(NET_EVENTS, event), detail(NET_EVENTS, event, det)))
end

local function myStoragePoolEventLifecycleCallback(conn, pool, event, det, opaque)
  print(string.format("myStoragePoolEventLifecycleCallback: Storage pool %s %s %s",
    pool:name(), describe(STORAGE_EVENTS, event), detail(STORAGE_EVENTS, event, det)))
end

local function myStoragePoolEventRefreshCallback(conn, pool, opaque)
  print("myStoragePoolEventRefreshCallback: Storage pool " .. pool:name())
end

local function myConnectionCloseCallback(conn, reason, opaque)
  print(string.format("myConnectionCloseCallback: %s: %s", conn:getURI(), name(CONNECTION_EVENTS, reason)))
end

local uri = arg[1] or "qemu:///system"
print(string.format("Using uri '%s' and event loop '%s'", uri, "native"))

libvirt.virEventRegisterDefaultImpl()
local vc = libvirt.openReadOnly(uri)
vc:registerCloseCallback(myConnectionCloseCallback, nil)

-- Add 2 lifecycle callbacks to prove this works with more than just one
vc:domainEventRegister(myDomainEventCallback, 1)
local domcallbacks = {
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, myDomainEventCallback, 2),
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, myDomainEventRebootCallback, nil),
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_WATCHDOG, myDomainEventWatchdogCallback, nil),
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, myDomainEventBalloonChangeCallback, nil),
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, myDomainEventDeviceAddedCallback, nil),
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, myDomainEventDeviceRemovedCallback, nil),
  vc:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, myDomainEventMetadataChangeCallback, nil),
}
local netcallbacks = {
  vc:networkEventRegisterAny(nil, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, myNetworkEventLifecycleCallback, nil),
}
local poolcallbacks = {
  vc:storagePoolEventRegisterAny(nil, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, myStoragePoolEventLifecycleCallback, nil),
  vc:storagePoolEventRegisterAny(nil, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, myStoragePoolEventRefreshCallback, nil),
}

-- The events: made on a connection of our own to the same node.
local conn = libvirt.open(uri)
local dom = conn:lookupByName("test")
dom:suspend()
dom:resume()
dom:reboot(0)
dom:setMemory(4096 * 1024)
dom:setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, "event test", nil, nil, 0)
dom:destroy()
local net = conn:networkLookupByName("default")
net:destroy()
net:create()
local pool = conn:storagePoolLookupByName("default-pool")
pool:refresh()
libvirt.virEventRunDefaultImpl()

print("Deregistering event handlers")
vc:domainEventDeregister(myDomainEventCallback)
for _, id in ipairs(domcallbacks) do vc:domainEventDeregisterAny(id) end
for _, id in ipairs(netcallbacks) do vc:networkEventDeregisterAny(id) end
for _, id in ipairs(poolcallbacks) do vc:storagePoolEventDeregisterAny(id) end
vc:unregisterCloseCallback()
print("Closing " .. vc:getURI())
vc:close()
