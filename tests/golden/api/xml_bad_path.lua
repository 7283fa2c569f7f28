-- A path outside ElementTree's subset ends the script with the reason.
local root = xml.fromstring(libvirt.open():lookupByName("web-1"):XMLDesc(0))
print(string.format("%d interface(s)", #root:findall("devices/interface")))
print(root:findall("devices/interface[@type=network]"))
print("not reached")
