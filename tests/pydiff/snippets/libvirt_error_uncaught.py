import libvirt
conn = libvirt.open("test:///default")
print("before")
conn.lookupByName("nosuch")
print("after")
