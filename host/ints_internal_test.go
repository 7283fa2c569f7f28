package host

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestIntsReadsAsAList: every reader of values (the audit's JSON and its
// clip, redaction, plans' repr, kinds and type names for errors, argument
// conversion, memory estimates; jsonv tests its own) reads an Ints as the []Value of its
// ints.
func TestIntsReadsAsAList(t *testing.T) {
	ints, list := Ints{1, 2, 300}, []Value{int64(1), int64(2), int64(300)}
	same := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Ints reads %#v, the list %#v", what, got, want)
		}
	}
	same("Values", ints.Values(), list)
	enc := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	same("jsonValue", enc(jsonValue(ints)), enc(jsonValue(list)))
	same("clip", clip(ints), clip(list))
	same("Repr", Repr(ints), Repr(list))
	k1, n1 := KindOf(ints)
	k2, n2 := KindOf(list)
	same("KindOf", []any{k1, n1}, []any{k2, n2})
	same("TypeName", TypeName(ints), TypeName(list))
	got, ok := convert(ints, TList)
	same("convert(TList)", []any{got, ok}, []any{Value(list), true})
	same("valueBytes", valueBytes(ints, 0), valueBytes(list, 0))
	_, r := newRedactor(Lookup(ClassConnect, "listDomainsID"), nil)
	same("redacted result", r.result(ints), r.result(list))
}
