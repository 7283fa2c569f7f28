-- virDomain's statistics and getters, and virConnect's getAllDomainStats and
-- domainListGetStats, on tests/fixtures/domstats.xml: vm1 runs with two disks,
-- an interface and two IOThreads; vm2 is shut off. Then a domain's life:
-- define, start, its statistics, stop, undefine. Dicts print sorted; the
-- test driver's clock-driven counters print as their shape.
local function hexbytes(b)
  return (b:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

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

local function ints(l)
  local s = {}
  for i, x in ipairs(l) do s[i] = string.format("%d", x) end
  return table.concat(s, ", ")
end

local function fails(what, f, ...)
  local ok, err = pcall(f, ...)
  if not ok then
    print(string.format("%s: error %d: %s", what, err:get_error_code(), err:get_error_message()))
  else
    print(what .. ": no error")
  end
end

local conn = libvirt.open()
local dom = conn:lookupByName("vm1")

print("-- identity")
local uuid = dom:UUID()
print(string.format("UUID: %d bytes, %s", #uuid, hexbytes(uuid)))
print("UUID matches UUIDString: " .. fmt(hexbytes(uuid) == (dom:UUIDString():gsub("-", ""))))
print("OSType: " .. dom:OSType())
print("hostname: " .. dom:hostname())
print(string.format("isUpdated: %d", dom:isUpdated()))
print("controlInfo: " .. ints(dom:controlInfo()))
local sl = dom:securityLabel()
print(string.format("securityLabel: %s, enforcing %s", sl[1], fmt(sl[2])))
fails("securityLabelList", dom.securityLabelList, dom)
print(string.format("messages: %d", #dom:messages()))
print("description: " .. dom:metadata(libvirt.VIR_DOMAIN_METADATA_DESCRIPTION, nil))
fails("title", dom.metadata, dom, libvirt.VIR_DOMAIN_METADATA_TITLE, nil)
print("getTime: " .. fmt_dict(dom:getTime()))
for _, fs in ipairs(dom:fsInfo()) do
  print(string.format("fsInfo: %s on %s (%s), disks %s", fs[2], fs[1], fs[3], table.concat(fs[4], ",")))
end
fails("guestInfo", dom.guestInfo, dom)
fails("launchSecurityInfo", dom.launchSecurityInfo, dom)

print("-- CPU")
for _, stats in ipairs(dom:getCPUStats(true)) do
  print("getCPUStats(total): " .. fmt_dict(stats))
end
local percpu = dom:getCPUStats(false)
print(string.format("getCPUStats(per CPU): %d CPUs", #percpu))
for i, stats in ipairs(percpu) do
  print(string.format("  CPU %d: %s", i - 1, fmt_dict(stats)))
end
local st = dom:schedulerType()
print(string.format("schedulerType: %s, %d parameters", st[1], st[2]))
print("schedulerParameters: " .. fmt_dict(dom:schedulerParameters()))
fails("schedulerParametersFlags", dom.schedulerParametersFlags, dom)
local perf, nperf, enabled = dom:perfEvents(), 0, 0
for _, on in pairs(perf) do
  nperf = nperf + 1
  if on then enabled = enabled + 1 end
end
print(string.format("perfEvents: %d events, %d enabled", nperf, enabled))

print("-- vCPUs")
print(string.format("maxVcpus: %d", dom:maxVcpus()))
print(string.format("vcpusFlags: current %d, config %d, maximum %d", dom:vcpusFlags(),
  dom:vcpusFlags(libvirt.VIR_DOMAIN_AFFECT_CONFIG), dom:vcpusFlags(libvirt.VIR_DOMAIN_VCPU_MAXIMUM)))
local vcpus = dom:vcpus()
for i, info in ipairs(vcpus[1]) do
  print(string.format("vcpu %d: state %d, on CPU %d, time counted %s, may run on %s",
    info[1], info[2], info[4], fmt(info[3] > 0), bits(vcpus[2][i])))
end
local pins = {}
for i, m in ipairs(dom:vcpuPinInfo()) do pins[i] = bits(m) end
print("vcpuPinInfo: " .. table.concat(pins, " "))
print("emulatorPinInfo: " .. bits(dom:emulatorPinInfo()))
-- libvirt-python 9.0 returns None here (its wrapper checks for -1 where the
-- C code returns None), and so does vertscript; the error is the last one.
print(string.format("guestVcpus: %s, last error %d", dom:guestVcpus() == nil and "True" or "False", libvirt.virGetLastErrorCode()))
for _, t in ipairs(dom:ioThreadInfo()) do
  print(string.format("IOThread %d: %s", t[1], bits(t[2])))
end

print("-- memory")
print("memoryParameters: " .. fmt_dict(dom:memoryParameters()))
print("memoryStats: " .. fmt_dict(dom:memoryStats()))
print("numaParameters: " .. fmt_dict(dom:numaParameters()))
print("memoryPeek: " .. hexbytes(dom:memoryPeek(0, 8, libvirt.VIR_MEMORY_VIRTUAL)))

print("-- block")
print("blkioParameters: " .. fmt_dict(dom:blkioParameters()))
for _, disk in ipairs({"vda", "vdb"}) do
  local bi = dom:blockInfo(disk)
  print(string.format("blockInfo %s: capacity %d, allocation %d, physical %d", disk, bi[1], bi[2], bi[3]))
  local stats = dom:blockStats(disk)
  print(string.format("blockStats %s: %d counters, errs counted %s", disk, #stats, fmt(stats[5] > 0)))
end
print("blockIoTune vda: " .. fmt_dict(dom:blockIoTune("vda")))
fails("blockStatsFlags", dom.blockStatsFlags, dom, "vda")
print("diskErrors: " .. fmt_dict(dom:diskErrors()))
fails("blockPeek", dom.blockPeek, dom, "vda", 0, 512)
fails("blockInfo of no disk", dom.blockInfo, dom, "sdz")

print("-- interfaces")
local addrs = dom:interfaceAddresses(libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE)
for _, name in ipairs(sorted_keys(addrs)) do
  local iface = addrs[name]
  print(string.format("interfaceAddresses %s: hwaddr %s", name, iface.hwaddr))
  for _, a in ipairs(iface.addrs) do
    print(string.format("  %s/%d type %d", a.addr, a.prefix, a.type))
  end
end
print("interfaceParameters: " .. fmt_dict(dom:interfaceParameters("vm1-net0")))
print(string.format("interfaceStats: %d counters", #dom:interfaceStats("vm1-net0")))
fails("interfaceStats of no interface", dom.interfaceStats, dom, "eth9")

print("-- jobs")
fails("jobInfo", dom.jobInfo, dom)
fails("jobStats", dom.jobStats, dom)

print("-- all domains")
local all = conn:getAllDomainStats()
table.sort(all, function(a, b) return a[1]:name() < b[1]:name() end)
for _, r in ipairs(all) do
  print(string.format("getAllDomainStats %s: %s", r[1]:name(), fmt_dict(r[2])))
end
for _, r in ipairs(conn:getAllDomainStats(libvirt.VIR_DOMAIN_STATS_STATE, libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE)) do
  print(string.format("active %s: %s", r[1]:name(), fmt_dict(r[2])))
end
for _, r in ipairs(conn:domainListGetStats({conn:lookupByName("vm2")})) do
  print(string.format("domainListGetStats %s: %s", r[1]:name(), fmt_dict(r[2])))
end
fails("domainListGetStats([])", conn.domainListGetStats, conn, {})

print("-- a new domain's life")
local xml = [[<domain type='test'>
  <name>stats-new</name>
  <uuid>3c4b1f3e-9a52-4c1d-8a6e-5f0d2b7e9a03</uuid>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/stats-new.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>]]
local new = conn:defineXML(xml)
print("defined: " .. fmt_dict(conn:domainListGetStats({new})[1][2]))
new:create()
print("started: " .. fmt_dict(conn:domainListGetStats({new})[1][2]))
print(string.format("vcpus: %d, maxVcpus %d", #new:vcpus()[1], new:maxVcpus()))
print("blockInfo vda: " .. ints(new:blockInfo("vda")))
print("memoryStats: " .. fmt_dict(new:memoryStats()))
new:destroy()
print("stopped: " .. fmt_dict(conn:domainListGetStats({new})[1][2]))
new:undefine()
fails("maxVcpus after undefine", new.maxVcpus, new)
