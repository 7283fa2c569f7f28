# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/NetworkInterface-Example-13.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/NetworkInterface-Example-13.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-13.py
#!/usr/bin/env python3
import sys
import libvirt

conn = None
try:
    conn = libvirt.open("qemu:///system")
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

iface = conn.interfaceLookupByName('eth2')

# get the interface xml description
xml = iface XMLDesc(0)
# destroy the interface
iface.destroy(0)

# do what you need while the interface is down

# now bring the interface back up
iface = conn.interfaceDefineXML(xml, 0)
# activate the interface
iface.create(0)

conn.close()
exit(0)
