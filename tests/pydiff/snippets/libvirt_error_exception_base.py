import libvirt
conn = libvirt.open("test:///default")
try:
    conn.lookupByName("nosuch")
except Exception as e:
    print(type(e).__name__, isinstance(e, libvirt.libvirtError))
