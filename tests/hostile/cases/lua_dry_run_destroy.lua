-- --dry-run must not mutate: destroy every running domain, undefine them,
-- then read the state back in the same run: nothing changed. The script
-- then ends with an error, so the plan is printed before it.
-- flags: --dry-run
-- want-exit: 1
-- want-stdout: alpha: destroy 0, undefine 0, state 1, persistent 1
-- want-stdout: beta: destroy 0, undefine 0, state 1, persistent 1
-- want-stdout: running: 2, defined: 1
-- want-stderr: cases/lua_dry_run_destroy.lua:29: the state did not change
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'error'
-- want-stderr: \tcases/lua_dry_run_destroy.lua:29: in main chunk
-- want-stderr: dry run: 4 calls planned, none made
-- want-stderr:   <virDomain alpha>.destroy()
-- want-stderr:   <virDomain alpha>.undefine()
-- want-stderr:   <virDomain beta>.destroy()
-- want-stderr:   <virDomain beta>.undefine()
local conn = libvirt.open()
local names = {}
for _, dom in ipairs(conn:listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)) do
  names[#names + 1] = dom:name()
end
table.sort(names)
for _, name in ipairs(names) do
  local dom = conn:lookupByName(name)
  print(string.format("%s: destroy %d, undefine %d, state %d, persistent %d", name, dom:destroy(), dom:undefine(), dom:info()[1], dom:isPersistent()))
end
print(string.format("running: %d, defined: %d", conn:numOfDomains(), conn:numOfDefinedDomains()))
error("the state did not change")
