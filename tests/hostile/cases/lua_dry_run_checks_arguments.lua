-- The same in Lua, with a key the domain's memory parameters do not have.
-- flags: --dry-run
-- want-exit: 1
-- want-stderr-first: cases/lua_dry_run_checks_arguments.lua:5: virDomain.setMemoryParameters: unknown key "no_such_key" in params: want one of hard_limit, soft_limit, min_guarantee, swap_hard_limit
libvirt.open():lookupByName("alpha"):setMemoryParameters({no_such_key = 1}, 0)
