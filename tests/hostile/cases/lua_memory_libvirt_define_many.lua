-- Domains defined with 1 MiB descriptions, held inside libvirt (the test
-- driver keeps them in the process), out of the Go heap's sight: the run
-- stops at --max-memory, which counts the process's resident memory.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_libvirt_define_many\.lua:\d+: (virConnect\.defineXML: max-memory: argument xml is \d+ MiB, which libvirt takes about 4 times over, more than the \d+ MiB left of 64 MiB|(Lua script cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB)$
-- max-rss: 256MiB
-- within: 20s
-- needs: --max-memory to count the process's resident memory, and to refuse arguments larger than what is left
local conn = libvirt.open()
local desc = string.rep("x", 1048576)
for i = 1, 6000 do
  conn:defineXML(string.format("<domain type='test'><name>d%d</name><description>%s</description><memory>1024</memory><os><type>hvm</type></os></domain>", i, desc))
end
print("all defined")
