package lua_test

import "testing"

// TestCallbackErrors: what a function the core calls back raises comes out
// of the operation that called it as it was raised.
func TestCallbackErrors(t *testing.T) {
	const shot = `local c = libvirt.open()
local st = c:newStream()
c:lookupByName("test"):screenshot(st, 0)
`
	runAll(t, []script{
		{"a string",
			shot + `print(pcall(st.recvAll, st, function(s, data, o) error("boom") end, nil))`,
			"false\tt.lua:4: boom\n", ""},
		{"a table",
			shot + `local ok, e = pcall(st.recvAll, st, function(s, data, o) error({reason = "full"}) end, nil)
print(ok, e.reason)`,
			"false\tfull\n", ""},
		{"a libvirt error stays one",
			shot + `local ok, e = pcall(st.recvAll, st, function(s, data, o) s:send(data) end, nil)
print(ok, e:get_error_code(), e)`,
			"false\t38\tcannot write to stream: Bad file descriptor\n", ""},
		{"uncaught",
			shot + `st:recvAll(function(s, data, o) error("boom") end, nil)`,
			"", "t.lua:4: boom\nstack traceback:\n\t[G]: in function 'recvAll'\n\tt.lua:4: in main chunk"},
	})
}

// TestCallbackFromDeadCoroutine: a callback registered inside a coroutine
// that has ended runs, later, on the state that waits for it (the main
// chunk, or another coroutine), not on the dead one.
func TestCallbackFromDeadCoroutine(t *testing.T) {
	runAll(t, []script{
		{"registered in a dead coroutine", `local conn = libvirt.open("test:///default")
local dom = conn:lookupByName("test")
coroutine.wrap(function()
  conn:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, function(c, d, e)
    print("event " .. e)
  end, nil)
end)()
dom:suspend()
print("ran " .. libvirt.run_events(0.3))
local co = coroutine.create(function()
  dom:resume()
  coroutine.yield()
  print("in a coroutine, ran " .. libvirt.run_events(0.3))
end)
coroutine.resume(co)
assert(coroutine.resume(co))
`,
			"event 3\nran 1\nevent 4\nin a coroutine, ran 1\n", ""},
	})
}

// TestOpaqueIsTheScriptsTable: every operation that takes an opaque hands
// its callbacks the very value the script gave, as libvirt-python does, so
// that a callback collecting results in a table collects them where the
// script reads them (a copy collected nothing).
func TestOpaqueIsTheScriptsTable(t *testing.T) {
	const open = "local conn = libvirt.open()\nlocal dom = conn:lookupByName(\"test\")\n"
	runAll(t, []script{
		{"domain events, a list", open + `local seen = {}
local id = conn:domainEventRegisterAny(dom, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, function(c, d, e, det, o) o[#o + 1] = e end, seen)
dom:suspend()
dom:resume()
libvirt.run_events(0.3)
conn:domainEventDeregisterAny(id)
print(#seen, seen[1], seen[2])`, "2\t3\t4\n", ""},
		{"legacy domain events, a dict", open + `local byname = {}
local function cb(c, d, e, det, o) o[d:name()] = e end
conn:domainEventRegister(cb, byname)
dom:suspend()
dom:resume()
libvirt.run_events(0.3)
conn:domainEventDeregister(cb)
print(byname.test)`, "4\n", ""},
		{"wait_for_state runs callbacks with the opaque", open + `local seen = {n = 0}
local id = conn:domainEventRegisterAny(nil, 0, function(c, d, e, det, o) o.n = o.n + 1 end, seen)
dom:suspend()
libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_PAUSED)
dom:resume()
libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_RUNNING)
libvirt.run_events(0.3)
conn:domainEventDeregisterAny(id)
print(seen.n)`, "2\n", ""},
		{"network and storage pool events", open + `local nets, pools = {}, {}
conn:networkEventRegisterAny(nil, 0, function(c, n, e, d, o) o[#o + 1] = e end, nets)
conn:storagePoolEventRegisterAny(nil, 0, function(c, p, e, d, o) o[#o + 1] = e end, pools)
local net = conn:networkLookupByName("default")
net:destroy()
net:create()
local pool = conn:storagePoolLookupByName("default-pool")
pool:destroy()
pool:create()
libvirt.run_events(0.3)
print(#nets, nets[1], nets[2], #pools, pools[1], pools[2])`, "2\t3\t2\t2\t3\t2\n", ""},
		{"recvAll", open + `local st = conn:newStream()
dom:screenshot(st, 0)
local sizes = {}
st:recvAll(function(s, data, o) o[#o + 1] = #data; return 0 end, sizes)
st:finish()
print(#sizes > 0)`, "true\n", ""},
		{"sendAll and sparseSendAll call their handlers with it", open + `local asked, holes = {}, {}
local function source(s, n, o) o[#o + 1] = n; return "data" end
pcall(function() conn:newStream():sendAll(source, asked) end)
pcall(function() conn:newStream():sparseSendAll(source, function(s, o) o[#o + 1] = "hole"; return {true, 10} end, function() return 0 end, holes) end)
print(#asked, asked[1], #holes, holes[1], holes[2])`, "1\t262120\t2\thole\t10\n", ""},
		{"the error handler's ctx", open + `local codes = {}
libvirt.registerErrorHandler(function(ctx, err) ctx[#ctx + 1] = err[1] end, codes)
pcall(function() conn:lookupByName("nope") end)
libvirt.registerErrorHandler(nil, nil)
print(#codes, codes[1])`, "1\t42\n", ""},
		{"a table with no counterpart in the core", open + `local st = conn:newStream()
dom:screenshot(st, 0)
local mixed = {1, x = 2}
local got
st:recvAll(function(s, data, o) got = o; return 0 end, mixed)
st:finish()
print(rawequal(got, mixed))`, "true\n", ""},
	})
}
