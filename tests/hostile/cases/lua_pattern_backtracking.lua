-- A Lua pattern that backtracks for ever: the matcher runs inside one Go
-- call that never looks at the run's context; the timeout must still end
-- the run near its limit.
-- flags: --timeout 1s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_pattern_backtracking\.lua(:9)?: (Lua script cancelled: )?timeout: the script ran longer than 1s$
-- within: 6s
-- needs: the timeout to end a run whose interpreter is stuck in one long builtin (abandon it, as a blocked libvirt call is)
print(string.find(string.rep("a", 3000), ".-.-.-.-.-.-x"))
