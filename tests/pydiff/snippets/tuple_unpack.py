import libvirt
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
state, maxmem, mem, cpus, cput = dom.info()
print(state, maxmem, mem, cpus)
model, memory, ncpus, mhz, nodes, sockets, cores, threads = conn.getInfo()
print(model, memory, ncpus, mhz, nodes, sockets, cores, threads)
a, (b, c) = 1, (2, 3)
print(a, b, c)
