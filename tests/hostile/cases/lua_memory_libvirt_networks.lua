-- Networks defined with 32 KiB of metadata, each too small for the check
-- of arguments, kept by libvirt: the memory poller, which counts the
-- process's resident memory, stops the run at --max-memory.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_libvirt_networks\.lua:\d+: (Lua script cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$
-- max-rss: 256MiB
-- within: 20s
-- needs: the memory poller to count the process's resident memory
local conn = libvirt.open()
local md = string.rep("m", 32768)
for i = 1, 100000 do
  conn:networkDefineXML(string.format("<network><name>n%d</name><metadata><x:blob xmlns:x='http://example.org/x'>%s</x:blob></metadata></network>", i, md))
end
print("all defined")
