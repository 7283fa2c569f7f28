-- os.exit is not there: a script cannot end the host process (and skip
-- the session's cleanup) or choose its exit status.
-- want-exit: 1
-- want-stderr: cases/lua_os_exit.lua:8: os.exit is not available in vertscript's sandbox
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function (anonymous)
-- want-stderr: \tcases/lua_os_exit.lua:8: in main chunk
os.exit(0)
