package vertscript

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/jsonv"
)

// Isolated runs: each script in a child process, the program's own
// executable started again, which calls Child at the start of main. The
// parent sends the run's request on one pipe and reads its result on
// another; the script's output streams through the child's stdout and
// stderr. The parent, which the script cannot reach, enforces the hard
// bounds: it kills the child when its resident memory passes
// Limits.MaxMemory plus ChildBaseline, when the run outlives its timeout,
// and when ctx is done.

// childEnv marks a child process and names the descriptors of its pipes.
const childEnv = "VERTSCRIPT_ISOLATED_CHILD"

// ChildBaseline is the resident memory a child has before its script
// runs (the Go runtime, libvirt's library and its threads): the parent
// kills a child whose resident memory passes Limits.MaxMemory plus this.
const ChildBaseline = 64 << 20

// childGrace is how long a child may take to end on its own after its
// timeout or a cancellation before it is killed.
const childGrace = 2 * time.Second

// Child runs the isolated run the parent asked for and exits, when the
// process is such a child; otherwise it returns false at once. A program
// that sets Options.Isolated calls it first thing in main (and a test
// binary in TestMain), before it does anything else:
//
//	func main() {
//		vertscript.Child()
//		...
//	}
func Child() bool {
	if os.Getenv(childEnv) != "1" {
		return false
	}
	os.Exit(runChild(os.NewFile(3, "request"), os.NewFile(4, "result")))
	return true
}

// request is what the parent sends a child.
type request struct {
	Options childOptions
	Name    string
	Src     []byte
	Args    []string
}

// childOptions are the Options that cross to the child: the rest (Conn,
// Modules, Audit, Clock, writers) are refused with Isolated.
type childOptions struct {
	URI         string
	AllowURI    []string
	ReadWrite   bool
	Allow, Deny []string
	AllowRead   []string
	BaseDir     string
	DryRun      bool
	Limits      Limits
	Backend     string
}

// result is what a child sends back: the error's kind and fields, or
// none, and the plan.
type result struct {
	Kind    string // "", "exit", "script", "other"
	Msg     string
	Pos     Position
	Cause   string        // "policy", "limit", "libvirt", "canceled", "deadline", ""
	Policy  *PolicyError  `json:",omitempty"`
	Limit   *LimitError   `json:",omitempty"`
	Libvirt *LibvirtError `json:",omitempty"`
	Code    int
	Plan    []planEntry
}

// planEntry is a PlanEntry in JSON: its arguments as Value's JSON.
type planEntry struct {
	Receiver, Op string
	Args         []json.RawMessage
}

// runChild runs the request read from req and writes the result to res;
// it returns the process's exit status.
func runChild(req, res *os.File) int {
	var rq request
	if err := json.NewDecoder(req).Decode(&rq); err != nil {
		fmt.Fprintf(os.Stderr, "vertscript child: reading the request: %v\n", err)
		return 2
	}
	req.Close()
	o := rq.Options
	in, err := New(Options{
		URI: o.URI, AllowURI: o.AllowURI, ReadWrite: o.ReadWrite, Allow: o.Allow, Deny: o.Deny,
		AllowRead: o.AllowRead, BaseDir: o.BaseDir, DryRun: o.DryRun, Limits: o.Limits,
		Backend: o.Backend, Stdout: os.Stdout, Stderr: os.Stderr,
	})
	var r result
	var out *Result
	if err == nil {
		// SIGTERM is the parent's cancellation: the run stops at its
		// next step, and its error says where.
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		out, err = in.Run(ctx, rq.Name, rq.Src, rq.Args...)
		stop()
	}
	r.fill(err)
	if out != nil {
		for _, e := range out.Plan {
			pe := planEntry{Receiver: e.Receiver, Op: e.Op}
			for _, a := range e.Args {
				b, err := json.Marshal(a)
				if err != nil {
					b, _ = json.Marshal(host.Repr(a))
				}
				pe.Args = append(pe.Args, b)
			}
			r.Plan = append(r.Plan, pe)
		}
	}
	if err := json.NewEncoder(res).Encode(&r); err != nil {
		return 2
	}
	res.Close()
	return 0
}

// fill records err in r.
func (r *result) fill(err error) {
	if err == nil {
		return
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		r.Kind, r.Code = "exit", ee.Code
		return
	}
	r.Kind, r.Msg = "other", err.Error()
	var se *Error
	if errors.As(err, &se) {
		r.Kind, r.Msg, r.Pos = "script", se.Msg, se.Pos
	}
	switch {
	case errors.As(err, &r.Policy):
		r.Cause = "policy"
	case errors.As(err, &r.Limit):
		r.Cause = "limit"
	case errors.As(err, &r.Libvirt):
		r.Cause = "libvirt"
	}
}

// err rebuilds the error the child's run returned.
func (r *result) err() error {
	var cause error
	switch {
	case r.Kind == "":
		return nil
	case r.Kind == "exit":
		return &ExitError{Code: r.Code}
	case r.Policy != nil:
		cause = r.Policy
	case r.Limit != nil:
		cause = r.Limit
	case r.Libvirt != nil:
		cause = r.Libvirt
	default:
		cause = errors.New(r.Msg)
	}
	if r.Kind == "other" {
		return cause
	}
	return &Error{Msg: r.Msg, Pos: r.Pos, Err: cause}
}

// plan rebuilds the child's plan.
func (r *result) plan() []PlanEntry {
	var plan []PlanEntry
	for _, e := range r.Plan {
		pe := PlanEntry{Receiver: e.Receiver, Op: e.Op}
		for _, a := range e.Args {
			v, err := jsonv.Decode(string(a))
			if err != nil {
				v = string(a)
			}
			pe.Args = append(pe.Args, v)
		}
		plan = append(plan, pe)
	}
	return plan
}

// runIsolated runs the script in a child process.
func (in *Interpreter) runIsolated(ctx context.Context, name string, src []byte, args []string) (*Result, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("vertscript: isolated run: %w", err)
	}
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("vertscript: isolated run: %w", err)
	}
	defer reqR.Close()
	defer reqW.Close()
	resR, resW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("vertscript: isolated run: %w", err)
	}
	defer resR.Close()
	defer resW.Close()

	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stdout, cmd.Stderr = in.opts.Stdout, in.opts.Stderr
	cmd.ExtraFiles = []*os.File{reqR, resW}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("vertscript: isolated run: starting the child: %w", err)
	}
	reqR.Close()
	resW.Close()

	// The result is read while the child runs, so that a large plan
	// cannot block it on a full pipe.
	got := make(chan []byte, 1)
	go func() {
		// No larger than the child's memory could hold: a child
		// cannot make the parent read without end.
		b, _ := io.ReadAll(io.LimitReader(resR, int64(in.limits.MaxMemory+ChildBaseline)))
		got <- b
	}()
	o := in.opts
	rq := request{Name: name, Src: src, Args: args, Options: childOptions{
		URI: o.URI, AllowURI: o.AllowURI, ReadWrite: o.ReadWrite, Allow: o.Allow, Deny: o.Deny,
		AllowRead: o.AllowRead, BaseDir: o.BaseDir, DryRun: o.DryRun, Limits: in.limits,
		Backend: in.backend,
	}}
	go func() {
		_ = json.NewEncoder(reqW).Encode(&rq)
		reqW.Close()
	}()

	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	killed := in.watchChild(ctx, cmd.Process, waited)
	b := <-got
	if killed != nil {
		return &Result{}, &Error{Msg: name + ": " + killed.Error(), Pos: Position{File: name}, Err: killed}
	}
	var r result
	if err := json.Unmarshal(b, &r); err != nil {
		return &Result{}, fmt.Errorf("vertscript: isolated run: the child ended without a result (%v)", cmd.ProcessState)
	}
	return &Result{Plan: r.plan()}, r.err()
}

// watchChild waits for the child p to end, on waited, and kills it when it
// passes its hard bounds: the memory limit plus ChildBaseline, the timeout
// plus a grace, ctx's end plus a grace. It returns why it killed the child,
// or nil when the child ended on its own.
func (in *Interpreter) watchChild(ctx context.Context, p *os.Process, waited <-chan error) error {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var deadline <-chan time.Time
	if t := in.limits.Timeout; t > 0 {
		timer := time.NewTimer(t + childGrace)
		defer timer.Stop()
		deadline = timer.C
	}
	done := ctx.Done()
	var grace <-chan time.Time
	var why error
	kill := func(err error) {
		if why == nil {
			why = err
		}
		_ = p.Kill()
	}
	bound := in.limits.MaxMemory + ChildBaseline
	for {
		select {
		case <-waited:
			return why
		case <-tick.C:
			if rss := host.ResidentBytes(p.Pid); in.limits.MaxMemory > 0 && rss > bound {
				kill(&LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: the isolated run's process used %d MiB, more than its %d MiB and the %d MiB a process starts with; it was killed", rss>>20, in.limits.MaxMemory>>20, ChildBaseline>>20)})
			}
		case <-deadline:
			kill(&LimitError{Limit: "timeout", Msg: fmt.Sprintf("timeout: the script ran longer than %s; its process was killed", in.limits.Timeout)})
		case <-done:
			done = nil
			_ = p.Signal(syscall.SIGTERM)
			t := time.NewTimer(childGrace)
			defer t.Stop()
			grace = t.C
			why = context.Cause(ctx)
		case <-grace:
			kill(context.Cause(ctx))
		}
	}
}
