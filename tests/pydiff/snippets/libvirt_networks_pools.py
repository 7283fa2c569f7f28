import libvirt
conn = libvirt.open("test:///default")
for net in conn.listAllNetworks():
    print(net.name(), net.isActive(), net.bridgeName())
for pool in conn.listAllStoragePools():
    info = pool.info()
    print(pool.name(), info[0], len(pool.listVolumes()))
