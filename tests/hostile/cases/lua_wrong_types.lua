-- Wrong types for every kind of parameter (int, unsigned flags, bool,
-- string, string or nil, receiver), each caught with pcall and printed;
-- the last one is not caught.
-- want-exit: 1
-- want-stdout: virConnect.lookupByID: for parameter id: got string, want integer
-- want-stdout: virConnect.lookupByID: for parameter id: got number with a fraction, want integer
-- want-stdout: virConnect.lookupByID: for parameter id: got number with a fraction, want integer
-- want-stdout: virConnect.listAllDomains: for parameter flags: got table with mixed keys, want integer from 0 to 4294967295
-- want-stdout: virDomain.setAutostart: for parameter autostart: got string, want boolean
-- want-stdout: virConnect.lookupByName: for parameter name: got nil, want string
-- want-stdout: virConnect.lookupByName: for parameter name: got virDomain, want string
-- want-stdout: libvirt.open: for parameter name: got function, want string or nil
-- want-stdout: libvirt.open: got 2 arguments, want at most 1
-- want-stdout: virConnect.lookupByName: called on virDomain, want a virConnect (call methods with ':', as in x:lookupByName(...))
-- want-stderr-first: cases/lua_wrong_types.lua:36: virConnect.lookupByName: for parameter name: got thread, want string
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
local function try(f, ...)
  local ok, err = pcall(f, ...)
  if ok then
    print("accepted")
  else
    print((tostring(err):gsub("^[^:]*:%d+: ", "")))
  end
end
try(conn.lookupByID, conn, "1")
try(conn.lookupByID, conn, 1.5)
try(conn.lookupByID, conn, 0 / 0)
try(conn.listAllDomains, conn, {1, x = 2})
try(dom.setAutostart, dom, "yes")
try(conn.lookupByName, conn, nil)
try(conn.lookupByName, conn, dom)
try(libvirt.open, print)
try(libvirt.open, "a", "b")
try(conn.lookupByName, dom, "alpha")
conn:lookupByName(coroutine.create(print))
