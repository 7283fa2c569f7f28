import libvirt
conn = libvirt.open("test:///default")
for name in ["test", "nosuch"]:
    try:
        dom = conn.lookupByName(name)
    except libvirt.libvirtError:
        print(name, "missing")
    else:
        print(name, "id", dom.ID())
    finally:
        print("checked", name)
