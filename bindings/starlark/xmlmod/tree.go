package xmlmod

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host/xmltree"
)

// elementTree is what ElementTree.parse returns: a document's root, with
// getroot() and the searches of an Element, from the root. It cannot be
// written (write would write a file).
type elementTree struct{ root *element }

var _ starlark.HasAttrs = (*elementTree)(nil)

func (t *elementTree) String() string        { return "<xml.etree.ElementTree.ElementTree object>" }
func (t *elementTree) Type() string          { return "ElementTree" }
func (t *elementTree) Freeze()               {} // immutable
func (t *elementTree) Truth() starlark.Bool  { return starlark.True }
func (t *elementTree) Hash() (uint32, error) { return t.root.Hash() }

// treeMethods are the searches an ElementTree does from its root.
var treeMethods = []string{"find", "findall", "findtext", "iter", "iterfind"}

// Attr returns getroot or a search, bound to the root.
func (t *elementTree) Attr(name string) (starlark.Value, error) {
	if name == "getroot" {
		return starlark.NewBuiltin("ElementTree.getroot", treeGetRoot).BindReceiver(t), nil
	}
	for _, m := range treeMethods {
		if m == name {
			return starlark.NewBuiltin("ElementTree."+name, elementMethods[name]).BindReceiver(t.root), nil
		}
	}
	return nil, nil
}

// AttrNames lists getroot and the searches.
func (t *elementTree) AttrNames() []string { return append([]string{"getroot"}, treeMethods...) }

func treeGetRoot(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return b.Receiver().(*elementTree).root, nil
}

// parseTree is ElementTree.parse(source, parser=None): source is a path,
// read through opts, or a file object.
func (opts Options) parseTree(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var source, parser starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "source", &source, "parser?", &parser); err != nil {
		return nil, err
	}
	if parser != starlark.None {
		return nil, fmt.Errorf("%s: parser is not supported: leave it None", b.Name())
	}
	src, err := opts.source(thread, b, source)
	if err != nil {
		return nil, err
	}
	root, err := parseElement(thread, b, src)
	if err != nil {
		return nil, err
	}
	return &elementTree{root}, nil
}

// parseElement parses src for b under the run's budget: the root element.
func parseElement(thread *starlark.Thread, b *starlark.Builtin, src string) (*element, error) {
	l := budget.Of(thread)
	if err := l.Steps(thread, uint64(strings.Count(src, "<"))); err != nil {
		return nil, err
	}
	root, err := xmltree.Parse(src, func(n uint64) error { return l.Alloc(n, b.Name(), "an element tree") })
	if err != nil {
		return nil, l.Limits().XMLError(err, b.Name())
	}
	return &element{root, l}, nil
}
