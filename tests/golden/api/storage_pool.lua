-- virStoragePool on tests/fixtures/storage.xml: the fixture's pools, lookups,
-- source discovery, then a new pool through its lifecycle (define, build,
-- start, refresh, volumes, stop, delete, undefine) and a transient one.
local SCRATCH = [[<pool type='dir'>
  <name>scratch</name>
  <uuid>8f5b7c2e-3a41-4b0e-9d6a-000000000020</uuid>
  <target><path>/scratch</path></target>
</pool>]]

local function classname(o)
  return tostring(o):match("^<(%S+)")
end

local function joined(strs)
  local out = {}
  for i, s in ipairs(strs) do out[i] = s end
  table.sort(out)
  return table.concat(out, ", ")
end

local function names(objs)
  local out = {}
  for i, o in ipairs(objs) do out[i] = o:name() end
  return joined(out)
end

local function py_bool(b)
  if b then return "True" end
  return "False"
end

local function ints(list)
  local out = {}
  for i, n in ipairs(list) do out[i] = string.format("%d", n) end
  return table.concat(out, ", ")
end

local function show(pool)
  local i = pool:info()
  print(string.format("%s (%s): uuid %s, state %d, capacity %d, allocation %d, available %d, active %d, persistent %d, autostart %d",
    pool:name(), classname(pool), pool:UUIDString(), i[1], i[2], i[3], i[4],
    pool:isActive(), pool:isPersistent(), pool:autostart()))
end

local function show_volumes(pool)
  print(string.format("  %d volumes: %s; listAllVolumes: %s", pool:numOfVolumes(), joined(pool:listVolumes()), names(pool:listAllVolumes())))
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

local function inventory(conn)
  print(string.format("active: [%s] (%d), inactive: [%s] (%d)",
    joined(conn:listStoragePools()), conn:numOfStoragePools(),
    joined(conn:listDefinedStoragePools()), conn:numOfDefinedStoragePools()))
end

local conn = libvirt.open()
inventory(conn)
local pools = conn:listAllStoragePools()
table.sort(pools, function(a, b) return a:name() < b:name() end)
for _, pool in ipairs(pools) do
  show(pool)
  show_volumes(pool)
end
local default = conn:storagePoolLookupByName("default-pool")
print(default:XMLDesc(0))
print(string.format("UUID: %d bytes; lookups by UUID, UUID string: %s, %s",
  #default:UUID(), conn:storagePoolLookupByUUID(default:UUID()):name(),
  conn:storagePoolLookupByUUIDString(default:UUIDString()):name()))
print("connect() is the connection: " .. py_bool(default:connect() == conn))
print("persistent ones: " .. names(conn:listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT)))
print("logical ones: " .. names(conn:listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL)))
attempt("storagePoolLookupByName nosuch", conn.storagePoolLookupByName, conn, "nosuch")
attempt("storagePoolLookupByTargetPath", conn.storagePoolLookupByTargetPath, conn, "/default-pool")
attempt("getStoragePoolCapabilities", conn.getStoragePoolCapabilities, conn)
print("findStoragePoolSources logical:")
print(conn:findStoragePoolSources("logical", nil, 0))
print("findStoragePoolSources netfs:")
print(conn:findStoragePoolSources("netfs", "<source><host name='nfs.example.com'/></source>"))
attempt("findStoragePoolSources netfs without a host", conn.findStoragePoolSources, conn, "netfs", nil)
attempt("build an active pool", default.build, default)

print("")
print("-- define")
local scratch = conn:storagePoolDefineXML(SCRATCH, 0)
show(scratch)
inventory(conn)
attempt("listVolumes of an inactive pool", scratch.listVolumes, scratch)
print("-- build and start")
print(string.format("build: %d", scratch:build(0)))
print(string.format("create: %d", scratch:create(0)))
show(scratch)
inventory(conn)
print(string.format("setAutostart: %d", scratch:setAutostart(1)))
print(string.format("autostart: %d", scratch:autostart()))
print(string.format("refresh: %d", scratch:refresh(0)))
show_volumes(scratch)
print("-- volumes")
local disk = scratch:createXML("<volume><name>disk.img</name><capacity unit='GiB'>1</capacity><allocation unit='MiB'>256</allocation></volume>", 0)
print(string.format("createXML: %s (%s), key %s, info %s", disk:name(), classname(disk), disk:key(), ints(disk:info())))
local copy = scratch:createXMLFrom("<volume><name>copy.img</name><capacity unit='GiB'>1</capacity></volume>", disk, 0)
print(string.format("createXMLFrom: %s (%s), key %s, info %s", copy:name(), classname(copy), copy:key(), ints(copy:info())))
print("storageVolLookupByName: " .. scratch:storageVolLookupByName("copy.img"):path())
attempt("createXML of an existing name", scratch.createXML, scratch, "<volume><name>disk.img</name><capacity>1</capacity></volume>")
show_volumes(scratch)
show(scratch)
print(string.format("delete copy.img: %d", copy:delete(0)))
print(string.format("refresh: %d", scratch:refresh()))
show_volumes(scratch)
print("-- stop, delete and undefine")
print(string.format("destroy: %d", scratch:destroy()))
show(scratch)
inventory(conn)
attempt("numOfVolumes of an inactive pool", scratch.numOfVolumes, scratch)
print(string.format("delete: %d", scratch:delete(0)))
print(string.format("undefine: %d", scratch:undefine()))
attempt("storagePoolLookupByName scratch", conn.storagePoolLookupByName, conn, "scratch")
attempt("isActive after undefine", scratch.isActive, scratch)
inventory(conn)

print("")
print("-- a transient pool")
local tmp = conn:storagePoolCreateXML((SCRATCH:gsub("scratch", "tmp"):gsub("020", "021")), 0)
show(tmp)
attempt("undefine a transient pool", tmp.undefine, tmp)
print(string.format("destroy: %d", tmp:destroy()))
attempt("storagePoolLookupByName tmp", conn.storagePoolLookupByName, conn, "tmp")
inventory(conn)
