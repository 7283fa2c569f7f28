#!/usr/bin/env python3
# Print information about the domain DOMAIN: libvirt-python's
# examples/dominfo.py, ported to vertscript. The original reads the XML
# with libxml2's XPath; the port uses ElementTree's paths, which vertscript's
# xml module offers too.
# compat-args: test
import libvirt
import sys
import xml.etree.ElementTree as ET

if len(sys.argv) != 2:
    print("usage: dominfo DOMAIN", file=sys.stderr)
    exit(2)
name = sys.argv[1]


def print_section(title):
    print("\n%s" % title)
    print("=" * 60)


def print_entry(key, value):
    print("%-10s %-10s" % (key, value))


def print_xml(key, node, path):
    # path is "elem/elem" for an element's text, "elem/@attr" or "@attr"
    # for an attribute.
    elem, attr = path, ""
    if "@" in path:
        elem, attr = path.split("@")
        elem = elem.rstrip("/")
    value = None
    found = node
    if elem:
        found = node.find(elem)
    if found != None:
        if attr:
            value = found.get(attr)
        else:
            value = found.text
    if value == None:
        value = "Unknown"
    print_entry(key, value)
    return value


conn = libvirt.openReadOnly(None)
doms = [d for d in conn.listAllDomains() if d.name() == name]
if not doms:
    print("Domain %s is not running" % name)
    exit(0)
dom = doms[0]

info = dom.info()
print_section("Domain info")
print_entry("State:", info[0])
print_entry("MaxMem:", info[1])
print_entry("UsedMem:", info[2])
print_entry("VCPUs:", info[3])

# Read some info from the XML desc
root = ET.fromstring(dom.XMLDesc(0))
print_section("Kernel")
print_xml("Type:", root, "os/type")
print_xml("Kernel:", root, "os/kernel")
print_xml("initrd:", root, "os/initrd")
print_xml("cmdline:", root, "os/cmdline")

print_section("Devices")
for d in root.findall("devices/*"):
    type = print_xml("Type:", d, "@type")
    if type == "file":
        print_xml("Source:", d, "source/@file")
        print_xml("Target:", d, "target/@dev")
    elif type == "block":
        print_xml("Source:", d, "source/@dev")
        print_xml("Target:", d, "target/@dev")
    elif type == "bridge":
        print_xml("Source:", d, "source/@bridge")
        print_xml("MAC Addr:", d, "mac/@address")
