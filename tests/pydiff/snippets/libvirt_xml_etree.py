import libvirt
import xml.etree.ElementTree as ET
conn = libvirt.open("test:///default")
root = ET.fromstring(conn.lookupByName("test").XMLDesc(0))
print(root.tag, root.find("name").text, root.findtext("memory"))
for t in root.findall("devices/interface/target"):
    print(t.get("dev"))
