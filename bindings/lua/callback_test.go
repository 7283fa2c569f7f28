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
