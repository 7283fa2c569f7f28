-- Snapshots with 1 MiB descriptions, kept by libvirt: stopped at
-- --max-memory, by the check of arguments or by the memory poller.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_libvirt_snapshots\.lua:\d+: (virDomain\.snapshotCreateXML: max-memory: argument xmlDesc is \d+ MiB, which libvirt takes about 4 times over, more than the \d+ MiB left of 64 MiB|(Lua script cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB)$
-- max-rss: 256MiB
-- within: 20s
-- needs: --max-memory to count the process's resident memory, and to refuse arguments larger than what is left
local conn = libvirt.open()
local dom = conn:lookupByName("gamma")
local desc = string.rep("d", 1048576)
for i = 1, 5000 do
  dom:snapshotCreateXML(string.format("<domainsnapshot><name>s%d</name><description>%s</description></domainsnapshot>", i, desc))
end
print("all made")
