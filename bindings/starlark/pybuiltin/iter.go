package pybuiltin

import (
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Iterable is what Python's "for x in v" goes through: a string's
// characters, bytes' ints, a dict's keys (as Starlark's dict), v itself
// otherwise. It makes nothing for the values Starlark iterates itself.
func Iterable(thread *starlark.Thread, v starlark.Value) (starlark.Value, error) {
	switch x := v.(type) {
	case starlark.String:
		return &chars{s: string(x), n: utf8.RuneCountInString(string(x))}, nil
	case starlark.Bytes:
		return byteInts(x), nil
	}
	return v, nil
}

// chars is a string's characters, made as they are read.
type chars struct {
	s string
	n int // the number of characters
}

var _ starlark.Sequence = (*chars)(nil)

func (c *chars) String() string        { return "<str_iterator object>" }
func (c *chars) Type() string          { return "str_iterator" }
func (c *chars) Freeze()               {}
func (c *chars) Truth() starlark.Bool  { return c.n > 0 }
func (c *chars) Hash() (uint32, error) { return 0, typeError("unhashable type: 'str_iterator'") }
func (c *chars) Len() int              { return c.n }
func (c *chars) Iterate() starlark.Iterator {
	return &charIter{s: c.s}
}

type charIter struct{ s string }

func (it *charIter) Next(p *starlark.Value) bool {
	if it.s == "" {
		return false
	}
	_, n := utf8.DecodeRuneInString(it.s)
	*p = starlark.String(it.s[:n])
	it.s = it.s[n:]
	return true
}

func (it *charIter) Done() {}

// byteInts is bytes' values, made as they are read.
type byteInts string

var _ starlark.Indexable = byteInts("")

func (b byteInts) String() string             { return "<bytes_iterator object>" }
func (b byteInts) Type() string               { return "bytes_iterator" }
func (b byteInts) Freeze()                    {}
func (b byteInts) Truth() starlark.Bool       { return len(b) > 0 }
func (b byteInts) Hash() (uint32, error)      { return 0, typeError("unhashable type: 'bytes_iterator'") }
func (b byteInts) Len() int                   { return len(b) }
func (b byteInts) Index(i int) starlark.Value { return starlark.MakeInt(int(b[i])) }
func (b byteInts) Iterate() starlark.Iterator { return &indexIter{x: b} }

// indexIter goes through an Indexable by position.
type indexIter struct {
	x starlark.Indexable
	i int
}

func (it *indexIter) Next(p *starlark.Value) bool {
	if it.i >= it.x.Len() {
		return false
	}
	*p = it.x.Index(it.i)
	it.i++
	return true
}

func (it *indexIter) Done() {}

// iterator is what iter(x) returns: next(it) reads its elements one by
// one, and a for loop reads the rest.
type iterator struct {
	next func() (starlark.Value, bool)
}

var _ starlark.Iterable = (*iterator)(nil)

func (it *iterator) String() string        { return "<iterator object>" }
func (it *iterator) Type() string          { return "iterator" }
func (it *iterator) Freeze()               {}
func (it *iterator) Truth() starlark.Bool  { return starlark.True }
func (it *iterator) Hash() (uint32, error) { return 0, typeError("unhashable type: 'iterator'") }
func (it *iterator) Iterate() starlark.Iterator {
	return &iteratorIter{it}
}

type iteratorIter struct{ it *iterator }

func (i *iteratorIter) Next(p *starlark.Value) bool {
	v, ok := i.it.next()
	if ok {
		*p = v
	}
	return ok
}

func (i *iteratorIter) Done() {}

// newIterator is iter(v). An Indexable is read by position, so that the
// script may change it meanwhile as Python allows; other iterables are
// read at once (a dict's keys, a set's elements), charged to the run.
func newIterator(thread *starlark.Thread, v starlark.Value) (*iterator, error) {
	if it, ok := v.(*iterator); ok {
		return it, nil
	}
	v, err := Iterable(thread, v)
	if err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case *chars:
		s := x.s
		return &iterator{next: func() (starlark.Value, bool) {
			if s == "" {
				return nil, false
			}
			_, n := utf8.DecodeRuneInString(s)
			c := starlark.String(s[:n])
			s = s[n:]
			return c, true
		}}, nil
	case starlark.Indexable:
		i := 0
		return &iterator{next: func() (starlark.Value, bool) {
			if i >= x.Len() {
				return nil, false
			}
			i++
			return x.Index(i - 1), true
		}}, nil
	case starlark.Iterable:
		xs, err := elements(thread, "iter", x)
		if err != nil {
			return nil, err
		}
		return &iterator{next: func() (starlark.Value, bool) {
			if len(xs) == 0 {
				return nil, false
			}
			e := xs[0]
			xs = xs[1:]
			return e, true
		}}, nil
	}
	return nil, typeError("'%s' object is not iterable", typeName(v))
}
