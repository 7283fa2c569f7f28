-- One 120 MiB description: libvirt would take gigabytes to parse it. The
-- call is refused before libvirt sees the argument.
-- want-exit: 1
-- want-stdout: built
-- want-stderr-match: ^cases/lua_memory_libvirt_huge_argument\.lua:11: virConnect\.defineXML: max-memory: argument xml is 121 MiB, which libvirt takes about 4 times over, more than the \d+ MiB left of 512 MiB$
-- max-rss: 512MiB
-- needs: the core to refuse arguments larger than what is left of --max-memory
local conn = libvirt.open()
local xml = "<domain type='test'><name>big</name><description>" .. string.rep("x", 120 * 1048576) .. "</description><memory>1024</memory><os><type>hvm</type></os></domain>"
print("built")
local dom = conn:defineXML(xml)
print("defined")
