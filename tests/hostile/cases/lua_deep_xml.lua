-- A document nested 200,000 levels deep, read with xml.fromstring and
-- written back: every walk over a tree is iterative, so it works, without
-- a Go stack overflow.
-- want-exit: 1
-- want-stdout: 1399998\t1400000
-- want-stderr-first: cases/lua_deep_xml.lua:11: done
-- within: 30s
local n = 200000
local doc = string.rep("<a>", n) .. string.rep("</a>", n)
print(#xml.tostring(xml.fromstring(doc)), #doc)
error("done")
