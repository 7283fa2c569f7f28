// Command vertscript runs libvirt scripts written in Starlark (.star) or Lua
// (.lua), sandboxed, with libvirt-python's names:
//
//	vertscript [flags] SCRIPT.star|SCRIPT.lua|SCRIPT.py [ARG...]
//	vertscript --hosts URI,URI... | --inventory FILE [flags] SCRIPT [ARG...]
//	vertscript check [--json] SCRIPT...
//	vertscript doc [NAME | --coverage [--backend NAME] | --markdown]
//
// Exit status: 0 on success, 1 when the script fails, 2 on a usage error,
// 130 when interrupted (SIGINT, SIGTERM or SIGHUP); a Starlark script's
// exit(code) or sys.exit(code) sets its own.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// version is vertscript's version.
const version = "0.1.0"

// Exit codes.
const (
	exitOK        = 0
	exitFailed    = 1
	exitUsage     = 2
	exitInterrupt = 130
)

// languages are the script languages, chosen by file extension.
var languages = []host.Language{starlark.New(), starlark.Python(), lua.New()}

// errInterrupted is the cause given to a script cancelled by a signal.
var errInterrupted = errors.New("interrupted")

// graceAfterSignal is how long a cancelled script may take to stop (a cgo
// call into libvirt cannot be interrupted) before vertscript exits anyway.
const graceAfterSignal = 5 * time.Second

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	// SIGHUP too: a closed ssh session must not leave libvirt objects,
	// the plan and the audit record of an abandoned call unwritten.
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for sig := range sigs {
			if sig == os.Interrupt && replActive.Load() {
				// The REPL stops the statement in progress, not
				// the process.
				select {
				case replInterrupt <- struct{}{}:
				default:
				}
				continue
			}
			break
		}
		cancel(errInterrupted)
		select {
		case <-sigs:
		case <-time.After(graceAfterSignal):
			fmt.Fprintln(os.Stderr, "vertscript: interrupted; a libvirt call did not return in time")
		}
		os.Exit(exitInterrupt)
	}()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: vertscript [flags] SCRIPT [ARG...]
       vertscript --hosts URI,... | --inventory FILE [flags] SCRIPT [ARG...]
       vertscript [flags] -e CODE [ARG...]
       vertscript [flags] - [ARG...]            (the script from stdin)
       vertscript [flags] repl [flags]
       vertscript check [--json] SCRIPT...
       vertscript doc [NAME | --coverage [--backend NAME] | --markdown]

Runs a libvirt script: SCRIPT.star (Starlark), SCRIPT.lua (Lua 5.1) or SCRIPT.py
(a libvirt-python script, run as it is).
Flags come before the script; the arguments after it are the script's argv.
A vertscript flag after the script is a usage error (so that
'SCRIPT --dry-run' does not run for real); to pass such an argument to the
script, put it after --: vertscript SCRIPT -- --dry-run.

Flags:
  -c, --connect URI   the URI that libvirt.open() and open("") use
                      (default: $LIBVIRT_DEFAULT_URI, then libvirt's default)
  --read-only         open every connection read-only and refuse every
                      operation that is not a read
  --allow RULE        allow only what the --allow rules match (repeatable);
                      RULE is an operation (virDomain.suspend), a class
                      (virDomain.*) or an effect (read, mutate, destroy,
                      file, privileged); the file effect (virDomain.save,
                      ...: local paths) runs only when an --allow rule
                      names it; privileged reads (the guest agent, memory
                      and disk peeks, emulator probes) are not read
  --deny RULE         refuse what RULE matches (repeatable; wins over --allow)
  --allow-uri PATTERN connect only to URIs matching a PATTERN (repeatable); '*'
                      matches a run of bytes without / ? & =; a pattern that
                      spells out a transport (+ext) or a parameter (keyfile=)
                      allows it, which no URI may use otherwise
  --allow-read DIR    let read_file, open, require, and URIs naming local files
                      (test:///PATH), read only inside DIR (repeatable;
                      default: the script's directory and the current
                      directory, unless / or a system or home directory)
  --dry-run           make reads for real; record mutating and destroying
                      calls instead of making them, print the plan to stderr
  --plan FILE         with --dry-run, also write the plan to FILE as JSON
  --audit FILE        append one JSON line per call to FILE (synced)
  --timeout DURATION  stop the script after DURATION (default 30m; 0: none)
  --call-timeout DURATION
                      end a libvirt call after DURATION (default 2m; 0:
                      none): the remote backend cancels it, the cgo
                      backend abandons it
  --backend NAME      cgo (libvirt's client library, every URI; the
                      default when built with cgo) or remote (libvirtd's
                      protocol in Go: unix, tcp, tls and ssh URIs)
  --max-steps N       stop a Starlark script after N steps (default 1e9; 0:
                      none)
  --max-depth N       refuse calls nested deeper than N (default 1000; 0:
                      Lua's call stack still stops at 10,000 frames)
  --max-memory SIZE   stop the script when it uses more than SIZE (the values
                      it holds, the Go heap, or the resident memory the run
                      adds), e.g. 512MiB (default 512MiB; 0: none)
  --version           print vertscript's and libvirt's versions
  -h, --help          print this help

Fleet (the same script on many hosts, each in a run of its own, with the
host's URI as its default and the one allowed beyond --allow-uri):
  --hosts URI[,URI...] run on these hosts, each named after its URI's host:port
  --inventory FILE    run on the hosts FILE lists, one a line:
                        URI [name=NAME] [tags=TAG,TAG...]
                      (# begins a comment; names must be unique)
  --limit SELECTOR    run only on the hosts a comma-separated list of names
                      and tags selects
  --parallel N        run on at most N hosts at once (default 8)
  --output-dir DIR    write each host's stdout and stderr to DIR/NAME.out
                      (default: on stdout and stderr, each line prefixed
                      with [NAME])
  --json              print the summary as JSON on stdout after the output
                      (default: a table on stderr)
  --dry-run, --read-only, --timeout, --call-timeout and the other limits
  apply to each host; --audit records carry "host":NAME; --plan FILE writes
  {NAME: plan, ...}. Exit status: 0 when every host succeeded, 1 when one
  failed, 130 when interrupted (the summary is printed all the same).

  -e CODE             run CODE as the script (named -e)
  --lang star|py|lua  the language of -e, - and repl (default star)

Commands:
  repl                read statements and run them one at a time, printing
                      each expression's value; line editing, history and
                      completion (names, libvirt.*, the methods of the object
                      a variable holds) on a terminal; from a pipe, line by
                      line (exit 1 if a statement failed); --timeout bounds
                      each statement, Ctrl-C stops one, Ctrl-D ends
  check [--json] SCRIPT...
                      parse and resolve each script without connecting; print
                      each error as file:line:col, and the mutating,
                      destroying, file and privileged operations each script
                      may call (exit 0: all compile, 1: one does not)
  doc                 print the reference of every function and method
  doc NAME            print one class (virDomain), method (virDomain.suspend,
                      or suspend in every class), module function
                      (libvirt.open) or constant prefix (VIR_DOMAIN_)
  doc --coverage [--backend NAME]
                      print which of libvirt-python's methods exist, per
                      class (on a backend: which it implements)
  doc --markdown      print the reference as Markdown (docs/api.md)
  test [--update] [-run REGEXP] [-v] [--clock TIME|real] [DIR]
                      run each runbook of DIR on its test-driver node (NAME.xml
                      or node.xml beside it) once per "# test: ARGS" line, and
                      compare stdout, stderr and exit status with the records
                      in DIR/testdata (--update writes them); scripts see a
                      fixed clock, 2026-01-01T00:00:00Z unless --clock says

Exit status: 0 success, 1 script failed, 2 usage error, 130 interrupted,
or the status a Starlark script gave exit() or sys.exit().
`

// seeHelp ends a usage error's message.
const seeHelp = "run 'vertscript --help' for usage\n"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, stdout, stderr, nil)
}

// runWith is run with the clock scripts see (nil: the system's), which
// `vertscript test` fixes.
func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, clock host.Clock) int {
	return runIO(ctx, args, os.Stdin, stdout, stderr, clock)
}

// runIO is runWith reading stdin from stdin (`vertscript -`, the REPL).
func runIO(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, clock host.Clock) int {
	fs := flag.NewFlagSet("github.com/vertscript/vertscript", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var uri string
	var showVersion bool
	var policy host.Policy
	fs.StringVar(&uri, "c", "", "")
	fs.StringVar(&uri, "connect", "", "")
	fs.BoolVar(&showVersion, "version", false, "")
	fs.BoolVar(&policy.ReadOnly, "read-only", false, "")
	fs.Var((*stringList)(&policy.Allow), "allow", "")
	fs.Var((*stringList)(&policy.Deny), "deny", "")
	fs.Var((*stringList)(&policy.AllowURI), "allow-uri", "")
	fs.Var((*stringList)(&policy.AllowRead), "allow-read", "")
	limits := host.DefaultLimits
	fs.DurationVar(&limits.Timeout, "timeout", limits.Timeout, "")
	fs.DurationVar(&limits.CallTimeout, "call-timeout", limits.CallTimeout, "")
	fs.Uint64Var(&limits.MaxSteps, "max-steps", limits.MaxSteps, "")
	fs.IntVar(&limits.MaxDepth, "max-depth", limits.MaxDepth, "")
	fs.Var((*byteSize)(&limits.MaxMemory), "max-memory", "")
	var dryRun bool
	var planFile, auditFile string
	fs.BoolVar(&dryRun, "dry-run", false, "")
	fs.StringVar(&planFile, "plan", "", "")
	fs.StringVar(&auditFile, "audit", "", "")
	var evalCode, langName string
	fs.StringVar(&evalCode, "e", "", "")
	fs.StringVar(&langName, "lang", "star", "")
	backendName := driver.DefaultBackend()
	fs.StringVar(&backendName, "backend", backendName, "")
	var fl fleetFlags
	fl.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "vertscript: %v\n%s", err, seeHelp)
		return exitUsage
	}
	if err := policy.Validate(); err != nil {
		fmt.Fprintf(stderr, "vertscript: %v\n", err)
		return exitUsage
	}
	if err := checkLimits(limits); err != nil {
		fmt.Fprintf(stderr, "vertscript: %v\n%s", err, seeHelp)
		return exitUsage
	}
	// Commands that run no script, and connect to nothing.
	if rest := fs.Args(); len(rest) > 0 && !showVersion {
		switch rest[0] {
		case "check", "doc", "test":
			set := map[string]bool{}
			fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
			if err := fl.check(set, false); err != nil || fl.active() {
				fmt.Fprintf(stderr, "vertscript: the fleet's flags run a script; %s runs on none\n%s", rest[0], seeHelp)
				return exitUsage
			}
		}
		switch rest[0] {
		case "check":
			return runCheck(rest[1:], stdout, stderr)
		case "doc":
			return runDoc(rest[1:], stdout, stderr)
		case "test":
			return runTest(ctx, rest[1:], stdout, stderr)
		}
	}
	backend, err := driver.Open(backendName)
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: --backend: %v\n%s", err, seeHelp)
		return exitUsage
	}
	if showVersion {
		lib, err := backend.GetVersion()
		if e, ok := driver.AsError(err); ok && e.Code == driver.ErrNoSupport {
			fmt.Fprintf(stdout, "vertscript %s (%s backend: libvirtd's protocol, no local libvirt library)\n", version, backendName)
			return exitOK
		}
		if err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(stdout, "vertscript %s (libvirt %d.%d.%d)\n", version, lib/1000000, lib/1000%1000, lib%1000)
		return exitOK
	}
	rest := fs.Args()
	fromFlag := false
	fs.Visit(func(f *flag.Flag) { fromFlag = fromFlag || f.Name == "e" })
	repl := len(rest) > 0 && rest[0] == "repl" && !fromFlag
	if fromFlag {
		rest = append([]string{"-e"}, rest...)
	}
	if len(rest) == 0 {
		fmt.Fprintf(stderr, "vertscript: no script given\n%s", seeHelp)
		return exitUsage
	}
	if repl {
		// The REPL's flags may follow it: vertscript repl -c URI --lang lua.
		if err := fs.Parse(rest[1:]); err != nil {
			fmt.Fprintf(stderr, "vertscript: repl: %v\n%s", err, seeHelp)
			return exitUsage
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "vertscript: repl: unexpected argument %q\n%s", fs.Arg(0), seeHelp)
			return exitUsage
		}
		if err := policy.Validate(); err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			return exitUsage
		}
		rest = rest[:1]
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := fl.check(set, repl); err != nil {
		fmt.Fprintf(stderr, "vertscript: %v\n%s", err, seeHelp)
		return exitUsage
	}
	fleetRun := fl.active()
	path := rest[0]
	scriptArgs, err := scriptArgs(fs, path, rest[1:])
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: %v\n", err)
		return exitUsage
	}
	rest = append([]string{path}, scriptArgs...)
	var lang host.Language
	var src []byte
	switch {
	case repl || fromFlag || path == "-":
		// The language is --lang's: there is no file name to tell.
		if lang = languageFor("x." + langName); lang == nil {
			fmt.Fprintf(stderr, "vertscript: --lang %s: want star, py or lua\n", langName)
			return exitUsage
		}
		switch {
		case fromFlag:
			src = []byte(evalCode)
		case path == "-":
			if src, err = readSource(stdin, "the script on stdin", limits); err != nil {
				fmt.Fprintf(stderr, "vertscript: %v\n", err)
				return exitUsage
			}
			path = "<stdin>"
			rest[0] = path
		}
	default:
		if lang = languageFor(path); lang == nil {
			fmt.Fprintf(stderr, "vertscript: %s: unknown script language (want %s)\n", path, extensions())
			return exitUsage
		}
		if src, err = readFile(path, limits); err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			return exitUsage
		}
	}

	if planFile != "" && !dryRun {
		fmt.Fprintf(stderr, "vertscript: --plan needs --dry-run\n")
		return exitUsage
	}
	if policy.AllowRead == nil {
		var dropped []string
		policy.AllowRead, dropped = host.DefaultReadDirs(path)
		for _, d := range dropped {
			fmt.Fprintf(stderr, "vertscript: warning: %s is a system or home directory, not readable by default (--allow-read %s makes it readable)\n", d, d)
		}
	}
	policy.ReadHint = "(" + strings.Join(policy.AllowRead, ", ") + "; --allow-read adds one)"
	opts := host.Options{URI: uri, Policy: policy, DryRun: dryRun, Limits: limits, Clock: clock}
	if auditFile != "" {
		f, err := openAudit(auditFile)
		if err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		opts.Audit = slog.New(slog.NewJSONHandler(f, nil))
	}

	// No script may end the process with a stack overflow: see
	// host.MaxStack.
	debug.SetMaxStack(host.MaxStack(limits.MaxMemory))
	if fleetRun {
		return runFleet(ctx, fl, backendName, opts, lang, host.Script{Path: path, Src: src, Args: rest}, planFile, stdout, stderr)
	}
	var code int
	var plan []host.PlanEntry
	if repl {
		session := host.NewSession(backend, opts)
		code = runREPL(ctx, session, lang, stdin, stdout, stderr)
		if plan = session.Plan(); dryRun {
			resetTerminal(stderr)
			printPlan(plan, stderr)
		}
	} else {
		code, plan, _ = runScript(ctx, backend, opts, lang, host.Script{Path: path, Src: src, Args: rest, Stdout: stdout, Stderr: stderr}, stderr)
	}
	if planFile != "" {
		if err := writePlan(planFile, planJSON(plan)); err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			if code == exitOK {
				code = exitFailed
			}
		}
	}
	return code
}

// runScript runs script in a session of its own on backend under opts, as
// vertscript runs a script on one host (on each host of a fleet, too):
// what it prints goes to script.Stdout and script.Stderr, how it ended to
// stderr, and a dry run's plan last, after it. It returns the exit status,
// the plan, and the error that ended the run (nil when it succeeded).
func runScript(ctx context.Context, backend driver.Backend, opts host.Options, lang host.Language, script host.Script, stderr io.Writer) (int, []host.PlanEntry, error) {
	session := host.NewSession(backend, opts)
	runErr := session.Run(ctx, lang, script)
	closeErr := session.Close()
	code := report(ctx, script.Path, runErr, closeErr, stderr)
	plan := session.Plan()
	if opts.DryRun {
		// The plan comes last, after anything the script printed and its
		// error, so that no text of the script's can follow it and pass
		// for a planned call.
		resetTerminal(stderr)
		printPlan(plan, stderr)
	}
	err := runErr
	if exit := (*host.ExitError)(nil); errors.As(runErr, &exit) && code == exitOK {
		err = nil
	}
	if err == nil && closeErr != nil {
		err = fmt.Errorf("closing connections: %w", closeErr)
	}
	if err == nil && code != exitOK {
		err = fmt.Errorf("exit status %d", code)
	}
	return code, plan, err
}

// report prints how the run ended and returns the exit status.
func report(ctx context.Context, path string, runErr, closeErr error, stderr io.Writer) int {
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "vertscript: %s: %v\n", path, context.Cause(ctx))
		return exitInterrupt
	}
	if exit := (*host.ExitError)(nil); errors.As(runErr, &exit) {
		if closeErr != nil {
			fmt.Fprintf(stderr, "vertscript: closing connections: %v\n", closeErr)
		}
		return exit.Code
	}
	if runErr != nil {
		fmt.Fprintln(stderr, terminalSafe(runErr.Error()))
		return exitFailed
	}
	if closeErr != nil {
		fmt.Fprintf(stderr, "vertscript: closing connections: %v\n", closeErr)
		return exitFailed
	}
	return exitOK
}

// terminalSafe returns an error message with its control characters other
// than newlines and tabs escaped (\x1b), so that a script's error text
// cannot drive the terminal: hide what follows, move the cursor, rewrite
// lines already printed.
func terminalSafe(msg string) string {
	var b strings.Builder
	for _, r := range msg {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// resetTerminal undoes, on a terminal, any colour or concealment a
// script's own output left on: what follows (a plan) must read as printed.
func resetTerminal(w io.Writer) {
	if isTerminal(w) {
		fmt.Fprint(w, "\x1b[0m")
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// scriptArgs returns the script's arguments, args (what follows the script
// on the command line), or an error when one of them, before a "--", is a
// vertscript flag: a flag put after the script by mistake must not be
// handed to the script while vertscript runs without it (--dry-run,
// --read-only). The first "--" is dropped, and what follows it is passed
// as it is.
func scriptArgs(fs *flag.FlagSet, script string, args []string) ([]string, error) {
	for i, a := range args {
		if a == "--" {
			return append(slices.Clone(args[:i]), args[i+1:]...), nil
		}
		if name, ok := flagName(a); ok && (fs.Lookup(name) != nil || name == "h" || name == "help") {
			return nil, fmt.Errorf("%s after the script is a vertscript flag, not an argument of the script: put vertscript's flags before the script, or pass it to the script after -- (vertscript %s -- %s)", a, script, a)
		}
		if name := lookalike(fs, a); name != "" {
			return nil, fmt.Errorf("%s after the script looks like the vertscript flag --%s, mistyped: put vertscript's flags before the script, or pass it to the script after -- (vertscript %s -- %s)", a, name, script, a)
		}
	}
	return args, nil
}

// lookalike returns the name of the vertscript flag that a is a mistyped
// form of (---dry-run, an em dash for --, --dryrun, --Dry_Run), or "": a
// safety flag that misses must not turn into an argument unnoticed.
func lookalike(fs *flag.FlagSet, a string) string {
	trimmed := strings.TrimLeft(a, "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
	if trimmed == a || trimmed == "" {
		return ""
	}
	key := func(s string) string {
		s, _, _ = strings.Cut(s, "=")
		return strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	found := ""
	fs.VisitAll(func(f *flag.Flag) {
		if len(f.Name) > 1 && key(f.Name) == key(trimmed) {
			found = f.Name
		}
	})
	return found
}

// flagName is the name of the flag that a is (-name, --name, -name=value
// or --name=value), as the flag package reads it.
func flagName(a string) (string, bool) {
	name, ok := strings.CutPrefix(a, "-")
	if !ok {
		return "", false
	}
	name = strings.TrimPrefix(name, "-")
	name, _, _ = strings.Cut(name, "=")
	return name, name != ""
}

// indent indents each line of s by two spaces.
func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func languageFor(path string) host.Language { return host.LanguageFor(languages, path) }

func extensions() string {
	var exts []string
	for _, l := range languages {
		exts = append(exts, l.Extensions()...)
	}
	return strings.Join(exts, ", ")
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// syncWriter syncs the audit file after every record, so that nothing is
// lost if the script or the process fails.
type syncWriter struct{ f *os.File }

func (w syncWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err == nil {
		err = w.f.Sync()
	}
	return n, err
}

func (w syncWriter) Close() error { return w.f.Close() }

func openAudit(path string) (syncWriter, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	return syncWriter{f}, err
}

// printPlan prints a dry run's plan to stderr.
func printPlan(plan []host.PlanEntry, stderr io.Writer) {
	// Entries with a note are calls the dry run answered from the plan
	// (a wait for a planned state), not changes: they are counted apart.
	n, noted := 0, 0
	for _, e := range plan {
		if e.Note != "" {
			noted++
		} else {
			n++
		}
	}
	calls := "calls"
	if n == 1 {
		calls = "call"
	}
	answered := ""
	if noted > 0 {
		answered = fmt.Sprintf("; %d answered from the plan", noted)
	}
	fmt.Fprintf(stderr, "dry run: %d %s planned, none made%s\n", n, calls, answered)
	for _, e := range plan {
		fmt.Fprintf(stderr, "  %s\n", e)
	}
}

// planEntry is a planned call as --plan writes it.
type planEntry struct {
	Receiver string `json:"receiver"`
	Op       string `json:"op"`
	Args     []any  `json:"args"`
	// Flags spells the flags arguments by name, by parameter name; args
	// keeps their numbers.
	Flags map[string]string `json:"flags,omitempty"`
	Note  string            `json:"note,omitempty"`
}

// planJSON is a plan as --plan writes it.
func planJSON(plan []host.PlanEntry) []planEntry {
	entries := make([]planEntry, len(plan))
	for i, e := range plan {
		entries[i] = planEntry{Receiver: e.Receiver, Op: e.Op, Args: host.JSONArgs(e.Args), Flags: e.FlagArgs(), Note: e.Note}
	}
	return entries
}

// writePlan writes v, a plan (or a fleet's plans), to planFile as
// indented JSON.
func writePlan(planFile string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(planFile, b.Bytes(), 0o644)
}

// checkLimits refuses a negative limit: Go reads --timeout -1s as a
// duration, which would mean no limit at all.
func checkLimits(l host.Limits) error {
	switch {
	case l.Timeout < 0:
		return fmt.Errorf("--timeout %v: want a positive duration, or 0 for none", l.Timeout)
	case l.CallTimeout < 0:
		return fmt.Errorf("--call-timeout %v: want a positive duration, or 0 for none", l.CallTimeout)
	case l.MaxDepth < 0:
		return fmt.Errorf("--max-depth %d: want a positive number, or 0 for none", l.MaxDepth)
	}
	return nil
}

// byteSize is a flag holding a size in bytes, written as 1048576, 1024KiB,
// 512MiB or 2GiB.
type byteSize uint64

func (b *byteSize) String() string { return fmt.Sprintf("%dMiB", uint64(*b)>>20) }

func (b *byteSize) Set(v string) error {
	mult := uint64(1)
	for _, u := range []struct {
		suffix string
		mult   uint64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			v, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n > (1<<64-1)/mult {
		return fmt.Errorf("bad size %q: want e.g. 512MiB", v)
	}
	*b = byteSize(n * mult)
	return nil
}

// readSource reads a script from r, and no more than --max-memory allows a
// source to be (host.Limits.CheckSource): a stream that does not end
// (/dev/zero, a pipe) is refused once it passes that, not read to the end.
func readSource(r io.Reader, what string, lim host.Limits) ([]byte, error) {
	if lim.MaxMemory > 0 {
		r = io.LimitReader(r, int64(lim.MaxMemory/host.SourceFactor)+1)
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	if le := lim.CheckSource(len(src), what); le != nil {
		return nil, le
	}
	return src, nil
}

// readFile reads the script at path with readSource.
func readFile(path string, lim host.Limits) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSource(f, path, lim)
}
