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
