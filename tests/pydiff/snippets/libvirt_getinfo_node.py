import libvirt
conn = libvirt.open("test:///default")
print(conn.getType(), conn.getHostname() != "", conn.getURI())
print(conn.getMaxVcpus(None) > 0, conn.getFreeMemory() >= 0)
print(conn.isAlive(), conn.isSecure(), conn.isEncrypted())
