package host

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Script is a program to run and its surroundings.
type Script struct {
	Path   string    // the file, as named on the command line; errors cite it
	Src    []byte    // its source
	Args   []string  // the script's arguments; Args[0] is Path
	Stdout io.Writer // where print writes; nil discards
	Stderr io.Writer // where diagnostics go; nil discards
}

// WithWriters returns the script with io.Discard for a nil Stdout or
// Stderr: a script's output goes nowhere unless a writer is given.
func (sc Script) WithWriters() Script {
	if sc.Stdout == nil {
		sc.Stdout = io.Discard
	}
	if sc.Stderr == nil {
		sc.Stderr = io.Discard
	}
	return sc
}

// Language runs scripts of one language on a session. The language adapters
// (bindings/starlark, bindings/lua) implement it; cmd/vertscript picks one by
// file extension.
type Language interface {
	// Name is the language's name, e.g. "starlark".
	Name() string
	// Extensions lists the file extensions it runs, with the dot: ".star".
	Extensions() []string
	// Builtins describes, for `vertscript doc`, what scripts of the
	// language have besides the operation table: one name a line, an
	// indented line of description under each.
	Builtins() string
	// Run runs script on s until it ends or ctx is done. It applies
	// the step and depth limits; the timeout, the call timeout and the
	// memory poller are Session.Run's, which calls it. A script's
	// failure is returned as a *ScriptError carrying the formatted
	// message (file:line:col and the language's traceback); a script
	// that ends itself with a non-zero status (Python's sys.exit(3)) as
	// an *ExitError, and with status 0 as success (nil).
	Run(ctx context.Context, s *Session, script Script) error
}

// LanguageFor returns the language of langs that runs files named path,
// by its extension, or nil.
func LanguageFor(langs []Language, path string) Language {
	ext := filepath.Ext(path)
	for _, l := range langs {
		if slices.Contains(l.Extensions(), ext) {
			return l
		}
	}
	return nil
}

// ScriptError is a script that failed: a syntax error, a runtime error, an
// uncaught libvirt error, a policy refusal, a limit. Msg is formatted for a
// human, beginning with the position; Pos is that position (the innermost
// line of the script's own code, zero when the failure has none, as a
// timeout between two steps); Err is the cause, which errors.As finds the
// same way in both languages: a *PolicyError, a *LimitError, an *Error
// (libvirt's), the context's cause (context.Canceled, or what
// context.WithCancelCause was given).
type ScriptError struct {
	Msg string
	Pos Position
	Err error
}

func (e *ScriptError) Error() string { return e.Msg }
func (e *ScriptError) Unwrap() error { return e.Err }

// ExitError is a script that ended itself with a non-zero exit status, as
// Python's exit(code) and sys.exit(code) do: it ran as far as it wanted and
// nothing failed. A message it gave (sys.exit("message"), status 1) was
// written to the script's Stderr already. The status is Python's: the
// integer as given, or -1 when it does not fit in 64 bits; an operating
// system keeps its low 8 bits (256 is 0, -1 is 255).
type ExitError struct {
	Code int
}

func (e *ExitError) Error() string { return fmt.Sprintf("the script exited with status %d", e.Code) }

// Checker is implemented by a Language that can check a script without
// running it (`vertscript check`): it parses and resolves the script as a
// run would, with the same predeclared names, and connects to nothing.
type Checker interface {
	// Check returns the names the script uses that may reach an
	// operation, in source order: every attribute and method name
	// (x.suspend, x:suspend, libvirt.open, getattr(x, "suspend")), and
	// the places where a name is computed at run time. A script that
	// does not compile gives a *CheckError.
	Check(script Script) ([]Ref, error)
}

// Ref is a name a script uses that may reach an operation, and where.
// Dynamic marks an access whose name is computed at run time (getattr(x,
// name), x[name] in Lua, source loaded at run time): any operation may
// be reachable from it; Name then says which construct it is.
type Ref struct {
	Name    string
	Pos     Position
	Dynamic bool
}

// CheckError is a script that does not compile: a syntax error, or names
// that do not resolve, each a *ScriptError with its position.
type CheckError struct {
	Errors []*ScriptError
}

func (e *CheckError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, se := range e.Errors {
		msgs[i] = se.Msg
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the errors, for errors.As.
func (e *CheckError) Unwrap() []error {
	errs := make([]error, len(e.Errors))
	for i, se := range e.Errors {
		errs[i] = se
	}
	return errs
}

// Interactive is a Language that runs statements one at a time, keeping
// the script's variables between them: `vertscript repl`.
type Interactive interface {
	// NewREPL returns a REPL on s; script names it and gives it its
	// writers and arguments (Src is unused).
	NewREPL(s *Session, script Script) (REPL, error)
}

// REPL runs a script's statements one at a time.
type REPL interface {
	// Read reads one statement with next, which it calls again while
	// the statement is incomplete (a block, an unclosed bracket). It
	// returns io.EOF when next does before a statement began, and a
	// syntax error as a *ScriptError.
	Read(next func() (string, error)) (Statement, error)
	// Exec runs a statement Read returned, under ctx and the session's
	// step and depth limits (Session.Supervise applies the others), and
	// prints the value of an expression as the language's REPL does. A
	// failure is a *ScriptError, sys.exit an *ExitError.
	Exec(ctx context.Context, st Statement) error
	// Names returns the names a statement can use at top level.
	Names() []string
	// Object returns the libvirt object the top-level name holds, or
	// nil: completion offers its class's methods.
	Object(name string) *Object
	// Close frees the interpreter.
	Close()
}

// Statement is a statement a REPL read, ready to run.
type Statement any
