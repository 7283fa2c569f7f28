import libvirt
from xml.dom import minidom
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
raw = dom.XMLDesc(0)
xml = minidom.parseString(raw)
for disk in xml.getElementsByTagName("disk"):
    print(disk.getAttribute("type"), disk.getAttribute("device"))
for iface in xml.getElementsByTagName("interface"):
    mac = iface.getElementsByTagName("mac")[0]
    print(iface.getAttribute("type"), mac.getAttribute("address"))
