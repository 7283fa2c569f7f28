import libvirt
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
if dom.isActive() == True:
    print("active")
dom.destroy()
if dom.isActive() == False:
    print("inactive")
print(dom.isActive(), dom.isPersistent())
