local conn = libvirt.open()
conn:lookupByID("1")
