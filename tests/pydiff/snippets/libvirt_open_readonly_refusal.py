import libvirt
conn = libvirt.openReadOnly("test:///default")
dom = conn.lookupByName("test")
try:
    dom.suspend()
except libvirt.libvirtError as e:
    print("refused", e.get_error_code())
print(dom.info()[0])
