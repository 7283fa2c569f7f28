-- libvirt refuses some reads on a read-only connection: they read what the
-- guest holds (its agent, memory, disks, screen), run programs or reach
-- other hosts. --allow read does not let them through.
-- flags: --allow read
-- want-exit: 1
-- want-stdout: alpha
-- want-stderr-first: cases/lua_allow_read_privileged.lua:10: virDomain.hostname: refused by policy: not allowed by any allow rule (read)
local dom = libvirt.open():lookupByName("alpha")
print(dom:name())
print(dom:hostname(0))
