-- The same in Lua, with black on black.
-- flags: --dry-run
-- want-exit: 1
-- want-stderr: maintenance finished\x1b[30;40m
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'error'
-- want-stderr: \tcases/lua_error_escape_sequence.lua:11: in main chunk
-- want-stderr: dry run: 1 call planned, none made
-- want-stderr:   <virDomain alpha>.destroy()
libvirt.open():lookupByName("alpha"):destroy()
error("maintenance finished\27[30;40m", 0)
