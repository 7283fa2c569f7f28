-- Restore the domains saved in the image files given as arguments (made
-- by domsave): libvirt-python's examples/domrestore.py, ported to
-- vertscript's Lua. It reads local files, so vertscript runs it only with
-- --allow read --allow file.
if #arg < 1 then
  error("usage: domrestore IMAGE...", 0)
end

local conn = libvirt.open(nil)

for _, file in ipairs(arg) do
  print(string.format("Restoring %s ... ", file))
  local ret = conn:restore(file)
  if ret == 0 then
    print("done")
  else
    print(string.format("error %d", ret))
  end
end

local names = {}
for _, d in ipairs(conn:listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)) do
  names[#names + 1] = d:name()
end
table.sort(names)
for _, name in ipairs(names) do
  print("running: " .. name)
end
