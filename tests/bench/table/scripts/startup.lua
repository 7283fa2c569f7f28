-- startup: open the test driver's default node and close it, nothing else.
local conn = libvirt.open("test:///default")
conn:close()
