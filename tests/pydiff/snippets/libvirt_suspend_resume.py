import libvirt
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
dom.suspend()
print(dom.info()[0] == libvirt.VIR_DOMAIN_PAUSED)
dom.resume()
print(dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING)
