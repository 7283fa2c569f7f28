import libvirt
conn = libvirt.open("test:///default")
def find(name):
    try:
        return conn.lookupByName(name)
    except libvirt.libvirtError:
        print("lookup failed:", name)
        raise
try:
    find("nosuch")
except libvirt.libvirtError as e:
    print("caught again", e.get_error_code())
