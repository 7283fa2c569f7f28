package pystdlib

import (
	"sort"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/host"
)

// sched is Python's sched module, on the session's clock by default:
//
//	scheduler(timefunc=time.monotonic, delayfunc=time.sleep)
//	  .enter(delay, priority, action, argument=(), kwargs={}) -> event
//	  .enterabs(time, priority, action, argument=(), kwargs={}) -> event
//	  .cancel(event), .empty(), .run(blocking=True), .queue
func (r *run) schedModule() *starlarkstruct.Module {
	return module("sched", map[string]builtin{
		"scheduler": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			s := &scheduler{r: r, start: r.o.Clock.Now()}
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "timefunc?", &s.timefunc, "delayfunc?", &s.delayfunc); err != nil {
				return nil, err
			}
			return s, nil
		},
	}, starlark.StringDict{"Event": &namedTupleType{name: "Event", fields: eventFields}})
}

var eventFields = []string{"time", "priority", "sequence", "action", "argument", "kwargs"}

type scheduler struct {
	r                   *run
	start               time.Time
	timefunc, delayfunc starlark.Value // nil: the clock's
	queue               []*namedTuple
	seq                 int
}

var _ starlark.HasAttrs = (*scheduler)(nil)

func (s *scheduler) String() string        { return "<sched.scheduler object>" }
func (s *scheduler) Type() string          { return "sched.scheduler" }
func (s *scheduler) Freeze()               {}
func (s *scheduler) Truth() starlark.Bool  { return true }
func (s *scheduler) Hash() (uint32, error) { return 0, typeError("unhashable type: 'scheduler'") }

func (s *scheduler) now(thread *starlark.Thread) (starlark.Value, error) {
	if s.timefunc == nil || s.timefunc == starlark.None {
		return starlark.Float(s.r.o.Clock.Now().Sub(s.start).Seconds()), nil
	}
	return starlark.Call(thread, s.timefunc, nil, nil)
}

func (s *scheduler) delay(thread *starlark.Thread, d starlark.Value) error {
	if s.delayfunc == nil || s.delayfunc == starlark.None {
		f, ok := starlark.AsFloat(d)
		if !ok {
			return typeError("sched: delay %s is not a number", d.Type())
		}
		if f <= 0 {
			return s.r.o.Ctx.Err()
		}
		return s.r.o.Clock.Sleep(s.r.o.Ctx, time.Duration(f*float64(time.Second)))
	}
	_, err := starlark.Call(thread, s.delayfunc, starlark.Tuple{d}, nil)
	return err
}

func (s *scheduler) enter(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, relative bool) (starlark.Value, error) {
	var at, prio, action starlark.Value
	var argument starlark.Value = starlark.Tuple{}
	var kw starlark.Value = starlark.NewDict(0)
	first := "time"
	if relative {
		first = "delay"
	}
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, first, &at, "priority", &prio, "action", &action, "argument?", &argument, "kwargs?", &kw); err != nil {
		return nil, err
	}
	if relative {
		now, err := s.now(thread)
		if err != nil {
			return nil, err
		}
		if at, err = starlark.Binary(syntax.PLUS, now, at); err != nil {
			return nil, err
		}
	}
	ev := &namedTuple{Tuple: starlark.Tuple{at, prio, starlark.MakeInt(s.seq), action, argument, kw}, t: &namedTupleType{name: "Event", fields: eventFields}}
	s.seq++
	s.queue = append(s.queue, ev)
	var err error
	sort.SliceStable(s.queue, func(i, j int) bool {
		lt, e := s.less(s.queue[i], s.queue[j])
		if e != nil && err == nil {
			err = e
		}
		return lt
	})
	return ev, err
}

// less orders events by time, priority, then sequence.
func (s *scheduler) less(a, b *namedTuple) (bool, error) {
	for i := 0; i < 3; i++ {
		eq, err := starlark.Equal(a.Tuple[i], b.Tuple[i])
		if err != nil {
			return false, err
		}
		if !eq {
			return starlark.Compare(syntax.LT, a.Tuple[i], b.Tuple[i])
		}
	}
	return false, nil
}

// Attr returns the scheduler's methods and queue.
func (s *scheduler) Attr(name string) (starlark.Value, error) {
	switch name {
	case "enter", "enterabs":
		return starlark.NewBuiltin("scheduler."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return s.enter(thread, b, args, kwargs, name == "enter")
		}), nil
	case "cancel":
		return starlark.NewBuiltin("scheduler.cancel", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var ev starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &ev); err != nil {
				return nil, err
			}
			for i, e := range s.queue {
				if e == ev {
					s.queue = append(s.queue[:i:i], s.queue[i+1:]...)
					return starlark.None, nil
				}
			}
			return nil, valueError("list.remove(x): x not in list")
		}), nil
	case "empty":
		return starlark.NewBuiltin("scheduler.empty", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(len(s.queue) == 0), nil
		}), nil
	case "queue":
		out := make([]starlark.Value, len(s.queue))
		for i, e := range s.queue {
			out[i] = e
		}
		return starlark.NewList(out), nil
	case "run":
		return starlark.NewBuiltin("scheduler.run", s.run), nil
	}
	return nil, nil
}

// AttrNames lists them.
func (s *scheduler) AttrNames() []string {
	return []string{"cancel", "empty", "enter", "enterabs", "queue", "run"}
}

// run is scheduler.run(blocking=True): it runs the events in order,
// waiting for each on the delay function; non-blocking, it returns the
// delay until the next one.
func (s *scheduler) run(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	blocking := true
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "blocking?", &blocking); err != nil {
		return nil, err
	}
	for len(s.queue) > 0 {
		if err := steps(thread, 1); err != nil {
			return nil, err
		}
		ev := s.queue[0]
		now, err := s.now(thread)
		if err != nil {
			return nil, err
		}
		late, err := starlark.Compare(syntax.GT, ev.Tuple[0], now)
		if err != nil {
			return nil, err
		}
		if late {
			d, err := starlark.Binary(syntax.MINUS, ev.Tuple[0], now)
			if err != nil {
				return nil, err
			}
			if !blocking {
				return d, nil
			}
			if err := s.delay(thread, d); err != nil {
				return nil, err
			}
			continue
		}
		s.queue = s.queue[1:]
		argv, err := elements(thread, "sched", ev.Tuple[4])
		if err != nil {
			return nil, err
		}
		var kw []starlark.Tuple
		if d, ok := ev.Tuple[5].(starlark.IterableMapping); ok {
			for _, kv := range d.Items() {
				kw = append(kw, starlark.Tuple{kv[0], kv[1]})
			}
		}
		if _, err := starlark.Call(thread, ev.Tuple[3], starlark.Tuple(argv), kw); err != nil {
			return nil, err
		}
		if err := s.delay(thread, starlark.MakeInt(0)); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

// pprint is Python's pprint module: pprint(object, stream=None, indent=1,
// width=80, depth=None, compact=False, sort_dicts=True) and pformat(...),
// for dicts, lists and tuples as Python lays them out; other values as
// Options.Repr shows them.
func (r *run) pprintModule() *starlarkstruct.Module {
	args := func(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, stream bool) (starlark.Value, *starlark.Value, *printer, error) {
		var obj starlark.Value
		var out starlark.Value = starlark.None
		var depth starlark.Value = starlark.None
		p := &printer{indent: 1, width: 80, sort: true}
		params := []any{"object", &obj}
		if stream {
			params = append(params, "stream?", &out)
		}
		params = append(params, "indent?", &p.indent, "width?", &p.width, "depth?", &depth, "compact?", &p.compact, "sort_dicts?", &p.sort, "underscore_numbers?", new(bool))
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
			return nil, nil, nil, err
		}
		if p.indent < 0 || p.width < 0 {
			return nil, nil, nil, valueError("indent must be >= 0 and width must be != 0")
		}
		return obj, &out, p, nil
	}
	format := func(thread *starlark.Thread, b *starlark.Builtin, obj starlark.Value, p *printer) (string, error) {
		// The text is built at once: charge it before, by the repr's
		// length (a value shared in a list twice prints twice), twice
		// over for the indentation, and the repr made at each level as
		// steps.
		bud := budget.Of(thread)
		m := pybuiltin.NewMeasure(bud.Limits().MaxMemory)
		n := m.Size(obj, true)
		if m.Deep() {
			return "", host.NestingError(b.Name(), "a value")
		}
		if err := bud.Alloc(host.SatMul(n, 2), b.Name(), "a string"); err != nil {
			return "", err
		}
		if err := bud.Steps(thread, host.SatMul(n/64+1, maxPrettyDepth)); err != nil {
			return "", err
		}
		var leafErr error
		p.leaf = func(v starlark.Value) string {
			s, err := r.repr(thread, v)
			if err != nil && leafErr == nil {
				leafErr = err
			}
			return s
		}
		var sb strings.Builder
		p.format(&sb, obj, 0, 0, 0)
		if leafErr != nil {
			return "", leafErr
		}
		if err := alloc(thread, sb.Len(), b.Name(), "a string"); err != nil {
			return "", err
		}
		return sb.String(), nil
	}
	return module("pprint", map[string]builtin{
		"pformat": func(thread *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			obj, _, p, err := args(b, a, kw, false)
			if err != nil {
				return nil, err
			}
			s, err := format(thread, b, obj, p)
			return starlark.String(s), err
		},
		"pprint": func(thread *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			obj, out, p, err := args(b, a, kw, true)
			if err != nil {
				return nil, err
			}
			s, err := format(thread, b, obj, p)
			if err != nil {
				return nil, err
			}
			return starlark.None, write(thread, *out, r.o.Stdout, s+"\n")
		},
	}, nil)
}

// maxPrettyDepth bounds the nesting pprint follows (a list holding
// itself): it makes the repr of each level's value, so its work grows with
// the depth times the size.
const maxPrettyDepth = 100

// printer is pprint.PrettyPrinter.
type printer struct {
	indent, width int
	compact, sort bool
	leaf          func(starlark.Value) string // the repr of what is not a dict, list or tuple
}

// repr is the one-line repr, with dicts sorted by key.
func (p *printer) repr(v starlark.Value) string {
	var b strings.Builder
	p.writeRepr(&b, v, 0)
	return b.String()
}

func (p *printer) items(d *starlark.Dict) []starlark.Tuple {
	items := d.Items()
	if p.sort {
		sort.SliceStable(items, func(i, j int) bool {
			lt, err := starlark.Compare(syntax.LT, items[i][0], items[j][0])
			if err != nil { // mixed types: Python orders by type name, then value
				return items[i][0].Type() < items[j][0].Type()
			}
			return lt
		})
	}
	return items
}

func (p *printer) writeRepr(b *strings.Builder, v starlark.Value, depth int) {
	if depth > maxPrettyDepth {
		b.WriteString("...")
		return
	}
	switch v := v.(type) {
	case *starlark.Dict:
		b.WriteByte('{')
		for i, kv := range p.items(v) {
			if i > 0 {
				b.WriteString(", ")
			}
			p.writeRepr(b, kv[0], depth+1)
			b.WriteString(": ")
			p.writeRepr(b, kv[1], depth+1)
		}
		b.WriteByte('}')
	case *starlark.List:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			p.writeRepr(b, v.Index(i), depth+1)
		}
		b.WriteByte(']')
	case starlark.Tuple:
		b.WriteByte('(')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			p.writeRepr(b, x, depth+1)
		}
		if len(v) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	default:
		if p.leaf != nil {
			b.WriteString(p.leaf(v))
		} else {
			b.WriteString(Repr(v))
		}
	}
}

// format is PrettyPrinter._format.
func (p *printer) format(w *strings.Builder, v starlark.Value, indent, allowance, level int) {
	if level > maxPrettyDepth {
		w.WriteString("...")
		return
	}
	rep := p.repr(v)
	if rlen(rep) <= p.width-indent-allowance {
		w.WriteString(rep)
		return
	}
	switch v := v.(type) {
	case *starlark.Dict:
		w.WriteByte('{')
		if p.indent > 1 {
			w.WriteString(strings.Repeat(" ", p.indent-1))
		}
		items := p.items(v)
		ind := indent + p.indent
		for i, kv := range items {
			last := i == len(items)-1
			k := p.repr(kv[0])
			w.WriteString(k + ": ")
			allow := 1
			if last {
				allow = allowance + 1
			}
			p.format(w, kv[1], ind+rlen(k)+2, allow, level+1)
			if !last {
				w.WriteString(",\n" + strings.Repeat(" ", ind))
			}
		}
		w.WriteByte('}')
		return
	case *starlark.List:
		elems := make([]starlark.Value, v.Len())
		for i := range elems {
			elems[i] = v.Index(i)
		}
		w.WriteByte('[')
		p.formatItems(w, elems, indent, allowance+1, level)
		w.WriteByte(']')
		return
	case starlark.Tuple:
		end := ")"
		if len(v) == 1 {
			end = ",)"
		}
		w.WriteByte('(')
		p.formatItems(w, v, indent, allowance+len(end), level)
		w.WriteString(end)
		return
	}
	w.WriteString(rep)
}

// formatItems is PrettyPrinter._format_items.
func (p *printer) formatItems(w *strings.Builder, items []starlark.Value, indent, allowance, level int) {
	indent += p.indent
	if p.indent > 1 {
		w.WriteString(strings.Repeat(" ", p.indent-1))
	}
	delimnl := ",\n" + strings.Repeat(" ", indent)
	delim := ""
	maxWidth := p.width - indent + 1
	width := maxWidth
	for i, ent := range items {
		last := i == len(items)-1
		if last {
			maxWidth -= allowance
			width -= allowance
		}
		if p.compact {
			rep := p.repr(ent)
			n := rlen(rep) + 2
			if width < n {
				width = maxWidth
				if delim != "" {
					delim = delimnl
				}
			}
			if width >= n {
				width -= n
				w.WriteString(delim)
				delim = ", "
				w.WriteString(rep)
				continue
			}
		}
		w.WriteString(delim)
		delim = delimnl
		allow := 1
		if last {
			allow = allowance
		}
		p.format(w, ent, indent, allow, level+1)
	}
}
