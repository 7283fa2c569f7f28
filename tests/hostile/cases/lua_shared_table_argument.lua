-- A table of 40 levels where each level holds the next one twice; passed
-- where a string is wanted, it must be refused by type, not expanded into
-- 2^40 values.
-- want-exit: 1
-- want-stderr-first: cases/lua_shared_table_argument.lua:12: virConnect.lookupByName: for parameter name: got table, want string
-- want-stdout: built
-- needs: the Lua adapter to bound the size of converted arguments (or convert only what the parameter accepts)
local conn = libvirt.open()
local tree = {}
for i = 1, 40 do tree = {tree, tree} end
print("built")
conn:lookupByName(tree)
