import sys
import libvirt
from xml.dom import minidom
import xml.etree.ElementTree as ET
print(type(sys.argv).__name__)
doc = minidom.parseString("<a><b x='1'/></a>")
print(doc.getElementsByTagName("b")[0].getAttribute("x"))
root = ET.fromstring("<a><b x='2'/></a>")
print(root.find("b").get("x"))
print(libvirt.VIR_DOMAIN_RUNNING)
