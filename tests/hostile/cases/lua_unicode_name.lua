-- Unicode, a right-to-left override and invalid UTF-8 in a name.
-- want-exit: 1
-- want-stderr-first: cases/lua_unicode_name.lua:5: virConnect.lookupByName: Domain not found
local conn = libvirt.open()
conn:lookupByName("日本語\u{202e}alpha\xff\xfe")
