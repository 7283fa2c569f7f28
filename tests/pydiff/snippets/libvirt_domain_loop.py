import libvirt
conn = libvirt.open("test:///default")
for dom in conn.listAllDomains():
    info = dom.info()
    print("%-10s state=%d mem=%d vcpus=%d" % (dom.name(), info[0], info[2], info[3]))
for id in conn.listDomainsID():
    print(id, conn.lookupByID(id).name())
