-- Reaching os.execute through _G and a computed name changes nothing.
-- want-exit: 1
-- want-stderr-first: cases/lua_os_through_globals.lua:5: os.execute is not available in vertscript's sandbox
local name = "ex" .. "ecute"
print(_G["o" .. "s"][name])
