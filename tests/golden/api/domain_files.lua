-- The operations that read or write local files (effect file): save,
-- restore, core dumps, saved images. They run only with --allow file; the
-- golden run passes a fresh directory as arg[1].
local d = arg[1]
local conn = libvirt.open()

local function show(v)
  if v == true then return "True" elseif v == false then return "False" end
  return tostring(v)
end

local function attempt(what, f)
  local ok, res = pcall(f)
  if not ok then
    print(string.format("%s: error %d: %s", what, res:get_error_code(), res:get_error_message()))
    return nil
  end
  print(string.format("%s: %s", what, show(res)))
  return res
end

local function running()
  local names = {}
  for _, x in ipairs(conn:listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)) do
    names[#names + 1] = x:name()
  end
  table.sort(names)
  return table.concat(names, ", ")
end

local web1 = conn:lookupByName("web-1")
local web2 = conn:lookupByName("web-2")
local db1 = conn:lookupByName("db-1")
attempt("save web-1", function() return web1:save(d .. "/web-1.img") end)
attempt("saveFlags web-2", function() return web2:saveFlags(d .. "/web-2.img", nil, 0) end)
attempt("saveParams db-1", function() return db1:saveParams({[libvirt.VIR_DOMAIN_SAVE_PARAM_FILE] = d .. "/db-1.img"}, 0) end)
print("running after the saves: " .. running())
attempt("saveImageGetXMLDesc", function()
  return conn:saveImageGetXMLDesc(d .. "/web-1.img", 0):find(web1:name(), 1, true) ~= nil
end)
attempt("saveImageDefineXML", function() return conn:saveImageDefineXML(d .. "/web-1.img", web1:XMLDesc(0), 0) end)
attempt("restore web-1", function() return conn:restore(d .. "/web-1.img") end)
attempt("restoreFlags web-2", function() return conn:restoreFlags(d .. "/web-2.img", nil, 0) end)
attempt("restoreParams db-1", function() return conn:restoreParams({[libvirt.VIR_DOMAIN_SAVE_PARAM_FILE] = d .. "/db-1.img"}, 0) end)
print("running after the restores: " .. running())
attempt("coreDump web-1", function() return web1:coreDump(d .. "/web-1.core", 0) end)
attempt("coreDumpWithFormat web-2", function()
  return web2:coreDumpWithFormat(d .. "/web-2.core", libvirt.VIR_DOMAIN_CORE_DUMP_FORMAT_RAW, 0)
end)
attempt("blockCopy", function()
  return web1:blockCopy("vda", string.format("<disk type='file'><source file='%s/copy.img'/></disk>", d), nil, 0)
end)
attempt("blockRebase", function() return web1:blockRebase("vda", d .. "/base.img", 0, 0) end)
attempt("backupBegin", function() return web1:backupBegin("<domainbackup/>", nil, 0) end)
