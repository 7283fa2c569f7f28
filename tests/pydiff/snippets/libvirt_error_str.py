import libvirt
conn = libvirt.open("test:///default")
try:
    conn.lookupByName("nosuch")
except libvirt.libvirtError as e:
    print("error: %s" % e)
    print(str(e))
