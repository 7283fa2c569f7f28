import libvirt
conn = libvirt.open(None)
print(conn.getURI())
conn2 = libvirt.openReadOnly()
print(conn2.getURI())
