import libvirt
conn = libvirt.open("test:///default")
print(hasattr(conn, "listAllDomains"), hasattr(conn, "nonexistent"))
f = getattr(conn, "getType")
print(f())
