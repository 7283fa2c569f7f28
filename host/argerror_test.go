package host_test

import (
	"testing"

	"github.com/vertscript/vertscript/host"
)

// shoutWords is a made-up language: kinds in capitals, lists from 1.
type shoutWords struct{}

func (shoutWords) Got(k host.Kind, name string) string {
	if name != "" {
		return "<" + name + ">"
	}
	return "GOT-" + k.String()
}
func (shoutWords) Want(k host.Kind) string { return "WANT-" + k.String() }
func (shoutWords) FirstIndex() int         { return 1 }

func TestArgErrorWording(t *testing.T) {
	tests := []struct {
		name         string
		err          *host.ArgError
		python, mine string
	}{
		{"a type", &host.ArgError{Op: "virConnect.lookupByID", Problem: host.ArgType, Where: "for parameter id", Got: host.KindString, Want: host.Want{Kinds: []host.Kind{host.KindInt}}},
			"virConnect.lookupByID: for parameter id: got string, want int",
			"virConnect.lookupByID: for parameter id: got GOT-string, want WANT-int"},
		{"kinds joined, a range", &host.ArgError{Op: "f", Problem: host.ArgType, Where: "for parameter x", Got: host.KindFloat, Want: host.Want{Kinds: []host.Kind{host.KindInt, host.KindNone}, Ranged: true, Min: 0, Max: 7}},
			"f: for parameter x: got float, want int from 0 to 7 or None",
			"f: for parameter x: got GOT-float, want WANT-int from 0 to 7 or WANT-None"},
		{"an object's class, a list item", &host.ArgError{Op: "f", Problem: host.ArgType, Where: "for parameter doms", Item: 3, Got: host.KindObject, GotName: "virConnect", Want: host.Want{Kinds: []host.Kind{host.KindObject}, Class: "virDomain"}},
			"f: for parameter doms: item 2: got virConnect, want virDomain",
			"f: for parameter doms: item 3: got <virConnect>, want virDomain"},
		{"a dict's keys, a list's items", &host.ArgError{Op: "f", Problem: host.ArgType, Where: "for parameter p", Got: host.KindBool, Want: host.Want{Kinds: []host.Kind{host.KindDict, host.KindList}, IntKeys: true, Elems: host.KindString}},
			"f: for parameter p: got bool, want dict with int keys or list of string items",
			"f: for parameter p: got GOT-bool, want WANT-dict with WANT-int keys or WANT-list of WANT-string items"},
		{"a callback's result", &host.ArgError{Op: "virStream.sendAll", Problem: host.ArgReturned, Where: "handler", Got: host.KindInt, Want: host.Want{Kinds: []host.Kind{host.KindBytes}}},
			"virStream.sendAll: handler returned int, want bytes",
			"virStream.sendAll: handler returned GOT-int, want WANT-bytes"},
		{"a receiver", &host.ArgError{Op: "virDomain.suspend", Problem: host.ArgReceiver, Got: host.KindNone, Want: host.Want{Kinds: []host.Kind{host.KindObject}, Class: "virDomain"}},
			"virDomain.suspend: called on None, want a virDomain",
			"virDomain.suspend: called on GOT-None, want a virDomain"},
		{"a count", &host.ArgError{Op: "f", Problem: host.ArgCount, Count: 3, Max: 1},
			"f: got 3 arguments, want at most 1", "f: got 3 arguments, want at most 1"},
		{"missing", &host.ArgError{Op: "f", Problem: host.ArgMissing, Name: "name"},
			"f: missing argument for name", "f: missing argument for name"},
		{"a keyword", &host.ArgError{Op: "f", Problem: host.ArgKeyword, Name: "nme"},
			`f: unexpected keyword argument "nme"`, `f: unexpected keyword argument "nme"`},
		{"twice", &host.ArgError{Op: "f", Problem: host.ArgDuplicate, Name: "name"},
			"f: got multiple values for parameter name", "f: got multiple values for parameter name"},
		{"an invalid value", &host.ArgError{Op: "f", Problem: host.ArgInvalid, Where: "for parameter n", Msg: "5 does not fit a C int"},
			"f: for parameter n: 5 does not fit a C int", "f: for parameter n: 5 does not fit a C int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.python {
				t.Errorf("Error() = %q, want %q", got, tt.python)
			}
			if got := tt.err.Worded(shoutWords{}); got != tt.mine {
				t.Errorf("Worded = %q, want %q", got, tt.mine)
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		v    host.Value
		kind host.Kind
		name string
	}{
		{nil, host.KindNone, ""}, {true, host.KindBool, ""}, {int64(1), host.KindInt, ""}, {1.5, host.KindFloat, ""},
		{"s", host.KindString, ""}, {host.Bytes("b"), host.KindBytes, ""}, {[]host.Value{}, host.KindList, ""},
		{host.Tuple{}, host.KindTuple, ""}, {host.NewMap(), host.KindDict, ""}, {host.NewIntMap(), host.KindDict, ""},
		{host.Opaque{Type: "table with mixed keys"}, host.KindOther, "table with mixed keys"},
		{host.ScriptValue{View: int64(2)}, host.KindInt, ""},
	}
	for _, tt := range tests {
		if k, name := host.KindOf(tt.v); k != tt.kind || name != tt.name {
			t.Errorf("KindOf(%#v) = %v, %q; want %v, %q", tt.v, k, name, tt.kind, tt.name)
		}
	}
}

// TestArgErrorsAreStructured: an operation's argument mistakes carry their
// kinds, not only a message.
func TestArgErrorsAreStructured(t *testing.T) {
	s := newSession(t)
	conn := open(t, s)
	_, err := callErr(s, host.ClassConnect, "lookupByID", conn, "x")
	ae, ok := err.(*host.ArgError)
	if !ok {
		t.Fatalf("got %v, want an ArgError", err)
	}
	want := host.ArgError{Op: "virConnect.lookupByID", Problem: host.ArgType, Where: "for parameter id", Got: host.KindString}
	if ae.Op != want.Op || ae.Problem != want.Problem || ae.Where != want.Where || ae.Got != want.Got ||
		len(ae.Want.Kinds) != 1 || ae.Want.Kinds[0] != host.KindInt {
		t.Errorf("got %+v, want %+v wanting an int", *ae, want)
	}
}
