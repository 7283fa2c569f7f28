-- A stream read of a terabyte: refused before the buffer is allocated.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_stream_recv_huge\.lua:9: .*max-memory.*$
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
local st = conn:newStream(0)
dom:screenshot(st, 0, 0)
print(#st:recv(1099511627776))
