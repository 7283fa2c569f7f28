-- Save all currently running domains into DIR, which must exist and be
-- writable: libvirt-python's examples/domsave.py, ported to vertscript's
-- Lua. It saves to local files, so vertscript runs it only with
-- --allow read --allow file.
if #arg ~= 1 then
  error("usage: domsave DIR", 0)
end
local target = arg[1]

local conn = libvirt.open(nil)

for _, id in ipairs(conn:listDomainsID()) do
  if id ~= 0 then
    local dom = conn:lookupByID(id)
    print(string.format("Saving %s[%d] ... ", dom:name(), id))
    local ret = dom:save(target .. "/" .. dom:name())
    if ret == 0 then
      print("done")
    else
      print(string.format("error %d", ret))
    end
  end
end
