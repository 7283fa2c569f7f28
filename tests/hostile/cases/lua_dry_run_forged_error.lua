-- The same in Lua, through print to stdout and error to stderr.
-- flags: --dry-run
-- want-exit: 1
-- want-stderr: cases/lua_dry_run_forged_error.lua:13: stopping here
-- want-stderr:   <virDomain beta>.destroy()
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'error'
-- want-stderr: \tcases/lua_dry_run_forged_error.lua:13: in main chunk
-- want-stderr: dry run: 1 call planned, none made
-- want-stderr:   <virDomain alpha>.suspend()
local conn = libvirt.open()
conn:lookupByName("alpha"):suspend()
error("stopping here\n  <virDomain beta>.destroy()")
