package starlark

import (
	"fmt"
	"hash/maphash"
	"sort"
	"sync"
	"sync/atomic"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/host"
)

// object is a libvirt object (a connection, a domain, ...) as a Starlark
// value. Its methods come from the core's operation table. There is one per
// libvirt object (see objectOf), which keeps the methods a script last
// read from it, bound, so that dom.name() in a loop makes no new value but
// the name. What it keeps is replaced whole, never changed in place, so
// that threads sharing the object read it safely.
type object struct {
	o *host.Object
	// bound holds the methods last read, most recent first.
	bound atomic.Pointer[[boundCache]*starlark.Builtin]
	// caller is the thread that last called a method of the object, and
	// its session (see session).
	caller atomic.Pointer[caller]
	// last is the string a method of the object returned last, and its
	// Starlark value (see result).
	last atomic.Pointer[lastString]
}

// caller is a thread and its session.
type caller struct {
	thread *starlark.Thread
	sess   *host.Session
}

// lastString is a string result and its Starlark value.
type lastString struct {
	s string
	v starlark.Value
}

// result converts res, what a method of the object returned: a string
// equal to the one before gets the same Starlark value, so that reading a
// name in a loop does not allocate one per call.
func (x *object) result(op *host.Op, res host.Value) (starlark.Value, error) {
	s, ok := res.(string)
	if !ok || len(s) > host.KeptString {
		return resultOf(op, res)
	}
	if l := x.last.Load(); l != nil && l.s == s {
		return l.v, nil
	}
	v := starlark.String(s)
	x.last.Store(&lastString{s: s, v: v})
	return v, nil
}

// session returns thread's session, the one the object's methods call.
func (x *object) session(thread *starlark.Thread) *host.Session {
	if c := x.caller.Load(); c != nil && c.thread == thread {
		return c.sess
	}
	sess := sessionOf(thread)
	x.caller.Store(&caller{thread: thread, sess: sess})
	return sess
}

// boundCache is how many bound methods an object keeps.
const boundCache = 4

// objectOf returns the Starlark value of o: the same one for as long as o
// lives.
func objectOf(o *host.Object) *object {
	if x, ok := o.Adapted().(*object); ok {
		return x
	}
	x := &object{o: o}
	o.SetAdapted(x)
	return x
}

var (
	_ starlark.HasAttrs   = (*object)(nil)
	_ starlark.Comparable = (*object)(nil)
)

var hashSeed = maphash.MakeSeed()

func (x *object) String() string        { return x.o.String() }
func (x *object) Type() string          { return x.o.Class() }
func (x *object) Freeze()               {}
func (x *object) Truth() starlark.Bool  { return starlark.True }
func (x *object) Hash() (uint32, error) { return uint32(maphash.Comparable(hashSeed, x.o)), nil }

// CompareSameType makes two values for the same libvirt object equal: the
// session holds each object once, so identity is the object's identity.
func (x *object) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return compareIdentity(op, x.o == y.(*object).o)
}

// Attr returns the method name, or nil (not an error) when there is none,
// so that hasattr works and the interpreter suggests near names.
func (x *object) Attr(name string) (starlark.Value, error) {
	bound := x.bound.Load()
	if bound != nil {
		for _, b := range bound {
			if b != nil && b.Name() == name {
				return b, nil
			}
		}
	}
	b := methodBuiltins(x.o.Class())[name]
	if b == nil {
		return nil, nil
	}
	b = b.BindReceiver(x)
	next := new([boundCache]*starlark.Builtin)
	if bound != nil {
		copy(next[1:], bound[:])
	}
	next[0] = b
	x.bound.Store(next)
	return b, nil
}

// AttrNames returns the method names, sorted.
func (x *object) AttrNames() []string { return methodNames(x.o.Class()) }

// methods holds, per class, one builtin per operation; built once, never
// modified.
var methods = sync.OnceValue(func() map[string]map[string]*starlark.Builtin {
	all := map[string]map[string]*starlark.Builtin{}
	for _, class := range host.Classes() {
		if class == host.ClassModule {
			continue
		}
		m := map[string]*starlark.Builtin{}
		for _, op := range host.Methods(class) {
			m[op.Name] = starlark.NewBuiltin(op.Name, callOp(op))
		}
		all[class] = m
	}
	return all
})

func methodBuiltins(class string) map[string]*starlark.Builtin { return methods()[class] }

func methodNames(class string) []string {
	m := methodBuiltins(class)
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// callOp returns the implementation of op's builtin: it converts the
// arguments, calls the core and converts the result.
func callOp(op *host.Op) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var recv *host.Object
		var s *host.Session
		x, isObject := b.Receiver().(*object)
		if isObject {
			recv, s = x.o, x.session(thread)
		} else {
			s = sessionOf(thread)
		}
		var hargs []host.Value
		if len(args) > 0 {
			hargs = make([]host.Value, len(args))
			for i, a := range args {
				hargs[i] = argOf(thread, op, i, "", a)
			}
		}
		var hkw []host.Kwarg
		for _, kv := range kwargs {
			name := string(kv[0].(starlark.String))
			hkw = append(hkw, host.Kwarg{Name: name, Value: argOf(thread, op, -1, name, kv[1])})
		}
		res, err := s.Call(op, recv, hargs, hkw)
		if err != nil {
			return nil, err
		}
		if isObject {
			return x.result(op, res)
		}
		return resultOf(op, res)
	}
}

// compareIdentity answers == and != from identity; libvirt objects have no
// order.
func compareIdentity(op syntax.Token, same bool) (bool, error) {
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, fmt.Errorf("%s not supported between libvirt objects", op)
}

// resultOf converts an operation's result; a value the adapter cannot
// convert (a bug in the operation) fails the call instead of the process.
func resultOf(op *host.Op, res host.Value) (v starlark.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("%s: internal error: %v", op.QualName(), r)
		}
	}()
	return fromHost(res), nil
}
