local conn = libvirt.open()
for _, id in ipairs(conn:listDomainsID())
  print(id)
end
