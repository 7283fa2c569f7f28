-- A table nested a million and a half levels deep (about 200 MB), passed
-- where a string is wanted: converting it recursively overflows the Go
-- stack (a fatal error, exit 2); it must be refused by type.
-- want-exit: 1
-- want-stdout: built
-- want-stderr-first: cases/lua_deep_table_argument.lua:13: libvirt.open: for parameter name: got table, want string or nil
-- max-rss: 900MiB
-- within: 20s
-- needs: the Lua adapter's argument conversion to bound its depth
local deep = {}
for i = 1, 1500000 do deep = {deep} end
print("built")
libvirt.open(deep)
