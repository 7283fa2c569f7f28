import libvirt
conn = libvirt.open("test:///default")
try:
    conn.lookupByName("nosuch")
except libvirt.libvirtError as e:
    print("code", e.get_error_code())
    print("domain", e.get_error_domain())
    print("message", e.get_error_message())
    print(e.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN)
