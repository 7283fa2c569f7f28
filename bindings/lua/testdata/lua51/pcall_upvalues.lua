-- Caught errors leave the upvalues of the frames that outlive them shared:
-- pcall and xpcall of Lua and library functions, nested, and closures made
-- in a frame that an error ends.
local n = 0
local function try(f, ...) local ok = pcall(f, ...); n = n + 1; return ok end
try(function() error("x") end)
try(error, "y")
try(function() return 1 end)
try(function() local t = nil; return t.x end)
local ok, e = xpcall(function() n = n + 10; error("z") end, function(m) n = n + 100; return "h" end)
print(n, ok, e)
local inner = 0
local function nested()
  pcall(function() pcall(error, "a"); inner = inner + 1; error("b") end)
  inner = inner + 1
end
nested(); nested()
print(inner)
local made = {}
for i = 1, 3 do
  pcall(function() local v = i * 10; made[i] = function() v = v + 1; return v end; error("after") end)
end
print(made[1](), made[1](), made[2](), made[3]())
