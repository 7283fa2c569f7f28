-- virDomain's control methods on the test driver: lifecycle with flags,
-- memory, the guest's file systems, keys and signals, managed save, rename,
-- and, called once each, the methods the test driver does not implement
-- (devices, block jobs, backups, the guest agent, migration).
-- Saving to and restoring from files is tested in host/ (it needs --allow file).

local XML = [[<domain type='test'>
  <name>ctl-1</name>
  <memory unit='KiB'>524288</memory>
  <currentMemory unit='KiB'>524288</currentMemory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
</domain>]]

local function fmt(v)
  if v == nil then
    return "None"
  end
  return string.format("%d", v)
end

local function show(label, fn, ...)
  local ok, res = pcall(fn, ...)
  if not ok then
    print(string.format("%s: error %d (domain %d): %s", label, res:get_error_code(), res:get_error_domain(), res:get_error_message()))
  else
    print(string.format("%s: %s", label, fmt(res)))
  end
end

local function state(dom)
  local s = dom:state()
  print(string.format("  state %d reason %d, active %d", s[1], s[2], dom:isActive()))
end

local function lifecycle(dom, tag)
  for line in dom:XMLDesc():gmatch("[^\n]+") do
    if line:find("<" .. tag .. ">", 1, true) then
      print("  " .. line:match("^%s*(.-)%s*$"))
    end
  end
end

local function py(b)
  if b then return "True" end
  return "False"
end

local conn = libvirt.open()
local dom = conn:defineXML(XML)
print(string.format("defined %s", dom:name()))
print(string.format("connect: same URI %s", py(dom:connect():getURI() == conn:getURI())))
state(dom)

print("start")
show("createWithFlags paused", dom.createWithFlags, dom, libvirt.VIR_DOMAIN_START_PAUSED)
show("createWithFlags", dom.createWithFlags, dom)
state(dom)
show("suspend", dom.suspend, dom)
show("reset", dom.reset, dom)
state(dom)
show("resume", dom.resume, dom)

print("memory")
show("setMemory", dom.setMemory, dom, 262144)
show("setMemoryFlags", dom.setMemoryFlags, dom, 393216, libvirt.VIR_DOMAIN_AFFECT_LIVE)
local info = dom:info()
print(string.format("  maxMem %d memory %d", info[2], info[3]))
show("setMaxMemory", dom.setMaxMemory, dom, 1048576)
show("setLifecycleAction", dom.setLifecycleAction, dom, libvirt.VIR_DOMAIN_LIFECYCLE_CRASH, libvirt.VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE)
lifecycle(dom, "on_crash")

print("guest")
show("fsFreeze all", dom.fsFreeze, dom)
show("fsThaw /boot", dom.fsThaw, dom, {"/boot"})
show("fsFreeze /boot", dom.fsFreeze, dom, {"/boot"})
show("fsThaw all", dom.fsThaw, dom, nil)
show("fSTrim", dom.fSTrim, dom, nil, 0)
show("injectNMI", dom.injectNMI, dom)
show("sendKey", dom.sendKey, dom, libvirt.VIR_KEYCODE_SET_LINUX, 50, {29, 56, 111}, 3)
show("sendKey short", dom.sendKey, dom, libvirt.VIR_KEYCODE_SET_LINUX, 50, {28}, 2)
show("sendProcessSignal", dom.sendProcessSignal, dom, 1, libvirt.VIR_DOMAIN_PROCESS_SIGNAL_NOP)
show("setUserPassword", dom.setUserPassword, dom, "root", "s3cret")

print("managed save")
show("hasManagedSaveImage", dom.hasManagedSaveImage, dom)
show("managedSave", dom.managedSave, dom)
state(dom)
show("hasManagedSaveImage", dom.hasManagedSaveImage, dom)
show("createWithFlags", dom.createWithFlags, dom)
state(dom)
show("hasManagedSaveImage", dom.hasManagedSaveImage, dom)
show("managedSave", dom.managedSave, dom, libvirt.VIR_DOMAIN_SAVE_PAUSED)
show("hasManagedSaveImage", dom.hasManagedSaveImage, dom)
show("managedSaveRemove", dom.managedSaveRemove, dom)
show("hasManagedSaveImage", dom.hasManagedSaveImage, dom)
show("managedSave", dom.managedSave, dom)

print("stop")
show("createWithFlags", dom.createWithFlags, dom)
show("shutdownFlags", dom.shutdownFlags, dom, libvirt.VIR_DOMAIN_SHUTDOWN_DEFAULT)
state(dom)
show("createWithFlags", dom.createWithFlags, dom)
show("destroyFlags", dom.destroyFlags, dom, libvirt.VIR_DOMAIN_DESTROY_GRACEFUL)
state(dom)

print("rename")
show("rename", dom.rename, dom, "ctl-2")
print(string.format("  name %s, found by name %s", dom:name(), py(conn:lookupByName("ctl-2"):UUIDString() == dom:UUIDString())))
show("setMaxMemory", dom.setMaxMemory, dom, 1048576)
print(string.format("  maxMemory %d", dom:maxMemory()))

print("not in the test driver")
local dconn = libvirt.open()
show("abortJob", dom.abortJob, dom)
show("abortJobFlags", dom.abortJobFlags, dom)
show("startDirtyRateCalc", dom.startDirtyRateCalc, dom, 1)
show("agentSetResponseTimeout", dom.agentSetResponseTimeout, dom, libvirt.VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT)
show("authorizedSSHKeysGet", dom.authorizedSSHKeysGet, dom, "root")
show("authorizedSSHKeysSet", dom.authorizedSSHKeysSet, dom, "root", {"ssh-ed25519 AAAA test"})
show("attachDevice", dom.attachDevice, dom, "<watchdog model='i6300esb'/>")
show("attachDeviceFlags", dom.attachDeviceFlags, dom, "<watchdog model='i6300esb'/>", libvirt.VIR_DOMAIN_AFFECT_CONFIG)
show("detachDevice", dom.detachDevice, dom, "<watchdog model='i6300esb'/>")
show("detachDeviceAlias", dom.detachDeviceAlias, dom, "watchdog0")
show("detachDeviceFlags", dom.detachDeviceFlags, dom, "<watchdog model='i6300esb'/>", libvirt.VIR_DOMAIN_AFFECT_CONFIG)
show("updateDeviceFlags", dom.updateDeviceFlags, dom, "<watchdog model='i6300esb'/>")
show("blockCommit", dom.blockCommit, dom, "vda", nil, nil)
show("blockJobAbort", dom.blockJobAbort, dom, "vda")
show("blockJobInfo", dom.blockJobInfo, dom, "vda")
show("blockJobSetSpeed", dom.blockJobSetSpeed, dom, "vda", 10)
show("blockPull", dom.blockPull, dom, "vda")
show("blockResize", dom.blockResize, dom, "vda", 1048576)
show("setBlockThreshold", dom.setBlockThreshold, dom, "vda", 1048576)
show("backupGetXMLDesc", dom.backupGetXMLDesc, dom)
show("managedSaveGetXMLDesc", dom.managedSaveGetXMLDesc, dom)
show("managedSaveDefineXML", dom.managedSaveDefineXML, dom, XML)
show("pMSuspendForDuration", dom.pMSuspendForDuration, dom, libvirt.VIR_NODE_SUSPEND_TARGET_MEM, 0)
show("pMWakeup", dom.pMWakeup, dom)
show("migrate", dom.migrate, dom, dconn)
show("migrate2", dom.migrate2, dom, dconn, nil, libvirt.VIR_MIGRATE_LIVE)
show("migrate3", dom.migrate3, dom, dconn, {})
show("migrate3 named", dom.migrate3, dom, dconn, {destination_name = "ctl-moved", migrate_disks = {"vda", "vdb"}})
show("migrateToURI", dom.migrateToURI, dom, "test:///default")
show("migrateToURI2", dom.migrateToURI2, dom, "test:///default")
show("migrateToURI3", dom.migrateToURI3, dom, "test:///default", {bandwidth = 100})
show("migrateGetCompressionCache", dom.migrateGetCompressionCache, dom)
show("migrateGetMaxDowntime", dom.migrateGetMaxDowntime, dom)
show("migrateGetMaxSpeed", dom.migrateGetMaxSpeed, dom)
show("migrateSetCompressionCache", dom.migrateSetCompressionCache, dom, 67108864)
show("migrateSetMaxDowntime", dom.migrateSetMaxDowntime, dom, 300)
show("migrateSetMaxSpeed", dom.migrateSetMaxSpeed, dom, 100)
show("migrateStartPostCopy", dom.migrateStartPostCopy, dom)

print("undefine")
show("undefineFlags", dom.undefineFlags, dom, libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)
local defined = false
for _, name in ipairs(conn:listDefinedDomains()) do
  if name == "ctl-2" then defined = true end
end
print(string.format("  defined: %s", py(defined)))
