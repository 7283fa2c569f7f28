import libvirt
conn = libvirt.open("test:///default")
doms = conn.listAllDomains()
print(sum(d.info()[3] for d in doms))
print(any(d.isActive() for d in doms), all(d.isActive() for d in doms))
print(", ".join(d.name() for d in doms))
print(max(len(s) for s in ["a", "bbb", "cc"]))
