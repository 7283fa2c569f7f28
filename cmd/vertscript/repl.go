package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/chzyer/readline"

	"github.com/vertscript/vertscript/host"
)

// `vertscript [flags] repl [-c URI] [--lang star|lua] [flags]` reads
// statements and runs them one at a time on one session, printing the
// value of each expression. On a terminal it edits lines (history in
// $XDG_STATE_HOME/vertscript/history, completion of names, module
// functions and the methods of the object a variable holds); from a pipe
// it reads line by line, without prompts, and exits 1 if a statement
// failed. The policy and the limits are a run's, each statement's own:
// --timeout bounds each statement, not the session.

// replActive is set while a REPL reads a terminal: Ctrl-C then cancels the
// statement in progress (replInterrupt), not the process.
var (
	replActive    atomic.Bool
	replInterrupt = make(chan struct{}, 1)
)

// lineReader reads the REPL's input.
type lineReader interface {
	// ReadLine returns the next line, without its newline; io.EOF at
	// the end, errInterruptedLine when Ctrl-C cleared the line.
	ReadLine(continued bool) (string, error)
	Close() error
}

var errInterruptedLine = errors.New("interrupted line")

// pipeReader reads lines from a pipe or a file, with no prompt.
type pipeReader struct{ s *bufio.Scanner }

func (p *pipeReader) ReadLine(bool) (string, error) {
	if p.s.Scan() {
		return p.s.Text(), nil
	}
	if err := p.s.Err(); err != nil {
		return "", fmt.Errorf("vertscript: repl: reading stdin: %w", err)
	}
	return "", io.EOF
}

func (p *pipeReader) Close() error { return nil }

// termReader reads lines from a terminal with chzyer/readline.
type termReader struct{ rl *readline.Instance }

func (t *termReader) ReadLine(continued bool) (string, error) {
	prompt := ">>> "
	if continued {
		prompt = "... "
	}
	t.rl.SetPrompt(prompt)
	line, err := t.rl.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", errInterruptedLine
	}
	return line, err
}

func (t *termReader) Close() error { return t.rl.Close() }

// completer offers completions of the identifier before the cursor.
type completer struct{ r host.REPL }

// Do implements readline.AutoCompleter.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	word := trailingWord(string(line[:pos]))
	_, partial := splitWord(word)
	var out [][]rune
	for _, cand := range complete(c.r, word) {
		out = append(out, []rune(cand[len(word):]))
	}
	return out, len(partial)
}

// trailingWord returns the identifier, with its dots and colons, that
// ends s.
func trailingWord(s string) string {
	i := len(s)
	for i > 0 {
		c := s[i-1]
		if c == '_' || c == '.' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			i--
			continue
		}
		break
	}
	return s[i:]
}

// splitWord splits "dom.sus" into "dom" and "sus" ("" and the word when
// it has no dot or colon).
func splitWord(word string) (owner, partial string) {
	if i := strings.LastIndexAny(word, ".:"); i >= 0 {
		return word[:i], word[i+1:]
	}
	return "", word
}

// complete returns the completions of word: a name of r's, a function or
// constant of the libvirt module after "libvirt.", a method of the class
// of the object a variable holds after "dom." (or "dom:" in Lua).
func complete(r host.REPL, word string) []string {
	owner, partial := splitWord(word)
	var names []string
	switch {
	case owner == "" && !strings.ContainsAny(word, ".:"):
		names = r.Names()
	case owner == host.ClassModule:
		for _, op := range host.Methods(host.ClassModule) {
			names = append(names, op.Name)
		}
		for _, c := range host.Constants {
			names = append(names, c.Name)
		}
		for _, v := range host.ModuleValues {
			names = append(names, v.Name)
		}
	default:
		if o := r.Object(owner); o != nil {
			for _, op := range host.Methods(o.Class()) {
				names = append(names, op.Name)
			}
		}
	}
	prefix := word[:len(word)-len(partial)]
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, partial) {
			out = append(out, prefix+n)
		}
	}
	sort.Strings(out)
	return out
}

// runREPL runs the REPL of lang on session s, reading stdin.
func runREPL(ctx context.Context, s *host.Session, lang host.Language, stdin io.Reader, stdout, stderr io.Writer) int {
	defer func() {
		if err := s.Close(); err != nil {
			fmt.Fprintf(stderr, "vertscript: closing connections: %v\n", err)
		}
	}()
	il, ok := lang.(host.Interactive)
	if !ok {
		fmt.Fprintf(stderr, "vertscript: repl: %s has no REPL\n", lang.Name())
		return exitUsage
	}
	r, err := il.NewREPL(s, host.Script{Path: "<stdin>", Args: []string{"<stdin>"}, Stdout: stdout, Stderr: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: repl: %v\n", err)
		return exitFailed
	}
	defer r.Close()

	scanner := bufio.NewScanner(stdin)
	// A line may be as long as a script may be (see Limits.CheckSource).
	maxLine := 1 << 30
	if m := s.Limits().MaxMemory; m > 0 {
		maxLine = int(min(m/host.SourceFactor, 1<<30))
	}
	scanner.Buffer(make([]byte, 0, 64<<10), max(maxLine, 64<<10))
	var in lineReader = &pipeReader{s: scanner}
	if f, ok := stdin.(*os.File); ok && isTerminal(f) && isTerminal(stdout) {
		rl, err := readline.NewEx(&readline.Config{
			Prompt:          ">>> ",
			HistoryFile:     historyFile(),
			AutoComplete:    completer{r},
			InterruptPrompt: "^C",
			EOFPrompt:       "",
			Stdin:           f,
			Stdout:          stdout,
			Stderr:          stderr,
		})
		if err == nil {
			in = &termReader{rl: rl}
			fmt.Fprintf(stdout, "vertscript %s, %s; Ctrl-D ends, Ctrl-C stops a statement\n", version, lang.Name())
			replActive.Store(true)
			defer replActive.Store(false)
		}
	}
	defer in.Close()
	return replLoop(ctx, s, r, in, stderr)
}

// replLoop reads statements from in and runs each under s's limits
// (Session.Supervise: a timeout of its own, the call timeout, memory),
// until in or ctx ends, and returns the exit status: 1 if a statement
// failed.
func replLoop(ctx context.Context, s *host.Session, r host.REPL, in lineReader, stderr io.Writer) int {
	status := exitOK
	for ctx.Err() == nil {
		continued, interrupted := false, false
		st, err := r.Read(func() (string, error) {
			line, err := in.ReadLine(continued)
			continued = true
			if errors.Is(err, errInterruptedLine) {
				interrupted = true
				return "", io.EOF
			}
			return line, err
		})
		switch {
		case interrupted:
			continue // Ctrl-C at the prompt: a fresh line
		case err == io.EOF:
			return status
		case err != nil:
			fmt.Fprintln(stderr, terminalSafe(err.Error()))
			var se *host.ScriptError
			if !errors.As(err, &se) {
				// The input failed (a line too long, a read error):
				// nothing more can be read from it.
				return exitFailed
			}
			status = exitFailed
			continue
		}
		// Drop a Ctrl-C pressed while no statement ran; one pressed
		// now stops this statement.
		select {
		case <-replInterrupt:
		default:
		}
		stmtCtx, cancel := context.WithCancelCause(ctx)
		done := make(chan struct{})
		go func() {
			select {
			case <-replInterrupt:
				cancel(errInterrupted)
			case <-done:
			}
		}()
		err = s.Supervise(stmtCtx, "<stdin>", func(ctx context.Context) error { return r.Exec(ctx, st) })
		close(done)
		cancel(nil)
		var exit *host.ExitError
		switch {
		case errors.As(err, &exit):
			return exit.Code
		case err != nil:
			fmt.Fprintln(stderr, terminalSafe(err.Error()))
			status = exitFailed
			if abandoned(err) {
				// The interpreter may still run: it cannot take
				// another statement.
				fmt.Fprintln(stderr, "vertscript: repl: the statement did not stop; ending the session")
				return exitFailed
			}
		}
	}
	return exitInterrupt
}

// abandoned reports whether err ended a statement whose interpreter did
// not stop, or whose libvirt call was abandoned.
func abandoned(err error) bool {
	return errors.Is(err, host.ErrAbandoned)
}

// historyFile is where the REPL keeps its history: $XDG_STATE_HOME or
// ~/.local/state, under vertscript/, created private; "" when neither
// can be made.
func historyFile() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	dir = filepath.Join(dir, "vertscript")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	path := filepath.Join(dir, "history")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return ""
	}
	f.Close()
	return path
}
