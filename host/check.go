package host

import (
	"fmt"
	"sort"
)

// A Finding is what a static check reports of a script (see Reachable):
// an operation that is not a read which the script may call, or a dynamic
// access from which any operation may be reachable.
type Finding struct {
	Pos Position
	// Op is the operation, nil for a dynamic access.
	Op *Op
	// Candidates is how many operations of the table have Op's name,
	// whatever their effect: a name several classes share (create,
	// destroy, undefine) is reported once for each class whose
	// operation is not a read, since the check does not know the
	// receiver's class.
	Candidates int
	// Dynamic marks a dynamic access; Via is the construct (getattr,
	// x[k], loadstring, require).
	Dynamic bool
	Via     string
}

// Effects describes what the operation of f does, for the check's
// report: its effect, and "file when PARAM is given" for a parameter
// naming a local program (see Param.Path).
func (f Finding) Effects() string {
	if f.Op == nil {
		return ""
	}
	s := f.Op.Effect.String()
	for _, p := range f.Op.Params {
		if p.Path && f.Op.Effect != File {
			s += "; file when " + p.Name + " is given"
		}
	}
	return s
}

// String formats f for a person reviewing a script before a run:
// "may call virDomain.suspend (mutate) at ex6.star:12:9".
func (f Finding) String() string {
	if f.Dynamic {
		return fmt.Sprintf("dynamic attribute access (%s) at %s: any operation may be reachable", f.Via, f.Pos)
	}
	s := fmt.Sprintf("may call %s (%s) at %s", f.Op.QualName(), f.Effects(), f.Pos)
	if f.Candidates > 1 {
		s += fmt.Sprintf(" (one of %d operations named %s)", f.Candidates, f.Op.Name)
	}
	return s
}

// Reachable maps the names a script uses (a Checker's refs) to the
// operations of the table that are not reads and that those names may
// call, and keeps the dynamic accesses: the mutating, destroying, file
// and privileged operations a script can reach, for review before a run.
// A name is looked up in every class (the module's functions included),
// as the check does not know the receiver's class. The findings are in
// source order, the candidates of one name by class.
func Reachable(refs []Ref) []Finding {
	byName := opsByName()
	var out []Finding
	for _, r := range refs {
		if r.Dynamic {
			out = append(out, Finding{Pos: r.Pos, Dynamic: true, Via: r.Name})
			continue
		}
		ops := byName[r.Name]
		for _, op := range ops {
			if op.Effect != Read {
				out = append(out, Finding{Pos: r.Pos, Op: op, Candidates: len(ops)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// opsByName indexes the table by operation name, each name's operations
// sorted by class.
func opsByName() map[string][]*Op {
	m := map[string][]*Op{}
	for _, class := range Classes() {
		for _, op := range Methods(class) {
			m[op.Name] = append(m[op.Name], op)
		}
	}
	for _, ops := range m {
		sort.Slice(ops, func(i, j int) bool { return ops[i].Class < ops[j].Class })
	}
	return m
}
