# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/NetworkInterface-Example-11.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/NetworkInterface-Example-11.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-11.py
#!/usr/bin/env python3
import sys
import libvirt

xml = """
<interface type='ethernet' name='eth0'>
  <start mode='onboot'/>
  <mac address='aa:bb:cc:dd:ee:ff'/>
  <protocol family='ipv4'>
    <ip address="192.168.0.5" prefix="24"/>
    <route gateway="192.168.0.1"/>
  </protocol>
</interface>"""

conn = None
try:
    conn = libvirt.open('qemu:///system')
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

# create/modify a network interface
iface = conn.interfaceDefineXML(xml, 0)
# activate the interface
try:
    iface.create(0)
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    iface.undefine()
    conn.close()
    exit(1)

print("The interface name is: "+iface.name())

iface.destroy()
iface.undefine()
conn.close()
exit(0)
