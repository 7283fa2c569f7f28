-- virStorageVol on tests/fixtures/storage.xml: the fixture's volumes, the
-- routes to a volume (pool, key, path) and back to its pool, a new volume
-- and its clone through their lifecycle, and what the test driver cannot do
-- (resize, wipe, infoFlags) through pcall.
local function classname(o)
  return tostring(o):match("^<(%S+)")
end

local function ints(ns)
  local out = {}
  for i, n in ipairs(ns) do out[i] = string.format("%d", n) end
  return table.concat(out, ", ")
end

local function sorted(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  table.sort(out)
  return out
end

local function py_bool(b)
  if b then return "True" end
  return "False"
end

local function show(vol)
  print(string.format("%s (%s): key %s, path %s, info %s", vol:name(), classname(vol), vol:key(), vol:path(), ints(vol:info())))
end

local function attempt(what, f, ...)
  local ok, res = pcall(f, ...)
  if not ok then
    print(string.format("%s: error %d in domain %d: %s", what, res:get_error_code(), res:get_error_domain(), res:get_error_message()))
    return nil
  end
  print(string.format("%s: %s", what, tostring(res)))
  return res
end

local conn = libvirt.open()
for _, name in ipairs(sorted(conn:listStoragePools())) do
  local pool = conn:storagePoolLookupByName(name)
  print(string.format("pool %s:", name))
  local vols = pool:listAllVolumes()
  table.sort(vols, function(a, b) return a:name() < b:name() end)
  for _, vol in ipairs(vols) do
    show(vol)
  end
end
local pool = conn:storagePoolLookupByName("default-pool")
local vol = pool:storageVolLookupByName("web-1.img")
print(vol:XMLDesc(0))
local back = vol:storagePoolLookupByVolume()
print(string.format("storagePoolLookupByVolume: %s (%s)", back:name(), classname(back)))
print("connect() is the connection: " .. py_bool(vol:connect() == conn))
print("storageVolLookupByKey: " .. conn:storageVolLookupByKey(vol:key()):name())
print("storageVolLookupByPath: " .. conn:storageVolLookupByPath("/dev/vg0/data"):name())
attempt("storageVolLookupByName nosuch", pool.storageVolLookupByName, pool, "nosuch")
attempt("storageVolLookupByKey nosuch", conn.storageVolLookupByKey, conn, "/default-pool/nosuch")
attempt("storageVolLookupByPath nosuch", conn.storageVolLookupByPath, conn, "/nosuch/disk")
attempt("infoFlags", vol.infoFlags, vol, libvirt.VIR_STORAGE_VOL_GET_PHYSICAL)
attempt("resize", vol.resize, vol, 20 * 1024 * 1024 * 1024, 0)
attempt("resize (shrink)", vol.resize, vol, 1024, libvirt.VIR_STORAGE_VOL_RESIZE_SHRINK)
attempt("wipe", vol.wipe, vol)
attempt("wipePattern", vol.wipePattern, vol, libvirt.VIR_STORAGE_VOL_WIPE_ALG_ZERO, 0)

print("")
print("-- a new volume and its clone")
local new = pool:createXML("<volume><name>web-2.img</name><capacity unit='GiB'>10</capacity><allocation unit='GiB'>1</allocation><target><format type='raw'/></target></volume>", 0)
show(new)
print(new:XMLDesc())
local clone = pool:createXMLFrom("<volume><name>web-3.img</name><capacity unit='GiB'>10</capacity></volume>", new, 0)
show(clone)
print("pool: " .. table.concat(sorted(pool:listVolumes()), ", "))
print("pool info: " .. ints(pool:info()))
print(string.format("delete web-3.img: %d", clone:delete(0)))
attempt("info after delete", clone.info, clone)
attempt("storageVolLookupByKey after delete", conn.storageVolLookupByKey, conn, "/default-pool/web-3.img")
attempt("delete again", clone.delete, clone)
print(string.format("delete web-2.img: %d", new:delete()))
print("pool: " .. table.concat(sorted(pool:listVolumes()), ", "))
print("pool info: " .. ints(pool:info()))
