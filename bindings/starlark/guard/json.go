package guard

import (
	"fmt"

	"go.starlark.net/lib/json"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/jsonv"
)

// jsonModule is go.starlark.net's json module (encode, encode_indent,
// decode, indent), each function checked before it runs against the run's
// limits: what it would make against --max-memory, the nesting of what it
// reads against host.MaxNesting (encoding and decoding recurse).
func (l *Guards) jsonModule() *starlarkstruct.Module {
	members := starlark.StringDict{}
	for name, v := range json.Module.Members {
		b := v.(*starlark.Builtin)
		var c check
		switch name {
		case "encode", "encode_indent":
			c = l.jsonEncode
		default:
			c = l.jsonText
		}
		members[name] = l.wrap(b, c)
	}
	return &starlarkstruct.Module{Name: "json", Members: members}
}

// jsonEncode checks json.encode(x) and encode_indent(x): the text of x,
// measured as repr measures it (a list holding one long string many times
// is small, its text is not), with the indentation of each element.
func (l *Guards) jsonEncode(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(args) != 1 {
		return nil // the builtin fails
	}
	t := l.text()
	size := t.Size(args[0], true)
	if b.Name() == "json.encode_indent" {
		size = add(size, size) // a line break and indentation per element, about as long as the element
		size = add(size, size)
	}
	return l.made(thread, t, size, b.Name())
}

// jsonText checks json.decode(s) and json.indent(s): the values decoding
// makes, or the lines indenting makes, and the nesting.
func (l *Guards) jsonText(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(args) < 1 {
		return nil
	}
	s, ok := args[0].(starlark.String)
	if !ok {
		return nil
	}
	st := jsonv.Scan(string(s))
	if st.Depth > host.MaxNesting {
		return host.NestingError(b.Name(), "a JSON value")
	}
	if err := l.steps(thread, uint64(st.Values)); err != nil {
		return err
	}
	if b.Name() == "json.decode" {
		size := add(mul(uint64(st.Values), slotBytes+boxBytes), mul(uint64(st.Containers), entryBytes))
		return l.alloc(add(size, uint64(len(s))), fmt.Sprintf("%s of %d values", b.Name(), st.Values), "a value")
	}
	width := uint64(8) // the prefix and indent keyword arguments, at least a tab
	for _, kv := range kwargs {
		if v, ok := kv[1].(starlark.String); ok {
			width = add(width, uint64(len(v)))
		}
	}
	lines := mul(uint64(st.Structural), add(1, mul(width, uint64(st.Depth))))
	return l.alloc(add(lines, uint64(len(s))), b.Name(), "a string")
}
