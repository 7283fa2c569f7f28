-- Dynamic access: any operation may be reachable from it.
local conn = libvirt.open()
local dom = conn:lookupByName("web-1")
local name = "sus" .. "pend"
dom[name](dom)
dom["resume"](dom)
local f = loadstring("return 1")
local names = {}
for i = 1, 3 do names[i] = i end
for k, v in pairs(names) do print(names[k]) end
