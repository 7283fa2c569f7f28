-- Print information about the domain DOMAIN: libvirt-python's
-- examples/dominfo.py, ported to vertscript's Lua, with the xml module.
if #arg ~= 1 then
  error("usage: dominfo DOMAIN", 0)
end
local name = arg[1]

local function print_section(title)
  print("\n" .. title)
  print(string.rep("=", 60))
end

local function print_entry(key, value)
  print(string.format("%-10s %-10s", key, tostring(value)))
end

-- path is "elem/elem" for an element's text, "elem/@attr" or "@attr" for
-- an attribute.
local function print_xml(key, node, path)
  local elem, attr = path, nil
  local at = path:find("@", 1, true)
  if at then
    elem, attr = path:sub(1, at - 1):gsub("/$", ""), path:sub(at + 1)
  end
  local found = node
  if elem ~= "" then
    found = node:find(elem)
  end
  local value
  if found then
    if attr then value = found:get(attr) else value = found.text end
  end
  if value == nil then
    value = "Unknown"
  end
  print_entry(key, value)
  return value
end

local conn = libvirt.openReadOnly(nil)
local dom
for _, d in ipairs(conn:listAllDomains()) do
  if d:name() == name then dom = d end
end
if not dom then
  print(string.format("Domain %s is not running", name))
  return
end

local info = dom:info()
print_section("Domain info")
print_entry("State:", info[1])
print_entry("MaxMem:", info[2])
print_entry("UsedMem:", info[3])
print_entry("VCPUs:", info[4])

local root = xml.fromstring(dom:XMLDesc(0))
print_section("Kernel")
print_xml("Type:", root, "os/type")
print_xml("Kernel:", root, "os/kernel")
print_xml("initrd:", root, "os/initrd")
print_xml("cmdline:", root, "os/cmdline")

print_section("Devices")
for _, d in ipairs(root:findall("devices/*")) do
  local type = print_xml("Type:", d, "@type")
  if type == "file" then
    print_xml("Source:", d, "source/@file")
    print_xml("Target:", d, "target/@dev")
  elseif type == "block" then
    print_xml("Source:", d, "source/@dev")
    print_xml("Target:", d, "target/@dev")
  elseif type == "bridge" then
    print_xml("Source:", d, "source/@bridge")
    print_xml("MAC Addr:", d, "mac/@address")
  end
end
