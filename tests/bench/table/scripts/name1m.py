# name1m: one domain looked up once, then its name read 1,000,000 times.
import libvirt
conn = libvirt.open("test:///default")
dom = conn.lookupByID(1)
for i in range(1000000):
    dom.name()
