package xmlmod

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/xmltree"
)

// hashSeed hashes the nodes of documents, by identity.
var hashSeed = maphash.MakeSeed()

// fromString is xml.fromstring(text).
func fromString(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var text string
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "text", &text); err != nil {
		return nil, err
	}
	return parseElement(thread, b, text)
}

// toString is xml.tostring(element, encoding=None, short_empty_elements=True).
func toString(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var el element
	var encoding starlark.Value = starlark.None
	short := true
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "element", &el, "encoding?", &encoding, "short_empty_elements?", &short); err != nil {
		return nil, err
	}
	opts := xmltree.WriteOptions{LongEmpty: !short}
	given := "us-ascii"
	if encoding != starlark.None {
		s, ok := encoding.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("%s: for parameter encoding: got %s, want string or None", b.Name(), encoding.Type())
		}
		given = string(s)
	}
	enc := strings.ToLower(given)
	switch enc {
	case "us-ascii":
		opts.ASCII = true
	case "utf-8", "unicode":
	default:
		return nil, fmt.Errorf("%s: unsupported encoding %q: want \"us-ascii\", \"utf-8\" or \"unicode\"", b.Name(), given)
	}
	l := budget.Of(thread)
	m := meter(thread, l)
	s, err := xmltree.ToString(el.e, opts, m, func(n uint64) error { return l.Alloc(n, b.Name(), "a string") })
	if err := metered(thread, l, m, err, b.Name()); err != nil {
		return nil, err
	}
	if enc == "unicode" {
		return starlark.String(s), nil
	}
	return starlark.Bytes(s), nil
}

// meter returns a meter for one xmltree call: it allows the steps the
// script has left, and no more elements than lists of them would fit in
// the memory limit.
func meter(thread *starlark.Thread, l budget.Budget) *xmltree.Meter {
	lim := l.Limits()
	var steps uint64
	if max := lim.MaxSteps; max > 0 {
		steps = 1
		if done := thread.ExecutionSteps(); done < max {
			steps = max - done
		}
	}
	return lim.XMLMeter(steps)
}

// metered counts the work m measured as steps, and turns err, the error
// of the call named what, into the limit it passed, or qualifies it.
func metered(thread *starlark.Thread, l budget.Budget, m *xmltree.Meter, err error, what string) error {
	if err := l.Limits().XMLError(err, what); err != nil {
		return err
	}
	return l.Steps(thread, m.Used)
}

// element is an xmltree.Element as a Starlark value, and the budget of
// the run that made it, for its attrib field (a field has no thread).
type element struct {
	e *xmltree.Element
	l budget.Budget
}

var (
	_ starlark.HasAttrs   = (*element)(nil)
	_ starlark.Sliceable  = (*element)(nil)
	_ starlark.Iterable   = (*element)(nil)
	_ starlark.Comparable = (*element)(nil)
	_ starlark.Unpacker   = (*element)(nil)
)

func (x *element) String() string        { return fmt.Sprintf("<Element '%s'>", x.e.Tag()) }
func (x *element) Type() string          { return "Element" }
func (x *element) Freeze()               {} // immutable
func (x *element) Truth() starlark.Bool  { return starlark.True }
func (x *element) Hash() (uint32, error) { return uint32(maphash.Comparable(hashSeed, x.e)), nil }
func (x *element) Len() int              { return x.e.Len() }
func (x *element) Index(i int) starlark.Value {
	return &element{x.e.Child(i), x.l}
}

// Slice is el[start:end:step], a list, as in Python.
func (x *element) Slice(start, end, step int) starlark.Value {
	var out []starlark.Value
	for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
		out = append(out, &element{x.e.Child(i), x.l})
	}
	return starlark.NewList(out)
}

// Iterate goes through the children.
func (x *element) Iterate() starlark.Iterator { return &childIterator{x: x} }

// CompareSameType makes two values for the same element equal.
func (x *element) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	same := x.e == y.(*element).e
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, fmt.Errorf("%s not supported between Elements", op)
}

// Unpack lets builtins take an Element parameter.
func (x *element) Unpack(v starlark.Value) error {
	el, ok := v.(*element)
	if !ok {
		return fmt.Errorf("got %s, want Element", v.Type())
	}
	*x = *el
	return nil
}

// Attr returns a field (tag, text, tail, attrib) or a method, or nil.
func (x *element) Attr(name string) (starlark.Value, error) {
	switch name {
	case "tag":
		return starlark.String(x.e.Tag()), nil
	case "text":
		return optString(x.e.Text()), nil
	case "tail":
		return optString(x.e.Tail()), nil
	case "attrib":
		if err := x.l.Alloc(host.SatMul(uint64(x.e.NumAttrs()), budget.EntryBytes), "Element.attrib", "a dict"); err != nil {
			return nil, err
		}
		d := starlark.NewDict(x.e.NumAttrs())
		for _, a := range x.e.Attrs() {
			_ = d.SetKey(starlark.String(a.Name), starlark.String(a.Value))
		}
		d.Freeze()
		return d, nil
	}
	if m := elementMethods[name]; m != nil {
		return starlark.NewBuiltin("Element."+name, m).BindReceiver(x), nil
	}
	return nil, nil
}

// AttrNames lists the fields and methods.
func (x *element) AttrNames() []string { return elementAttrNames() }

var elementAttrNames = sync.OnceValue(func() []string {
	names := []string{"attrib", "tag", "tail", "text"}
	for n := range elementMethods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
})

func optString(s string, ok bool) starlark.Value {
	if !ok {
		return starlark.None
	}
	return starlark.String(s)
}

type childIterator struct {
	x *element
	i int
}

func (it *childIterator) Next(p *starlark.Value) bool {
	if it.i >= it.x.e.Len() {
		return false
	}
	*p = &element{it.x.e.Child(it.i), it.x.l}
	it.i++
	return true
}

func (it *childIterator) Done() {}

type builtinFunc = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// elementMethods are the methods of an Element; the receiver is the
// builtin's.
var elementMethods = map[string]builtinFunc{
	"get":      elementGet,
	"find":     elementFind,
	"findall":  elementFindAll,
	"iterfind": elementFindAll,
	"findtext": elementFindText,
	"iter":     elementIter,
	"itertext": elementIterText,
	"items":    elementItems,
	"keys":     elementKeys,
}

func receiver(b *starlark.Builtin) *xmltree.Element { return b.Receiver().(*element).e }

func elementGet(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key string
	var def starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "key", &key, "default?", &def); err != nil {
		return nil, err
	}
	if v, ok := receiver(b).Get(key); ok {
		return starlark.String(v), nil
	}
	return def, nil
}

// compilePath compiles a path argument with its namespaces (a dict of
// strings, or None).
func compilePath(b *starlark.Builtin, path string, namespaces starlark.Value) (*xmltree.Path, error) {
	var ns map[string]string
	if namespaces != starlark.None {
		d, ok := namespaces.(*starlark.Dict)
		if !ok {
			return nil, fmt.Errorf("%s: for parameter namespaces: got %s, want dict or None", b.Name(), namespaces.Type())
		}
		ns = make(map[string]string, d.Len())
		for _, kv := range d.Items() {
			k, ok1 := kv[0].(starlark.String)
			v, ok2 := kv[1].(starlark.String)
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("%s: namespaces must map strings to strings, not %s to %s", b.Name(), kv[0].Type(), kv[1].Type())
			}
			ns[string(k)] = string(v)
		}
	}
	p, err := xmltree.Compile(path, ns)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", b.Name(), err)
	}
	return p, nil
}

// findAll runs path from the receiver: the elements found.
func findAll(thread *starlark.Thread, b *starlark.Builtin, path string, namespaces starlark.Value) ([]*xmltree.Element, error) {
	p, err := compilePath(b, path, namespaces)
	if err != nil {
		return nil, err
	}
	l := budget.Of(thread)
	m := meter(thread, l)
	found, err := p.FindAll(receiver(b), m)
	if err := metered(thread, l, m, err, b.Name()); err != nil {
		return nil, err
	}
	return found, nil
}

func elementFind(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var path string
	var namespaces starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &path, "namespaces?", &namespaces); err != nil {
		return nil, err
	}
	found, err := findAll(thread, b, path, namespaces)
	if err != nil || len(found) == 0 {
		return starlark.None, err
	}
	return &element{found[0], budget.Of(thread)}, nil
}

func elementFindAll(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var path string
	var namespaces starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &path, "namespaces?", &namespaces); err != nil {
		return nil, err
	}
	found, err := findAll(thread, b, path, namespaces)
	if err != nil {
		return nil, err
	}
	return elementList(thread, b, found)
}

func elementFindText(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var path string
	var def, namespaces starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &path, "default?", &def, "namespaces?", &namespaces); err != nil {
		return nil, err
	}
	found, err := findAll(thread, b, path, namespaces)
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return def, nil
	}
	text, _ := found[0].Text()
	return starlark.String(text), nil
}

func elementIter(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tag starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "tag?", &tag); err != nil {
		return nil, err
	}
	t := ""
	if tag != starlark.None {
		s, ok := tag.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("%s: for parameter tag: got %s, want string or None", b.Name(), tag.Type())
		}
		t = string(s)
	}
	l := budget.Of(thread)
	m := meter(thread, l)
	found, err := receiver(b).Iter(t, m)
	if err := metered(thread, l, m, err, b.Name()); err != nil {
		return nil, err
	}
	return elementList(thread, b, found)
}

func elementIterText(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	l := budget.Of(thread)
	m := meter(thread, l)
	texts, err := receiver(b).IterText(m)
	if err := metered(thread, l, m, err, b.Name()); err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(texts))
	for i, s := range texts {
		out[i] = starlark.String(s)
	}
	return starlark.NewList(out), nil
}

func elementItems(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := attrsMade(thread, b, budget.TupleBytes); err != nil {
		return nil, err
	}
	attrs := receiver(b).Attrs()
	out := make([]starlark.Value, len(attrs))
	for i, a := range attrs {
		out[i] = starlark.Tuple{starlark.String(a.Name), starlark.String(a.Value)}
	}
	return starlark.NewList(out), nil
}

func elementKeys(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := attrsMade(thread, b, budget.SlotBytes+budget.BoxBytes); err != nil {
		return nil, err
	}
	attrs := receiver(b).Attrs()
	out := make([]starlark.Value, len(attrs))
	for i, a := range attrs {
		out[i] = starlark.String(a.Name)
	}
	return starlark.NewList(out), nil
}

// attrsMade checks the list of the receiver's attributes that b makes,
// per bytes each: against the memory limit, and as steps.
func attrsMade(thread *starlark.Thread, b *starlark.Builtin, per uint64) error {
	n := uint64(receiver(b).NumAttrs())
	l := budget.Of(thread)
	if err := l.Alloc(host.SatMul(n, per), b.Name(), "a list"); err != nil {
		return err
	}
	return l.Steps(thread, n)
}

// elementList is found as a list, checked against the memory limit.
func elementList(thread *starlark.Thread, b *starlark.Builtin, found []*xmltree.Element) (starlark.Value, error) {
	l := budget.Of(thread)
	if err := l.Alloc(host.SatMul(uint64(len(found)), budget.SlotBytes+budget.BoxBytes), b.Name(), "a list"); err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(found))
	for i, e := range found {
		out[i] = &element{e, l}
	}
	return starlark.NewList(out), nil
}
