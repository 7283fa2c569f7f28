import libvirt
def name_of(dom: libvirt.virDomain) -> str:
    return dom.name()
count: int = 0
conn: libvirt.virConnect = libvirt.open("test:///default")
for dom in conn.listAllDomains():
    count += 1
    print(name_of(dom))
print(count)
