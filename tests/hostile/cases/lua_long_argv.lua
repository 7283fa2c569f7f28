-- 20,000 arguments (1 MB of argv), joined into one name.
-- args-repeat: 20000 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
-- want-exit: 1
-- want-stdout: 20000 arguments
-- want-stderr-first: cases/lua_long_argv.lua:8: virConnect.lookupByName: Domain not found
-- needs: table.concat of more than ~2,550 elements to work (today: "registry overflow", gopher-lua's fixed 5,120-slot stack)
print(#arg .. " arguments")
libvirt.open():lookupByName(table.concat(arg, " "))
