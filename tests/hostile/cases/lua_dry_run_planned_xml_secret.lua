-- A planned object answers XMLDesc from the plan, but the password in its
-- XML reaches neither the plan, the --plan file nor the audit log; nor
-- does a wait that follows a planned shutdown hang the dry run for the
-- wait's hour.
-- flags: --dry-run --plan $TMP/plan.json --audit $TMP/audit.jsonl
-- want-exit: 0
-- want-stdout: planned XML holds the password: true
-- want-stdout: state 5
-- want-stderr: dry run: 2 calls planned, none made; 1 answered from the plan
-- want-stderr:   <virConnect test://$ROOT/tests/hostile/node.xml>.defineXML("<domain type='test'><name>delta</name><memory>1024</memory>...)
-- want-stderr:   <virDomain alpha>.shutdown()
-- want-stderr:   libvirt.wait_for_state(<virDomain alpha>, 5, 3600) # planned: reached at once
-- want-file-not-contains: plan.json: hunter2
-- want-file-not-contains: audit.jsonl: hunter2
-- within: 10s
local conn = libvirt.open()
local xml = "<domain type='test'><name>delta</name><memory>1024</memory><devices><graphics type='vnc' passwd='hunter2'/></devices></domain>"
local delta = conn:defineXML(xml)
print("planned XML holds the password: " .. tostring(string.find(delta:XMLDesc(0), "hunter2", 1, true) ~= nil))
local alpha = conn:lookupByName("alpha")
alpha:shutdown()
print(string.format("state %d", libvirt.wait_for_state(alpha, libvirt.VIR_DOMAIN_SHUTOFF, 3600)))
