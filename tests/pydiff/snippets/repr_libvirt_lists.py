import libvirt
conn = libvirt.open("test:///default")
print(conn.listDomainsID())
print(conn.listDefinedDomains())
print(conn.listNetworks())
dom = conn.lookupByName("test")
print(dom.state())
