package pylibxml2

import (
	"errors"
	"fmt"
	"sort"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
)

// Context is an XPath context (doc.xpathNewContext()), libxml2's
// xpathContext:
//
//	xpathEval(expr), xpathEvalExpression(expr)   the value of expr: a list of nodes,
//	                                             a str, a float, or 0/1 for a boolean
//	setContextNode(node), contextNode(), contextDoc()
//	xpathRegisterNs(prefix, uri)                 a prefix for names in expressions
//	xpathFreeContext()                           nothing to free
//
// A new context has no context node, as libxml2's: a relative path
// selects nothing until setContextNode.
type Context struct {
	d    *document
	node int               // the context node, or none
	ns   map[string]string // the registered prefixes
}

var (
	_ starlark.HasAttrs = (*Context)(nil)
	_ budget.Holder     = (*Context)(nil)
)

func (c *Context) String() string        { return "<xpathContext object>" }
func (c *Context) Type() string          { return "xpathContext" }
func (c *Context) Freeze()               {}
func (c *Context) Truth() starlark.Bool  { return starlark.True }
func (c *Context) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: xpathContext") }

// EachHeld visits the context node, for the run's memory account.
func (c *Context) EachHeld(visit func(starlark.Value)) {
	if c.node != none {
		visit(&Node{d: c.d, i: c.node})
	}
}

// contextMethods are the context's methods.
var contextMethods = map[string]func(thread *starlark.Thread, c *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error){
	"xpathEval":           contextXPathEval,
	"xpathEvalExpression": contextXPathEval,
	"setContextNode": func(_ *starlark.Thread, c *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		if v == starlark.None {
			c.node = none
			return starlark.None, nil
		}
		n, ok := v.(*Node)
		if !ok {
			return nil, fmt.Errorf("%s: got %s, want a node", fn, v.Type())
		}
		if n.d != c.d {
			return nil, fmt.Errorf("%s: the node belongs to another document than the context's", fn)
		}
		c.node = n.i
		return starlark.None, nil
	},
	"contextNode": func(_ *starlark.Thread, c *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		if c.node == none {
			return nil, pyError("xpathError", "xmlXPathGetContextNode() failed")
		}
		return &Node{d: c.d, i: c.node}, nil
	},
	"contextDoc": func(_ *starlark.Thread, c *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		return &Node{d: c.d, i: 0}, nil
	},
	"xpathRegisterNs": func(_ *starlark.Thread, c *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var prefix, uri string
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 2, &prefix, &uri); err != nil {
			return nil, err
		}
		if c.ns == nil {
			c.ns = map[string]string{}
		}
		c.ns[prefix] = uri
		return starlark.MakeInt(0), nil
	},
	"xpathFreeContext": func(_ *starlark.Thread, _ *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, starlark.UnpackPositionalArgs(fn, args, kwargs, 0)
	},
}

// Attr returns a method.
func (c *Context) Attr(name string) (starlark.Value, error) {
	m, ok := contextMethods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin("xpathContext."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return m(thread, c, b.Name(), args, kwargs)
	}), nil
}

// AttrNames lists the methods.
func (c *Context) AttrNames() []string {
	names := make([]string, 0, len(contextMethods))
	for n := range contextMethods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func contextXPathEval(thread *starlark.Thread, c *Context, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var expr string
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &expr); err != nil {
		return nil, err
	}
	return xpathEval(thread, c.d, c.node, c.ns, expr)
}

// xpathEval evaluates expr over d from node (none for no node), under the
// run's limits, and returns its value as libxml2's binding does: a node
// set as a list, a string as a str, a number as a float, a boolean as 0
// or 1.
func xpathEval(thread *starlark.Thread, d *document, node int, ns map[string]string, src string) (starlark.Value, error) {
	bud := budget.Of(thread)
	if err := bud.Steps(thread, uint64(len(src)/8+1)); err != nil {
		return nil, err
	}
	e, err := parseXPath(src)
	if err != nil {
		return nil, xpathFailure(src, err)
	}
	ev := &evaluator{
		d:     d,
		ns:    ns,
		steps: func(n uint64) error { return bud.Steps(thread, n) },
		alloc: func(n uint64) error { return bud.Alloc(n, "xpathEval", "a node set") },
	}
	v, err := ev.eval(e, evalCtx{node: node, pos: 1, size: 1})
	if err == nil {
		err = ev.flush()
	}
	if err != nil {
		return nil, xpathFailure(src, err)
	}
	switch v := v.(type) {
	case []int:
		if err := bud.Alloc(uint64(len(v))*48, "xpathEval", "a list"); err != nil {
			return nil, err
		}
		out := make([]starlark.Value, len(v))
		for k, n := range v {
			out[k] = &Node{d: d, i: n}
		}
		return starlark.NewList(out), nil
	case string:
		return starlark.String(v), nil
	case float64:
		return starlark.Float(v), nil
	case bool:
		return starlark.MakeInt(boolInt(v)), nil
	}
	return nil, fmt.Errorf("xpathEval: unexpected value %T", v)
}

// xpathFailure is the error of an evaluation that failed: libxml2's
// xpathError for what libxml2 refuses too (a syntax error, an operand of
// the wrong type), with libxml2's message; xpathError naming the construct
// for what vertscript does not evaluate; the run's own errors (limits) as
// they are.
func xpathFailure(src string, err error) error {
	var se *syntaxError
	var te *typeError
	var ue *unsupportedError
	switch {
	case errors.As(err, &se), errors.As(err, &te):
		return pyError("xpathError", "xmlXPathEval() failed")
	case errors.As(err, &ue):
		return pyError("xpathError", fmt.Sprintf("xmlXPathEval() failed: %s in vertscript's XPath (%q)", ue.Error(), src))
	}
	return err
}
