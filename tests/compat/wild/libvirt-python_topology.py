# compat-source: https://github.com/libvirt/libvirt-python/blob/2ef29704f3dad911a5e1a94913c688212fb8cd24/examples/topology.py
# compat-repo: libvirt/libvirt-python
# compat-path: examples/topology.py
# compat-commit: 2ef29704f3dad911a5e1a94913c688212fb8cd24
# compat-license: LGPL-2.1-or-later
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
#!/usr/bin/env python3
# Parse topology information from the capabilities XML and use
# them to calculate host topology
#
# Authors:
#   Amador Pahim <apahim@redhat.com>
#   Peter Krempa <pkrempa@redhat.com>

import libvirt
from xml.dom import minidom

try:
    conn = libvirt.openReadOnly(None)
except libvirt.libvirtError:
    print('Failed to connect to the hypervisor')
    exit(1)

try:
    capsXML = conn.getCapabilities()
except libvirt.libvirtError:
    print('Failed to request capabilities')
    exit(1)

caps = minidom.parseString(capsXML)
host = caps.getElementsByTagName('host')[0]
cells = host.getElementsByTagName('cells')[0]
total_cpus = cells.getElementsByTagName('cpu').length

socketIds = {
    proc.getAttribute('socket_id')
    for proc in cells.getElementsByTagName('cpu')
}

siblingsIds = {
    proc.getAttribute('siblings')
    for proc in cells.getElementsByTagName('cpu')
}

print("Host topology")
print("NUMA nodes:", cells.getAttribute('num'))
print("   Sockets:", len(socketIds))
print("     Cores:", len(siblingsIds))
print("   Threads:", total_cpus)
