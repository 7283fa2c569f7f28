package starlark_test

import (
	"context"
	"testing"
)

// TestOpaqueIsTheScriptsValue: every operation that takes an opaque hands
// its callbacks the very value the script gave, as libvirt-python does, so
// that a callback collecting results in a list or dict collects them where
// the script reads them (a copy collected nothing).
func TestOpaqueIsTheScriptsValue(t *testing.T) {
	tests := []struct{ name, src, out string }{
		{"domain events, a list", `conn = libvirt.open()
dom = conn.lookupByName("test")
seen = []
cb = conn.domainEventRegisterAny(dom, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lambda c, d, e, det, o: o.append(e), seen)
dom.suspend()
dom.resume()
libvirt.run_events(0.3)
conn.domainEventDeregisterAny(cb)
print(seen)`, "[3, 4]\n"},
		{"legacy domain events, a dict", `conn = libvirt.open()
dom = conn.lookupByName("test")
byname = {}
def cb(c, d, e, det, o):
    o[d.name()] = e
conn.domainEventRegister(cb, byname)
dom.suspend()
dom.resume()
libvirt.run_events(0.3)
conn.domainEventDeregister(cb)
print(byname)`, "{\"test\": 4}\n"},
		{"wait_for_state runs callbacks with the opaque", `conn = libvirt.open()
dom = conn.lookupByName("test")
seen = {"n": 0}
def cb(c, d, e, det, o):
    o["n"] += 1
conn.domainEventRegisterAny(None, 0, cb, seen)
dom.suspend()
libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_PAUSED)
dom.resume()
libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_RUNNING)
libvirt.run_events(0.3)
print(seen)`, "{\"n\": 2}\n"},
		{"network and storage pool events", `conn = libvirt.open()
nets, pools = [], []
conn.networkEventRegisterAny(None, 0, lambda c, n, e, d, o: o.append(e), nets)
conn.storagePoolEventRegisterAny(None, 0, lambda c, p, e, d, o: o.append(e), pools)
net = conn.networkLookupByName("default")
net.destroy()
net.create()
pool = conn.storagePoolLookupByName("default-pool")
pool.destroy()
pool.create()
libvirt.run_events(0.3)
print(nets, pools)`, "[3, 2] [3, 2]\n"},
		{"recvAll", `conn = libvirt.open()
st = conn.newStream()
conn.lookupByName("test").screenshot(st, 0)
sizes = []
def handler(s, data, o):
    o.append(len(data))
    return 0
st.recvAll(handler, sizes)
st.finish()
print(len(sizes) > 0, sum(sizes) > 0)`, "True True\n"},
		{"sendAll and sparseSendAll call their handlers with it", `conn = libvirt.open()
asked = []
def source(s, n, o):
    o.append(n)
    return b"data"
libvirt.catch(lambda: conn.newStream().sendAll(source, asked))
holes = []
def hole(s, o):
    o.append("hole")
    return [True, 10]
libvirt.catch(lambda: conn.newStream().sparseSendAll(source, hole, lambda s, l, o: 0, holes))
print(asked, holes)`, "[262120] [\"hole\", 10]\n"},
		{"the error handler's ctx", `conn = libvirt.open()
codes = []
libvirt.registerErrorHandler(lambda ctx, err: ctx.append(err[0]), codes)
libvirt.catch(lambda: conn.lookupByName("nope"))
libvirt.registerErrorHandler(None, None)
print(codes)`, "[42]\n"},
		{"by keyword", `conn = libvirt.open()
dom = conn.lookupByName("test")
seen = []
cb = conn.domainEventRegisterAny(dom, 0, cb=lambda c, d, e, det, o: o.append(e), opaque=seen)
dom.suspend()
dom.resume()
libvirt.run_events(0.3)
conn.domainEventDeregisterAny(cb)
print(seen)`, "[3, 4]\n"},
		{"a value with no counterpart in the core", `conn = libvirt.open()
st = conn.newStream()
conn.lookupByName("test").screenshot(st, 0)
got = []
big = 1 << 70
def handler(s, data, o):
    got.append(o)
    return 0
st.recvAll(handler, big)
st.finish()
print(got[0] == big)`, "True\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runScript(t, context.Background(), tt.src)
			if out != tt.out || err != "" {
				t.Errorf("got output %q, error %q\nwant output %q", out, err, tt.out)
			}
		})
	}
}
