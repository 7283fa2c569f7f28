-- os.execute is not there: no processes.
-- tripwire: tripwire
-- args: $TMP/outside/tripwire
-- want-exit: 1
-- want-stderr: cases/lua_os_execute.lua:9: os.execute is not available in vertscript's sandbox
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function (anonymous)
-- want-stderr: \tcases/lua_os_execute.lua:9: in main chunk
os.execute(arg[1])
