-- virConnect's host, CPU and domain-definition methods on tests/fixtures/host.xml
-- (and on test:///default, whose node has NUMA cells). Methods the test driver
-- does not implement are called once through pcall.
local conn = libvirt.open()

local function err_line(name, err)
  return string.format("%s: error %d in domain %d: %s", name, err:get_error_code(), err:get_error_domain(), err:get_error_message())
end

local function try_call(name, obj, method, ...)
  local ok, res = pcall(obj[method], obj, ...)
  if not ok then
    print(err_line(name, res))
    return nil
  end
  return res
end

local function flag_str(b)
  if b then return "True" end
  return "False"
end

local function dict_line(d)
  local keys = {}
  for k in pairs(d) do table.insert(keys, k) end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do table.insert(parts, string.format("%s=%d", k, d[k])) end
  return table.concat(parts, ", ")
end

local function ints_line(l)
  local parts = {}
  for _, n in ipairs(l) do table.insert(parts, string.format("%d", n)) end
  return table.concat(parts, ", ")
end

print("== CPUs and memory")
local map = conn:getCPUMap()
local flags = {}
for _, b in ipairs(map[2]) do table.insert(flags, flag_str(b)) end
print(string.format("getCPUMap: %d CPUs, %d online: %s", map[1], map[3], table.concat(flags, " ")))
print("getCPUStats(all): " .. dict_line(conn:getCPUStats(libvirt.VIR_NODE_CPU_STATS_ALL_CPUS)))
print("getCPUStats(3): " .. dict_line(conn:getCPUStats(3, 0)))
try_call("getCPUStats(-2)", conn, "getCPUStats", -2)
try_call("getMemoryStats", conn, "getMemoryStats", libvirt.VIR_NODE_MEMORY_STATS_ALL_CELLS)
try_call("getCellsFreeMemory (no NUMA cells)", conn, "getCellsFreeMemory", 0, 2)
local pages = conn:getFreePages({4, 2048}, 0, 1)
local ncells = 0
for _ in pairs(pages) do ncells = ncells + 1 end
print(string.format("getFreePages: %d cells", ncells))
try_call("getFreePages([])", conn, "getFreePages", {}, 0, 1)
try_call("allocPages", conn, "allocPages", {[2048] = 8}, 0, 1)
try_call("getMemoryParameters", conn, "getMemoryParameters")
try_call("setMemoryParameters", conn, "setMemoryParameters", {shm_pages_to_scan = 100})
try_call("getSEVInfo", conn, "getSEVInfo")
try_call("suspendForDuration", conn, "suspendForDuration", libvirt.VIR_NODE_SUSPEND_TARGET_MEM, 60)
try_call("setIdentity", conn, "setIdentity", {["user-name"] = "alice", ["unix-user-id"] = 1000})

print("== NUMA cells of test:///default")
local numa = libvirt.open("test:///default")
print("getCellsFreeMemory(0, 4): " .. ints_line(numa:getCellsFreeMemory(0, 4)))
print("getCellsFreeMemory(1, 4): " .. ints_line(numa:getCellsFreeMemory(1, 4)))
numa:close()

print("== host")
local model = conn:getSecurityModel()
print(string.format("getSecurityModel: model %s, doi '%s'", model[1], model[2]))
print(string.format("getMaxVcpus(None): %d, getMaxVcpus('test'): %d", conn:getMaxVcpus(nil), conn:getMaxVcpus("test")))
print("getSysinfo:")
print((conn:getSysinfo():gsub("%s+$", "")))
try_call("getDomainCapabilities", conn, "getDomainCapabilities")

print("== CPU models")
local names = conn:getCPUModelNames("i686")
local qemu64 = false
for _, n in ipairs(names) do
  if n == "qemu64" then qemu64 = true end
end
print(string.format("getCPUModelNames(i686): %s, %s, %s, ... (qemu64 listed: %s)", names[1], names[2], names[3], flag_str(qemu64)))
try_call("getCPUModelNames(bogus)", conn, "getCPUModelNames", "bogus")
local cpu = "<cpu><arch>x86_64</arch><model>core2duo</model></cpu>"
print("baselineCPU:")
print((conn:baselineCPU({cpu}):gsub("%s+$", "")))
local expanded = conn:baselineCPU({cpu, cpu}, libvirt.VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES)
local _, nfeatures = expanded:gsub("<feature ", "")
print(string.format("baselineCPU(expand features): %d features", nfeatures))
try_call("baselineCPU(None)", conn, "baselineCPU", nil)
try_call("baselineHypervisorCPU", conn, "baselineHypervisorCPU", nil, "x86_64", nil, nil, {cpu})
try_call("compareCPU", conn, "compareCPU", cpu)
try_call("compareHypervisorCPU", conn, "compareHypervisorCPU", nil, "x86_64", nil, nil, cpu)

print("== domains")
local dom = conn:lookupByUUID("\102\149\235\001\246\164\131\004\121\170\151\242\080\046\025\063")
print(string.format("lookupByUUID: %s (%s)", dom:name(), dom:UUIDString()))
try_call("lookupByUUID(unknown)", conn, "lookupByUUID", "0123456789abcdef")
local xml = "<domain type='test'><name>web-3</name><memory>131072</memory><os><type>hvm</type></os></domain>"
dom = conn:defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
print(string.format("defineXMLFlags: %s, persistent %d, active %d", dom:name(), dom:isPersistent(), dom:isActive()))
dom:undefine()
local ok, err = pcall(conn.defineXMLFlags, conn, "<domain type='test'><name>bad</name><bogus/></domain>", libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
print(string.format("defineXMLFlags(invalid): error %d in domain %d", err:get_error_code(), err:get_error_domain()))
dom = conn:createLinux((xml:gsub("web%-3", "scratch-1")))
print(string.format("createLinux: %s, persistent %d, active %d", dom:name(), dom:isPersistent(), dom:isActive()))
dom:destroy()
local defined = conn:listDefinedDomains()
table.sort(defined)
print("after destroy: " .. table.concat(defined, ", "))
try_call("domainXMLFromNative", conn, "domainXMLFromNative", "qemu-argv", "qemu-system-x86_64 -m 512")
try_call("domainXMLToNative", conn, "domainXMLToNative", "qemu-argv", conn:lookupByName("test"):XMLDesc())
