# Set displays and set comprehensions.
import libvirt
conn = libvirt.open("test:///default")
states = {dom.state()[0] for dom in conn.listAllDomains()}
print(sorted(states))
ids = {
    d.ID()
    for d in conn.listAllDomains()
}
print(len(ids), 1 in ids, {1, 2} | {3})
