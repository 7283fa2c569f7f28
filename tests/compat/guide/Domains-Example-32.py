# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Domains-Example-32.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Domains-Example-32.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-32.py
#!/usr/bin/env python3
import sys
import libvirt
from xml.etree import ElementTree

domName = 'Fedora22-x86_64-1'

conn = None
try:
    conn = libvirt.open("qemu:///system")
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

dom = conn.lookupByID(5)
if dom == None:
    print('Failed to find the domain '+domName, file=sys.stderr)
    exit(1)

tree = ElementTree.fromstring(dom.XMLDesc())
iface = tree.find('devices/interface/target').get('dev')
stats = dom.interfaceStats(iface)
print('read bytes:    '+str(stats[0]))
print('read packets:  '+str(stats[1]))
print('read errors:   '+str(stats[2]))
print('read drops:    '+str(stats[3]))
print('write bytes:   '+str(stats[4]))
print('write packets: '+str(stats[5]))
print('write errors:  '+str(stats[6]))
print('write drops:   '+str(stats[7]))

conn.close()
exit(0)
