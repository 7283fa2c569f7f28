package host

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// UnknownNameError is a name `vertscript doc NAME` does not know, with the
// known names closest to it.
type UnknownNameError struct {
	Name        string
	Suggestions []string
}

func (e *UnknownNameError) Error() string {
	msg := fmt.Sprintf("doc: no class, method, function or constant named %q", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return msg
}

// WriteDocFor writes the reference of name: a class (virDomain: all its
// methods), the module (libvirt), a method or module function
// (virDomain.suspend, libvirt.open), a bare method name (suspend: every
// class that has it), a constant (VIR_DOMAIN_RUNNING, or
// libvirt.VIR_DOMAIN_RUNNING) or a constant prefix (VIR_DOMAIN_: every
// constant that begins so). An unknown name is an *UnknownNameError.
func WriteDocFor(w io.Writer, name string) error {
	b := bufio.NewWriter(w)
	found := writeDocFor(b, name)
	if !found {
		return &UnknownNameError{Name: name, Suggestions: suggest(name)}
	}
	return b.Flush()
}

func writeDocFor(b *bufio.Writer, name string) bool {
	if table[name] != nil {
		fmt.Fprintf(b, "%s\n", name)
		for _, op := range Methods(name) {
			writeOp(b, op)
		}
		if name == ClassModule {
			fmt.Fprintf(b, "  VIR_* -> int or str\n      The %d constants of libvirt-python, e.g. libvirt.VIR_DOMAIN_RUNNING (vertscript doc VIR_ lists them).\n", len(Constants))
			writeModuleValues(b)
		}
		return true
	}
	if class, method, ok := strings.Cut(name, "."); ok {
		if class == ClassModule && strings.HasPrefix(method, "VIR_") {
			return writeConstants(b, method)
		}
		for _, v := range ModuleValues {
			if class == ClassModule && method == v.Name {
				fmt.Fprintf(b, "%s\n  %s -> %s\n      %s\n", class, v.Name, v.Type, v.Doc)
				return true
			}
		}
		op := Lookup(class, method)
		if op == nil {
			return false
		}
		fmt.Fprintf(b, "%s\n", class)
		writeOp(b, op)
		return true
	}
	if strings.HasPrefix(name, "VIR_") {
		return writeConstants(b, name)
	}
	ops := opsByName()[name]
	for _, op := range ops {
		fmt.Fprintf(b, "%s\n", op.Class)
		writeOp(b, op)
	}
	return len(ops) > 0
}

// writeOp writes one entry of the reference, as WriteDoc does.
func writeOp(b *bufio.Writer, op *Op) {
	fmt.Fprintf(b, "  %s -> %s [%s]\n      %s (%s)\n", op.Signature(), op.Result, op.Effect, op.Doc, op.CName)
}

// writeConstants writes the constant named name, or else every constant
// that begins with name; it reports whether there was one.
func writeConstants(b *bufio.Writer, name string) bool {
	var matched []Constant
	for _, c := range Constants {
		if c.Name == name {
			matched = []Constant{c}
			break
		}
		if strings.HasPrefix(c.Name, name) {
			matched = append(matched, c)
		}
	}
	for _, c := range matched {
		fmt.Fprintf(b, "libvirt.%s = %s\n", c.Name, Repr(c.Value))
	}
	return len(matched) > 0
}

// maxSuggestions is how many close names an unknown name's error offers.
const maxSuggestions = 5

// suggest returns the known names closest to name: by edit distance,
// ignoring case, within a third of the name's length (at least 2).
func suggest(name string) []string {
	var known []string
	for _, class := range Classes() {
		known = append(known, class)
		for _, op := range Methods(class) {
			known = append(known, op.QualName(), op.Name)
		}
	}
	for _, c := range Constants {
		known = append(known, c.Name)
	}
	type scored struct {
		name string
		d    int
	}
	limit := max(2, len(name)/3)
	lower := strings.ToLower(name)
	seen := map[string]bool{}
	var close []scored
	for _, k := range known {
		if seen[k] {
			continue
		}
		seen[k] = true
		if d := editDistance(lower, strings.ToLower(k), limit); d <= limit {
			close = append(close, scored{k, d})
		}
	}
	sort.Slice(close, func(i, j int) bool {
		if close[i].d != close[j].d {
			return close[i].d < close[j].d
		}
		return close[i].name < close[j].name
	})
	var out []string
	for i := 0; i < len(close) && i < maxSuggestions; i++ {
		out = append(out, close[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, or limit+1
// when it is more than limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// WriteMarkdown writes the API reference as Markdown (docs/api.md): the
// module's functions and each class's methods with their signature,
// result, effect, description and libvirt function, then what each
// language has besides, then every constant with its value.
func WriteMarkdown(w io.Writer, langs []Language) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, "# vertscript API reference")
	fmt.Fprintln(b)
	fmt.Fprintln(b, "<!-- Generated by `go run ./cmd/vertscript doc --markdown > docs/api.md`; do not edit. -->")
	fmt.Fprintln(b)
	fmt.Fprintln(b, "The libvirt module and its classes, with libvirt-python's names. Each entry gives the")
	fmt.Fprintln(b, "signature, the result, the effect (read, mutate, destroy, file or privileged: what `--allow`,")
	fmt.Fprintln(b, "`--deny` and `--read-only` match), what it does and the libvirt function it calls.")
	fmt.Fprintln(b)
	fmt.Fprintln(b, "## Contents")
	fmt.Fprintln(b)
	for _, class := range Classes() {
		fmt.Fprintf(b, "- [%s](#%s) (%d)\n", class, strings.ToLower(class), len(Methods(class)))
	}
	fmt.Fprintln(b, "- [Language builtins](#language-builtins)")
	fmt.Fprintf(b, "- [Constants](#constants) (%d)\n", len(Constants))
	for _, class := range Classes() {
		fmt.Fprintf(b, "\n## %s\n\n", class)
		for _, op := range Methods(class) {
			ext := ""
			if op.Extension {
				ext = " (vertscript's own)"
			}
			fmt.Fprintf(b, "- `%s.%s` → %s — **%s**%s  \n  %s (`%s`)\n", class, op.Signature(), mdEscape(op.Result), op.Effect, ext, mdEscape(op.Doc), op.CName)
		}
		if class == ClassModule {
			for _, v := range ModuleValues {
				fmt.Fprintf(b, "- `%s.%s` → %s (vertscript's own)  \n  %s\n", class, v.Name, v.Type, mdEscape(v.Doc))
			}
		}
	}
	fmt.Fprintf(b, "\n## Language builtins\n")
	for _, l := range langs {
		fmt.Fprintf(b, "\n### %s (%s)\n\n", l.Name(), strings.Join(l.Extensions(), ", "))
		for _, line := range strings.Split(l.Builtins(), "\n") {
			if strings.HasPrefix(line, " ") {
				fmt.Fprintf(b, "  %s\n", mdEscape(strings.TrimSpace(line)))
			} else {
				fmt.Fprintf(b, "- `%s`  \n", strings.ReplaceAll(line, "`", "'"))
			}
		}
	}
	fmt.Fprintf(b, "\n## Constants\n\nThe %d `VIR_*` constants of libvirt-python, attributes of the module (`libvirt.VIR_DOMAIN_RUNNING`).\n\n", len(Constants))
	fmt.Fprintln(b, "| Name | Value |")
	fmt.Fprintln(b, "| --- | --- |")
	for _, c := range Constants {
		fmt.Fprintf(b, "| `%s` | `%s` |\n", c.Name, strings.ReplaceAll(Repr(c.Value), "|", `\|`))
	}
	return b.Flush()
}

// mdEscape escapes the characters of text that Markdown would read as
// markup.
var mdEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "|", `\|`).Replace
