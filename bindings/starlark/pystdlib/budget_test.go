package pystdlib_test

import (
	"fmt"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host"
)

// smallBudget refuses work past maxSteps steps and values past maxMem
// bytes, as a run's limits do.
type smallBudget struct{ maxSteps, maxMem uint64 }

func (b smallBudget) set(thread *starlark.Thread) { budget.Set(thread, b) }

func (b smallBudget) Steps(thread *starlark.Thread, n uint64) error {
	if thread.ExecutionSteps()+n > b.maxSteps {
		return &host.LimitError{Limit: "max-steps", Msg: fmt.Sprintf("max-steps: the script ran more than %d steps", b.maxSteps)}
	}
	thread.Steps += n
	return nil
}

func (b smallBudget) Alloc(n uint64, what, made string) error {
	if n > b.maxMem {
		return &host.LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would make %s of %d bytes", what, made, n)}
	}
	return nil
}

func (b smallBudget) Limits() host.Limits {
	return host.Limits{MaxSteps: b.maxSteps, MaxMemory: b.maxMem}
}

// TestBudget checks that work proportional to a large input is refused
// under a small budget before it is done, and allowed under a large one.
func TestBudget(t *testing.T) {
	big := `s = "x" * 200000` + "\n"
	for _, c := range []struct {
		name, src, want string
	}{
		{"re.search", big + `re.search("y", s)`, "max-steps"},
		{"re.findall", big + `re.findall("x", s)`, "max-steps"},
		{"re.sub", big + `re.sub("x", "yy", s)`, "max-steps"},
		{"re.split", big + `re.split("x", s)`, "max-steps"},
		{"re.compile", `re.compile("a" * 100000)`, "max-steps"},
		{"json.loads", big + `json.loads("[" + ",".join(["1"] * 100000) + "]")`, "max-"},
		{"json.dumps", `json.dumps(["x" * 1000] * 1000)`, "max-"},
		{"textwrap.fill", big + `textwrap.fill(s)`, "max-steps"},
		{"shlex.split", big + `shlex.split(s)`, "max-steps"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := runStarlark(t, diffCase{src: c.src}, smallBudget{maxSteps: 50000, maxMem: 1 << 20})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error of %s", err, c.want)
			}
			if _, _, err := runStarlark(t, diffCase{src: c.src}, smallBudget{maxSteps: 1 << 40, maxMem: 1 << 40}); err != nil {
				t.Errorf("under a large budget: %v", err)
			}
		})
	}
}

// TestBudgetSharedValues checks the texts of a small value that holds one
// list at each of 40 levels twice, which prints 2**40 times: refused
// before the text passes the memory limit, not built until the process
// runs out.
func TestBudgetSharedValues(t *testing.T) {
	for _, call := range []string{"pprint.pformat(l)", "json.dumps(l)"} {
		src := "l = [1]\nfor i in range(40):\n    l = [l, l]\n" + call
		_, _, err := runStarlark(t, diffCase{src: src}, smallBudget{maxSteps: 1 << 30, maxMem: 64 << 20})
		if err == nil || !strings.Contains(err.Error(), "max-") {
			t.Errorf("%s: got %v, want a limit", call, err)
		}
	}
}
