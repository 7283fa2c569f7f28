// Package pylibxml2 is the read-only subset of libxml2's Python binding
// (import libxml2) that libvirt scripts use to read libvirt's XML, over
// the documents of host/xmltree, for the Python dialect of the Starlark
// adapter:
//
//	doc = libxml2.parseDoc(xml)          # or parseFile(path), parseMemory(xml, size)
//	ctx = doc.xpathNewContext()
//	for dev in ctx.xpathEval("/domain/devices/*"):
//	    print(dev.name, dev.prop("type"), dev.content)
//	ctx.setContextNode(dev); ctx.xpathEval("source/@file")
//	ctx.xpathEval("count(/domain/devices/disk)")   # 1.0
//	doc.freeDoc(); ctx.xpathFreeContext()
//
// XPath is XPath 1.0 as libxml2 evaluates it, but for variables, the
// namespace axis, id() and lang() (see xpath_parse.go). Documents cannot
// be changed. What xmltree leaves out of a document (comments, processing
// instructions, CDATA sections, a DOCTYPE) libxml2 has as nodes: in a
// document that has some, the reads that would see them fail, with an
// error that says so, rather than answer otherwise than libxml2.
package pylibxml2

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
	"github.com/vertscript/vertscript/host/xmltree"
)

// Options configure the module.
type Options struct {
	// ReadFile reads the file at path for the builtin op (parseFile),
	// under the run's file policy. Nil refuses parseFile.
	ReadFile func(thread *starlark.Thread, op, path string) ([]byte, error)
}

// Classes are the module's exception classes, each derived from
// libxmlError (see pyerr's hierarchy).
var Classes = []string{"libxmlError", "treeError", "parserError", "uriError", "xpathError"}

// Module returns the libxml2 module:
//
//	parseDoc(xml)            the xmlDoc of a string (or bytes)
//	parseMemory(xml, size)   the xmlDoc of the first size bytes of xml
//	parseFile(path)          the xmlDoc of a file, read through Options.ReadFile
//	registerErrorHandler(f, ctx), cleanupParser()   accepted; they change nothing
//	libxmlError, treeError, parserError, uriError, xpathError   the exception classes
//
// A document that is not well-formed fails with parserError, as in
// libxml2 ("xmlParseDoc() failed").
func Module(o Options) starlark.Value {
	m := &starlarkstruct.Module{Name: "libxml2", Members: starlark.StringDict{
		"parseDoc":    starlark.NewBuiltin("libxml2.parseDoc", parseDoc),
		"parseMemory": starlark.NewBuiltin("libxml2.parseMemory", parseMemory),
		"parseFile": starlark.NewBuiltin("libxml2.parseFile", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return parseFile(thread, b, args, kwargs, o.ReadFile)
		}),
		"registerErrorHandler": starlark.NewBuiltin("libxml2.registerErrorHandler", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var f, ctx starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &f, &ctx); err != nil {
				return nil, err
			}
			return starlark.MakeInt(1), nil
		}),
		"cleanupParser": starlark.NewBuiltin("libxml2.cleanupParser", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
		}),
	}}
	for _, c := range Classes {
		m.Members[c] = pyrun.NewClass(c)
	}
	m.Freeze()
	return m
}

// pyError is an exception of one of the module's classes.
func pyError(class, msg string) error { return &pyerr.Error{Class: class, Msg: msg} }

func parseDoc(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cur starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &cur); err != nil {
		return nil, err
	}
	src, ok := text(cur)
	if !ok {
		return nil, pyerr.New("TypeError", "%s: got %s, want str", b.Name(), cur.Type())
	}
	return parse(thread, b.Name(), src, "", "xmlParseDoc() failed")
}

func parseMemory(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var buf starlark.Value
	var size int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &buf, &size); err != nil {
		return nil, err
	}
	src, ok := text(buf)
	if !ok {
		return nil, pyerr.New("TypeError", "%s: got %s, want str", b.Name(), buf.Type())
	}
	if size < 0 || size > len(src) {
		return nil, pyError("parserError", "xmlParseMemory() failed")
	}
	return parse(thread, b.Name(), src[:size], "", "xmlParseMemory() failed")
}

func parseFile(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, read func(*starlark.Thread, string, string) ([]byte, error)) (starlark.Value, error) {
	var path string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &path); err != nil {
		return nil, err
	}
	if read == nil {
		return nil, fmt.Errorf("%s: reading files is not allowed in this run", b.Name())
	}
	content, err := read(thread, b.Name(), path)
	if err != nil {
		// A file that cannot be read is libxml2's parse failure; a
		// refusal of the policy or the limits is the run's.
		var pe *fs.PathError
		if e, ok := pyerr.As(err); errors.As(err, &pe) || (ok && pyerr.Subclass(e.Class, "OSError")) {
			return nil, pyError("parserError", "xmlParseFile() failed")
		}
		return nil, err
	}
	return parse(thread, b.Name(), string(content), path, "xmlParseFile() failed")
}

// text is the text of a string or bytes.
func text(v starlark.Value) (string, bool) {
	switch v := v.(type) {
	case starlark.String:
		return string(v), true
	case starlark.Bytes:
		return string(v), true
	}
	return "", false
}

// parse makes the document of src for the builtin fn, under the run's
// limits; failed is the message of libxml2's parserError.
func parse(thread *starlark.Thread, fn, src, url, failed string) (starlark.Value, error) {
	bud := budget.Of(thread)
	if err := bud.Steps(thread, uint64(strings.Count(src, "<"))+1); err != nil {
		return nil, err
	}
	var limitErr error
	alloc := func(n uint64) error {
		if err := bud.Alloc(n, fn, "a document"); err != nil {
			limitErr = err
			return err
		}
		return nil
	}
	tree, err := xmltree.ParseDocument(src, alloc)
	if err != nil {
		if limitErr != nil && errors.Is(err, limitErr) {
			return nil, err
		}
		return nil, pyError("parserError", failed)
	}
	if attrWhitespace(tree) && whitespaceRefs(src) {
		return nil, fmt.Errorf("%s: the document has tabs or newlines in attribute values and character references to them: vertscript cannot tell which libxml2 would make spaces", fn)
	}
	size := countNodes(tree)
	if err := bud.Alloc(uint64(size)*nodeBytes, fn, "a document"); err != nil {
		return nil, err
	}
	if err := bud.Steps(thread, uint64(size)); err != nil {
		return nil, err
	}
	built := newDocument(tree, size)
	built.url = url
	built.findMisc(src)
	if enc := strings.ToLower(built.encoding); enc != "" && enc != "utf-8" && enc != "utf8" && hasNonASCII(src) {
		return nil, fmt.Errorf("%s: the document declares the encoding %s and has characters outside ASCII: only UTF-8 is supported", fn, built.encoding)
	}
	return &Node{d: built, i: 0}, nil
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
