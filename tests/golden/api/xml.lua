-- The xml module (ElementTree's subset) on libvirt's XML: a domain's disks,
-- MACs and bridges, ElementTree's paths, a host's capabilities.
local conn = libvirt.open()

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function show(s)
  if s == nil then return "None" end
  return "'" .. trim(s) .. "'"
end

local function map(t, f)
  local out = {}
  for i, v in ipairs(t) do out[i] = f(v) end
  return out
end

local function tags(elements)
  local s = table.concat(map(elements, function(e) return e.tag end), " ")
  if s == "" then return "-" end
  return s
end

local function pytruth(b)
  if b then return "True" end
  return "False"
end

local function report(root)
  local memory = root:find("memory")
  print(string.format("%s (%s): %s %s, %s vCPU, %s on %s", root:findtext("name"), root:get("type"), memory.text, memory:get("unit"),
    root:findtext("vcpu"), root:findtext("os/type"), root:find("os/type"):get("arch")))
  local disks = root:findall("devices/disk")
  if #disks == 0 then
    print("  disks: none")
  end
  for _, disk in ipairs(disks) do
    local target = disk:find("target")
    local source = disk:find("source")
    local file = "no source"
    if source ~= nil then
      file = source:get("file")
    end
    local extra = ""
    if disk:find("readonly") ~= nil then
      extra = ", read-only"
    end
    print(string.format("  disk %s: %s on %s, %s%s", target:get("dev"), disk:get("device"), target:get("bus"), file, extra))
  end
  for _, iface in ipairs(root:iter("interface")) do
    local source = iface:find("source")
    local key = source:keys()[1]
    print(string.format("  interface %s: mac %s, %s %s", iface:get("type"), iface:find("mac"):get("address"), key, source:get(key)))
  end
  print("  MACs: " .. table.concat(map(root:findall("devices/interface/mac"), function(mac) return mac:get("address") end), ", "))
  local bridges = table.concat(map(root:findall(".//interface[@type='bridge']/source"), function(s) return s:get("bridge") end), ", ")
  if bridges == "" then bridges = "none" end
  print("  bridges: " .. bridges)
end

print("== web-1, from the fixture")
report(xml.fromstring(conn:lookupByName("web-1"):XMLDesc(0)))

print("== xml-demo, defined for this test")
local dom = conn:defineXML(read_file("tests/golden/api/xml-demo.xml"))
local root = xml.fromstring(dom:XMLDesc(0))
report(root)

print("== paths")
for _, path in ipairs({
  "devices/disk[@device='cdrom']/target",
  "devices/disk[@device!='cdrom']/target",
  "devices/disk[1]/target",
  "devices/disk[last()]/target",
  "devices/interface[last()-1]/mac",
  ".//disk[readonly]/source",
  ".//source[@bridge]/..",
  ".//target/..",
  "devices/*",
  "devices/*[2]",
  "devices/disk/driver/../target",
  "devices/interface[model]",
  "devices/interface[mac][source]/source",
  "os/type[.='hvm']/..",
  ".",
  "..",
  "*/boot",
  "{*}devices/{}controller",
}) do
  local found = root:findall(path)
  print(string.format("%-40s %d: %s", path, #found, table.concat(map(found, function(e)
    return e.tag .. "(" .. table.concat(map(e:items(), function(kv) return kv[1] .. "=" .. kv[2] end), ",") .. ")"
  end), " ")))
end
print("find nope: " .. show(root:find("nope")))
print(string.format("findtext: %s %s %s %s", show(root:findtext("name")), show(root:findtext("devices/disk/readonly")),
  show(root:findtext("devices/nope")), show(root:findtext("devices/nope", "default"))))
local texts = {}
for _, t in ipairs(root:find("os"):itertext()) do
  if trim(t) ~= "" then texts[#texts + 1] = trim(t) end
end
print("itertext of os: " .. table.concat(texts, "|"))

print("== elements")
local children = root:children()
print(string.format("root %s, %d children: %s", root.tag, #root, tags(children)))
print(string.format("first %s, last %s, all %d, disks %d", children[1].tag, children[#root].tag, #root:iter(), #root:iter("disk")))
local address = root:find("devices/disk[2]/address")
local keys = address:keys()
table.sort(keys)
print("attrib of the cdrom's address: " .. table.concat(map(keys, function(k) return k .. "=" .. address.attrib[k] end), ", "))
print(string.format("text %s, tail %s, readonly text %s", show(root:find("name").text), show(root:find("name").tail), show(root:find(".//readonly").text)))
print(string.format("same element: %s, other element: %s", pytruth(root:find("name") == children[1]), pytruth(root:find("name") == children[2])))
print(trim(xml.tostring(root:find("devices/disk[2]"))))
dom:undefine()

print("== namespaces")
local meta = xml.fromstring([[<metadata xmlns:app='http://example.org/app/1.0'><app:owner team='ops'>alice</app:owner><note>n</note></metadata>]])
local ns = {a = "http://example.org/app/1.0"}
print(string.format("%s %s %s %s", meta:children()[1].tag, show(meta:findtext("a:owner", nil, ns)), meta:find("{*}owner"):get("team"), show(meta:findtext("{http://example.org/app/1.0}owner"))))
print(xml.tostring(meta))

print("== capabilities")
local caps = xml.fromstring(conn:getCapabilities())
print(string.format("host arch %s, %d page sizes, secmodel %s (doi %s, text %s)", caps:findtext("host/cpu/arch"), #caps:findall("host/cpu/pages"),
  caps:findtext("host/secmodel/model"), show(caps:findtext("host/secmodel/doi")), show(caps:find("host/secmodel/doi").text)))
for _, guest in ipairs(caps:findall("guest")) do
  print(string.format("guest %s/%s: %s", guest:findtext("os_type"), guest:find("arch"):get("name"), guest:findtext("arch/emulator")))
end
