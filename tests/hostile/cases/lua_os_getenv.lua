-- os.getenv is not there: the environment (tokens, passwords) stays out
-- of reach.
-- want-exit: 1
-- want-stderr: cases/lua_os_getenv.lua:8: os.getenv is not available in vertscript's sandbox
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function (anonymous)
-- want-stderr: \tcases/lua_os_getenv.lua:8: in main chunk
print(os.getenv("HOME"))
