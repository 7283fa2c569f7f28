# loop100k: 100,000 rounds of list, look up, info and name on the harness's
# 200-domain node, reached through the default URI (LIBVIRT_DEFAULT_URI).
import libvirt
conn = libvirt.open()
for i in range(100000):
    ids = conn.listDomainsID()
    dom = conn.lookupByID(ids[i % len(ids)])
    dom.info()
    dom.name()
