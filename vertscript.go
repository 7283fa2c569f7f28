package vertscript

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// Options configure an Interpreter. The zero Options are the safe ones:
// read-only, no URI, no file, no output, DefaultLimits. Each field widens
// one thing.
type Options struct {
	// URI is the connection URI that libvirt.open() and open("") use,
	// and the one URI scripts may open without an AllowURI pattern. Empty:
	// scripts must name a URI that AllowURI admits. $LIBVIRT_DEFAULT_URI
	// is never consulted unless an AllowURI pattern admits its value.
	URI string
	// AllowURI lists patterns of further URIs scripts may open (see
	// host.Policy.AllowURI for the syntax: '*' stands for a run of bytes
	// without / ? & =).
	AllowURI []string
	// Conn, when set, is a connection the program opened, handed to
	// scripts as the global conn. The interpreter takes a reference of its
	// own for each run and gives it back when the run ends: Conn stays
	// the program's, open.
	Conn *LibvirtConn
	// Backend names the backend that reaches libvirt: "cgo", libvirt's
	// own client library (every URI libvirt takes; builds with cgo only),
	// or "remote", libvirtd's protocol in Go (remote URIs, calls that the
	// call timeout really cancels). Empty: "cgo" when the build has it.
	Backend string
	// ReadWrite lets scripts make calls that change state (suspend,
	// define, destroy, ...), within Allow and Deny. False: every
	// connection opens read-only and every call that is not a read is
	// refused before libvirt sees it.
	ReadWrite bool
	// Allow and Deny are policy rules: an operation (virDomain.destroy,
	// or a Module function, ticket.open), a class (virDomain.*), or an
	// effect (read, mutate, destroy, file, privileged). When Allow is not
	// empty, only what it matches runs; Deny wins over Allow.
	Allow, Deny []string
	// AllowRead lists the directories whose files scripts may read
	// (read_file, open, require, load, and test:///PATH URIs). Relative
	// entries are taken in BaseDir. Empty: none.
	AllowRead []string
	// BaseDir is the directory a script's relative paths name, and
	// RunFile's. Empty: the process's working directory. A relative path
	// that libvirt itself would take (test:REL) is refused under a
	// BaseDir, since libvirt would take it in the process's directory.
	BaseDir string
	// DryRun makes reads for real and records the other calls instead
	// of making them: Result.Plan lists them.
	DryRun bool
	// Audit, when set, receives one record per call (secrets redacted).
	Audit *slog.Logger
	// Stdout and Stderr receive what scripts print; nil discards it.
	Stdout, Stderr io.Writer
	// Limits bound each run; a zero field takes DefaultLimits' value.
	Limits Limits
	// Clock is the time scripts see; nil is the system's.
	Clock Clock
	// Modules are Go functions given to scripts (see Func).
	Modules []Module
	// Isolated runs each script in a child process: the program's own
	// executable, started again, which must call Child first thing in
	// main. The child has the run's limits, and the parent, out of the
	// script's reach, enforces hard bounds: it kills the child when its
	// resident memory passes Limits.MaxMemory plus ChildBaseline, when it
	// outlives Limits.Timeout, or when the run's context is done (after
	// SIGTERM and a grace). A run that exhausts its memory cannot stop
	// the program's other runs. Conn, Modules, Audit and Clock, which
	// cannot cross to another process, are refused with Isolated.
	Isolated bool
}

// Interpreter runs scripts under its Options. It is safe for concurrent
// use: each run has a session of its own, and runs share nothing but the
// process (see Limits for what that means for memory).
type Interpreter struct {
	opts    Options
	backend string // the backend's name, Options.Backend or the default
	policy  host.Policy
	limits  Limits
}

// New validates opts and returns an interpreter for them. Every mistake
// that would otherwise surface at a script's first call is reported here:
// a malformed rule or URI pattern, a URI that cannot be read exactly as
// libvirt reads it, a directory that does not exist, a module that scripts
// could not use.
func New(opts Options) (*Interpreter, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.BaseDir != "" {
		if !filepath.IsAbs(opts.BaseDir) {
			return nil, fmt.Errorf("vertscript: BaseDir %q is not absolute", opts.BaseDir)
		}
		if err := isDir(opts.BaseDir); err != nil {
			return nil, fmt.Errorf("vertscript: BaseDir: %w", err)
		}
	}
	p := host.Policy{
		ReadOnly:  !opts.ReadWrite,
		Allow:     opts.Allow,
		Deny:      opts.Deny,
		AllowURI:  append([]string{}, opts.AllowURI...),
		AllowRead: []string{},
		BaseDir:   opts.BaseDir,
	}
	for _, d := range opts.AllowRead {
		if !filepath.IsAbs(d) && opts.BaseDir != "" {
			d = filepath.Join(opts.BaseDir, d)
		}
		if err := isDir(d); err != nil {
			return nil, fmt.Errorf("vertscript: AllowRead: %w", err)
		}
		p.AllowRead = append(p.AllowRead, d)
	}
	if opts.URI != "" {
		u, err := host.ParseURI(opts.URI)
		if err != nil {
			return nil, fmt.Errorf("vertscript: URI %q: %w", opts.URI, err)
		}
		canon := u.String()
		if strings.Contains(canon, "*") {
			return nil, fmt.Errorf("vertscript: URI %q: a '*' would be read as a pattern; list it in AllowURI instead", opts.URI)
		}
		p.AllowURI = append(p.AllowURI, canon)
	}
	lim := withDefaults(opts.Limits)
	if lim.MaxDepth < 0 {
		return nil, fmt.Errorf("vertscript: Limits.MaxDepth %d is negative", lim.MaxDepth)
	}
	if lim.Timeout < 0 || lim.CallTimeout < 0 {
		return nil, errors.New("vertscript: Limits: a negative duration")
	}
	if opts.Isolated {
		switch {
		case opts.Conn != nil:
			return nil, errors.New("vertscript: Isolated: a connection (Conn) cannot cross to the child process")
		case len(opts.Modules) > 0:
			return nil, errors.New("vertscript: Isolated: Go functions (Modules) cannot run in the child process")
		case opts.Audit != nil:
			return nil, errors.New("vertscript: Isolated: the audit logger (Audit) cannot cross to the child process")
		case opts.Clock != nil:
			return nil, errors.New("vertscript: Isolated: a Clock cannot cross to the child process")
		}
	}
	hopts := host.Options{Policy: p, Modules: opts.Modules}
	if err := hopts.Validate(); err != nil {
		return nil, fmt.Errorf("vertscript: %w", err)
	}
	backend := opts.Backend
	if backend == "" {
		backend = driver.DefaultBackend()
	}
	if _, err := driver.Open(backend); err != nil {
		return nil, fmt.Errorf("vertscript: Backend: %w", err)
	}
	if opts.Conn != nil && backend != "cgo" {
		return nil, fmt.Errorf("vertscript: Conn is a libvirt.Connect, which only the cgo backend takes, not %q", backend)
	}
	return &Interpreter{opts: opts, backend: backend, policy: p, limits: lim}, nil
}

// isDir reports why path is not a directory one can open, or nil.
func isDir(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory", path)
	}
	return nil
}

// Result is what a run that ended normally leaves besides its output.
type Result struct {
	// Plan lists the calls a dry run recorded instead of making them.
	Plan []PlanEntry
}

// languages are the script languages, by file extension.
var languages = []host.Language{starlark.New(), starlark.Python(), lua.New()}

// languageOf returns the language that runs files named name.
func languageOf(name string) (host.Language, error) {
	if l := host.LanguageFor(languages, name); l != nil {
		return l, nil
	}
	return nil, fmt.Errorf("vertscript: %s: unknown script language (want .star or .lua)", name)
}

// Run runs src, a script named name (whose extension, .star or .lua,
// picks the language; errors cite the name), with args as its arguments
// (argv[1:] in Starlark, arg[1..] in Lua), until it ends, a limit stops it
// or ctx is done. Every handle the script obtained is freed and every
// connection it opened closed before Run returns.
//
// A script that fails returns an *Error: its message, its position as
// fields, and its cause for errors.As (*PolicyError, *LimitError,
// *LibvirtError, or ctx's cause); one that ends with sys.exit(n), n ≠ 0,
// returns an *ExitError.
func (in *Interpreter) Run(ctx context.Context, name string, src []byte, args ...string) (*Result, error) {
	lang, err := languageOf(name)
	if err != nil {
		return nil, err
	}
	if in.opts.Isolated {
		return in.runIsolated(ctx, name, src, args)
	}
	hopts := host.Options{
		URI:     in.opts.URI,
		Policy:  in.policy,
		DryRun:  in.opts.DryRun,
		Audit:   in.opts.Audit,
		Limits:  in.limits,
		Clock:   in.opts.Clock,
		Modules: in.opts.Modules,
	}
	if in.opts.Conn != nil {
		c, err := borrow(in.opts.Conn)
		if err != nil {
			return nil, fmt.Errorf("vertscript: Conn: %w", err)
		}
		hopts.Conn = c
	}
	backend, err := driver.Open(in.backend)
	if err != nil {
		return nil, fmt.Errorf("vertscript: %w", err)
	}
	s := host.NewSession(backend, hopts)
	script := host.Script{
		Path:   name,
		Src:    src,
		Args:   append([]string{name}, args...),
		Stdout: in.opts.Stdout,
		Stderr: in.opts.Stderr,
	}
	runErr := s.Run(ctx, lang, script)
	closeErr := s.Close()
	res := &Result{Plan: s.Plan()}
	if runErr != nil {
		return res, runErr
	}
	if closeErr != nil {
		return res, fmt.Errorf("vertscript: closing the run's connections: %w", closeErr)
	}
	return res, nil
}

// RunFile reads the script at path (in BaseDir when relative) and runs it
// as Run does, under its file name.
func (in *Interpreter) RunFile(ctx context.Context, path string, args ...string) (*Result, error) {
	full := path
	if in.opts.BaseDir != "" && !filepath.IsAbs(path) {
		full = filepath.Join(in.opts.BaseDir, path)
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, fmt.Errorf("vertscript: %w", err)
	}
	defer f.Close()
	// No more than a source may be (Limits.CheckSource): a file that
	// does not end (a FIFO, /dev/zero) is refused, not read to the end.
	src, err := io.ReadAll(io.LimitReader(f, int64(in.limits.MaxMemory/host.SourceFactor)+1))
	if err != nil {
		return nil, fmt.Errorf("vertscript: %w", err)
	}
	if le := in.limits.CheckSource(len(src), path); le != nil {
		return nil, &Error{Msg: path + ": " + le.Msg, Pos: Position{File: path}, Err: le}
	}
	return in.Run(ctx, path, src, args...)
}
