#!/usr/bin/env python3
# Print the domain, network and storage pool events of a hypervisor:
# libvirt-python's examples/event-test.py, ported to vertscript. The
# original starts an event loop in a thread and sleeps while events arrive
# from outside; a script has no threads, so the port registers the same
# callbacks, makes some events itself on a second connection, and runs
# one iteration of libvirt's event loop, in which the callbacks run.
# compat-args: test:///default
import libvirt
import sys

# event-test.py's Description class, as tables: (name, details) per event.
DOM_EVENTS = [
    ("Defined", ("Added", "Updated", "Renamed", "Snapshot")),
    ("Undefined", ("Removed", "Renamed")),
    ("Started", ("Booted", "Migrated", "Restored", "Snapshot", "Wakeup")),
    ("Suspended", ("Paused", "Migrated", "IOError", "Watchdog", "Restored", "Snapshot", "API error", "Postcopy", "Postcopy failed")),
    ("Resumed", ("Unpaused", "Migrated", "Snapshot", "Postcopy")),
    ("Stopped", ("Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot", "Daemon")),
    ("Shutdown", ("Finished", "On guest request", "On host request")),
    ("PMSuspended", ("Memory", "Disk")),
    ("Crashed", ("Panicked",)),
]
NET_EVENTS = [
    ("Defined", ("Added",)),
    ("Undefined", ("Removed",)),
    ("Started", ("Started",)),
    ("Stopped", ("Stopped",)),
]
STORAGE_EVENTS = [
    ("Defined", ()),
    ("Undefined", ()),
    ("Started", ()),
    ("Stopped", ()),
    ("Created", ()),
    ("Deleted", ()),
]
WATCHDOG_ACTIONS = ("none", "Pause", "Reset", "Poweroff", "Shutdown", "Debug", "Inject NMI")
CONNECTION_EVENTS = ("Error", "End-of-file", "Keepalive", "Client")


def describe(table, event):
    if event < len(table):
        return table[event][0]
    return str(event)


def detail(table, event, detail):
    if event < len(table) and detail < len(table[event][1]):
        return table[event][1][detail]
    return str(detail)


def name(table, i):
    if i < len(table):
        return table[i]
    return str(i)


def myDomainEventCallback(conn, dom, event, det, opaque):
    print("myDomainEventCallback%s EVENT: Domain %s(%s) %s %s" % (
        opaque, dom.name(), dom.ID(), describe(DOM_EVENTS, event), detail(DOM_EVENTS, event, det)))


def myDomainEventRebootCallback(conn, dom, opaque):
    print("myDomainEventRebootCallback: Domain %s(%s)" % (dom.name(), dom.ID()))


def myDomainEventWatchdogCallback(conn, dom, action, opaque):
    print("myDomainEventWatchdogCallback: Domain %s(%s) %s" % (dom.name(), dom.ID(), name(WATCHDOG_ACTIONS, action)))


def myDomainEventBalloonChangeCallback(conn, dom, actual, opaque):
    print("myDomainEventBalloonChangeCallback: Domain %s(%s) %d" % (dom.name(), dom.ID(), actual))


def myDomainEventDeviceAddedCallback(conn, dom, dev, opaque):
    print("myDomainEventDeviceAddedCallback: Domain %s(%s) device added: %s" % (dom.name(), dom.ID(), dev))


def myDomainEventDeviceRemovedCallback(conn, dom, dev, opaque):
    print("myDomainEventDeviceRemovedCallback: Domain %s(%s) device removed: %s" % (dom.name(), dom.ID(), dev))


def myDomainEventMetadataChangeCallback(conn, dom, mtype, nsuri, opaque):
    print("myDomainEventMetadataChangeCallback: Domain %s(%s) changed metadata mtype=%d nsuri=%s" % (
        dom.name(), dom.ID(), mtype, nsuri))


def myNetworkEventLifecycleCallback(conn, net, event, det, opaque):
    print("myNetworkEventLifecycleCallback: Network %s %s %s" % (
        net.name(), describe(NET_EVENTS, event), detail(NET_EVENTS, event, det)))


def myStoragePoolEventLifecycleCallback(conn, pool, event, det, opaque):
    print("myStoragePoolEventLifecycleCallback: Storage pool %s %s %s" % (
        pool.name(), describe(STORAGE_EVENTS, event), detail(STORAGE_EVENTS, event, det)))


def myStoragePoolEventRefreshCallback(conn, pool, opaque):
    print("myStoragePoolEventRefreshCallback: Storage pool %s" % pool.name())


def myConnectionCloseCallback(conn, reason, opaque):
    print("myConnectionCloseCallback: %s: %s" % (conn.getURI(), name(CONNECTION_EVENTS, reason)))


uri = "qemu:///system"
if len(sys.argv) > 1:
    uri = sys.argv[1]
print("Using uri '%s' and event loop '%s'" % (uri, "native"))

libvirt.virEventRegisterDefaultImpl()
vc = libvirt.openReadOnly(uri)
vc.registerCloseCallback(myConnectionCloseCallback, None)

# Add 2 lifecycle callbacks to prove this works with more than just one
vc.domainEventRegister(myDomainEventCallback, 1)
domcallbacks = [
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, myDomainEventCallback, 2),
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, myDomainEventRebootCallback, None),
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_WATCHDOG, myDomainEventWatchdogCallback, None),
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, myDomainEventBalloonChangeCallback, None),
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, myDomainEventDeviceAddedCallback, None),
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, myDomainEventDeviceRemovedCallback, None),
    vc.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, myDomainEventMetadataChangeCallback, None),
]
netcallbacks = [
    vc.networkEventRegisterAny(None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, myNetworkEventLifecycleCallback, None),
]
poolcallbacks = [
    vc.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, myStoragePoolEventLifecycleCallback, None),
    vc.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, myStoragePoolEventRefreshCallback, None),
]

# The events: made on a connection of our own to the same node.
conn = libvirt.open(uri)
dom = conn.lookupByName("test")
dom.suspend()
dom.resume()
dom.reboot(0)
dom.setMemory(4096 * 1024)
dom.setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, "event test", None, None, 0)
dom.destroy()
net = conn.networkLookupByName("default")
net.destroy()
net.create()
pool = conn.storagePoolLookupByName("default-pool")
pool.refresh()
libvirt.virEventRunDefaultImpl()

print("Deregistering event handlers")
vc.domainEventDeregister(myDomainEventCallback)
for id in domcallbacks:
    vc.domainEventDeregisterAny(id)
for id in netcallbacks:
    vc.networkEventDeregisterAny(id)
for id in poolcallbacks:
    vc.storagePoolEventDeregisterAny(id)
vc.unregisterCloseCallback()
print("Closing " + vc.getURI())
vc.close()
