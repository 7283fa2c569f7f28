-- The same through compareHypervisorCPU: a local program for libvirtd to
-- run is refused unless an --allow rule names the file effect.
-- tripwire: tripwire
-- args: $TMP/outside/tripwire
-- want-exit: 1
-- want-stderr-first: cases/lua_emulator_path.lua:8: virConnect.compareHypervisorCPU: refused by policy: its parameter emulator names a local program for libvirt to run, which needs the file effect: the operation reads or writes local files (effect file): an allow rule for file or for virConnect.compareHypervisorCPU permits it
local conn = libvirt.open()
conn:compareHypervisorCPU(arg[1], nil, nil, nil, "<cpu/>", 0)
