#!/usr/bin/env python3
# Parse topology information from the capabilities XML and use it to
# calculate the host topology: libvirt-python's examples/topology.py,
# ported to vertscript. The original uses minidom and set comprehensions;
# the port uses ElementTree and set(), which vertscript's Starlark has too.
# compat-args:
import libvirt
import xml.etree.ElementTree as ET

conn = libvirt.openReadOnly(None)
capsXML = conn.getCapabilities()

caps = ET.fromstring(capsXML)
host = caps.find("host")
cells = host.find("topology/cells")
cpus = cells.findall("cell/cpus/cpu")
total_cpus = len(cpus)

socketIds = set([proc.get("socket_id") for proc in cpus])
siblingsIds = set([proc.get("siblings") for proc in cpus])

print("Host topology")
print("NUMA nodes: %s" % cells.get("num"))
print("   Sockets: %d" % len(socketIds))
print("     Cores: %d" % len(siblingsIds))
print("   Threads: %d" % total_cpus)
