-- virDomain's tunables on tests/fixtures/domstats.xml: each setter changes
-- vm1, then its getter reads the change back. Setters the test driver lacks,
-- or refuses, print libvirt's error.

-- fmt prints a value as Python's "%s" does.
local function fmt(v)
  if type(v) == "boolean" then return v and "True" or "False" end
  if type(v) == "number" then return string.format("%d", v) end
  return tostring(v)
end

local function sorted_keys(d)
  local keys = {}
  for k in pairs(d) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

local function fmt_dict(d)
  local parts = {}
  for _, k in ipairs(sorted_keys(d)) do parts[#parts + 1] = k .. "=" .. fmt(d[k]) end
  return table.concat(parts, ", ")
end

local function bits(m)
  local s = {}
  for i, b in ipairs(m) do s[i] = b and "1" or "0" end
  return table.concat(s)
end

local function enabled(d)
  local on = {}
  for _, k in ipairs(sorted_keys(d)) do
    if d[k] then on[#on + 1] = k end
  end
  return table.concat(on, ",")
end

local function fails(what, f, ...)
  local ok, res = pcall(f, ...)
  if not ok then
    print(string.format("%s: error %d: %s", what, res:get_error_code(), res:get_error_message()))
  else
    print(what .. ": returned " .. fmt(res))
  end
end

local conn = libvirt.open()
local dom = conn:lookupByName("vm1")

print("-- memory")
print(string.format("setMemoryParameters: %d", dom:setMemoryParameters({hard_limit = 1048576, soft_limit = 524288})))
print("memoryParameters: " .. fmt_dict(dom:memoryParameters()))
print(string.format("setNumaParameters: %d", dom:setNumaParameters({numa_mode = libvirt.VIR_DOMAIN_NUMATUNE_MEM_PREFERRED, numa_nodeset = "0"})))
print("numaParameters: " .. fmt_dict(dom:numaParameters()))
print(string.format("setMemoryStatsPeriod: %d", dom:setMemoryStatsPeriod(5)))

print("-- block")
print(string.format("setBlkioParameters: %d", dom:setBlkioParameters({weight = 500, device_weight = "/dev/vda,100"})))
print("blkioParameters: " .. fmt_dict(dom:blkioParameters()))
fails("setBlockIoTune above its max", dom.setBlockIoTune, dom, "vda", {total_bytes_sec = 1000})
print(string.format("setBlockIoTune: %d", dom:setBlockIoTune("vda", {total_bytes_sec = 1000, total_bytes_sec_max = 2000, group_name = "g1"})))
local tune = dom:blockIoTune("vda")
print(string.format("blockIoTune: total_bytes_sec=%d, total_bytes_sec_max=%d, group_name=%s", tune.total_bytes_sec, tune.total_bytes_sec_max, tune.group_name))

print("-- interface")
print(string.format("setInterfaceParameters: %d", dom:setInterfaceParameters("vm1-net0", {["inbound.average"] = 100, ["outbound.peak"] = 200})))
print("interfaceParameters: " .. fmt_dict(dom:interfaceParameters("vm1-net0")))

print("-- CPU")
print(string.format("setSchedulerParameters: %d", dom:setSchedulerParameters({weight = 100})))
print("schedulerParameters (the test driver keeps its weight): " .. fmt_dict(dom:schedulerParameters()))
fails("setSchedulerParametersFlags", dom.setSchedulerParametersFlags, dom, {weight = 100}, libvirt.VIR_DOMAIN_AFFECT_LIVE)
print(string.format("setPerfEvents: %d", dom:setPerfEvents({cmt = true, cpu_cycles = 1})))
print("perfEvents enabled: " .. enabled(dom:perfEvents()))
print(string.format("setPerfEvents: %d", dom:setPerfEvents({cmt = false})))
print("perfEvents enabled: " .. enabled(dom:perfEvents()))

print("-- vCPUs")
print(string.format("setVcpus: %d", dom:setVcpus(1)))
print(string.format("vcpusFlags: %d", dom:vcpusFlags()))
print(string.format("setVcpusFlags: %d", dom:setVcpusFlags(3, libvirt.VIR_DOMAIN_AFFECT_CONFIG)))
print(string.format("vcpusFlags(config): %d", dom:vcpusFlags(libvirt.VIR_DOMAIN_AFFECT_CONFIG)))
fails("setVcpu", dom.setVcpu, dom, "1-2,^2", 0)
fails("setGuestVcpus", dom.setGuestVcpus, dom, "1", 1)
print(string.format("pinVcpu: %d", dom:pinVcpu(0, {true, false, true})))
local pins = {}
for i, m in ipairs(dom:vcpuPinInfo()) do pins[i] = bits(m) end
print("vcpuPinInfo: " .. table.concat(pins, " "))
local vcpus = dom:vcpus()
print(string.format("vcpus: vcpu %d on CPU %d, may run on %s", vcpus[1][1][1], vcpus[1][1][4], bits(vcpus[2][1])))
fails("pinVcpuFlags of an offline vCPU", dom.pinVcpuFlags, dom, 1, {false, true})
-- A map longer than the host's 8 CPUs is cut, as libvirt-python cuts it.
print(string.format("pinEmulator: %d", dom:pinEmulator({true, false, false, true, false, false, false, false, true, true})))
print("emulatorPinInfo: " .. bits(dom:emulatorPinInfo()))

print("-- IOThreads")
print(string.format("addIOThread: %d", dom:addIOThread(5)))
print(string.format("pinIOThread: %d", dom:pinIOThread(1, {false, false, true})))
print(string.format("setIOThreadParams: %d", dom:setIOThreadParams(1, {poll_max_ns = 100, poll_grow = 2, poll_shrink = 4})))
print(string.format("delIOThread: %d", dom:delIOThread(2)))
for _, t in ipairs(dom:ioThreadInfo()) do
  print(string.format("IOThread %d: %s", t[1], bits(t[2])))
end
for _, r in ipairs(conn:domainListGetStats({dom}, libvirt.VIR_DOMAIN_STATS_IOTHREAD)) do
  print("iothread stats: " .. fmt_dict(r[2]))
end
fails("delIOThread of no IOThread", dom.delIOThread, dom, 9)

print("-- time")
print(string.format("setTime: %d", dom:setTime({seconds = 1700000000, nseconds = 5})))
print("getTime: " .. fmt_dict(dom:getTime()))
print(string.format("setTime(sync): %d", dom:setTime(nil, libvirt.VIR_DOMAIN_TIME_SYNC)))
print("getTime: " .. fmt_dict(dom:getTime()))

print("-- metadata")
print(string.format("setMetadata(title): %d", dom:setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, "Stats VM", nil, nil)))
print("title: " .. dom:metadata(libvirt.VIR_DOMAIN_METADATA_TITLE, nil))
local uri = "http://example.org/vertscript/1"
print(string.format("setMetadata(element): %d", dom:setMetadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, '<owner team="ops"/>', "vs", uri)))
print("element: " .. dom:metadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, uri))
print(string.format("setMetadata(remove): %d", dom:setMetadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, nil, nil, uri)))
fails("element after removal", dom.metadata, dom, libvirt.VIR_DOMAIN_METADATA_ELEMENT, uri)
print(string.format("isUpdated: %d", dom:isUpdated()))

print("-- launch security")
fails("setLaunchSecurityState", dom.setLaunchSecurityState, dom, {["sev-secret"] = "c2VjcmV0", ["sev-secret-header"] = "aGVhZGVy"})
