import libvirt
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
if dom is not None and conn is not None:
    print("found", dom.name())
print(dom.isActive() == True, dom.isActive() is 1 or dom.isActive() == 1)
