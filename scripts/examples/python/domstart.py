#!/usr/bin/env python3
# Check that the domain described by DOMAIN.XML is running; if it is not,
# create it: libvirt-python's examples/domstart.py, ported to vertscript.
# The original finds the name with libxml2's XPath; the port uses
# ElementTree. open() in vertscript reads only inside the readable
# directories.
# compat-args: scripts/examples/create_domain.xml
import libvirt
import sys
import xml.etree.ElementTree as ET


# Parse the XML description of a domain from fname and return a tuple
# (name, xmldesc) where name is the name of the domain, and xmldesc is the
# content of fname.
def read_domain(fname):
    fp = open(fname, "r")
    xmldesc = fp.read()
    fp.close()

    name = ET.fromstring(xmldesc).find("name").text
    return (name, xmldesc)


if len(sys.argv) != 2:
    print("usage: domstart DOMAIN.XML", file=sys.stderr)
    exit(2)

name, xmldesc = read_domain(sys.argv[1])

conn = libvirt.open(None)

if name in [d.name() for d in conn.listAllDomains()]:
    print("Domain %s is already defined" % name)
else:
    print("Starting domain %s ... " % name)
    dom = conn.createLinux(xmldesc, 0)
    if dom == None:
        print("failed")
        exit(1)
    else:
        print("done")
        print("%s is running: %s" % (dom.name(), dom.isActive() == 1))
