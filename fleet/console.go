package fleet

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// Console is the terminal (or the pipes) that many hosts print to at
// once: their lines, prefixed with the host's name, on a shared stdout and
// stderr, and a progress line at the bottom of stderr when stderr is a
// terminal. Its methods may be called from any goroutine.
type Console struct {
	mu             sync.Mutex
	stdout, stderr io.Writer
	bar            *progressBar // nil when stderr is not a terminal
}

// NewConsole returns a console printing on stdout and stderr, with a
// progress line when stderr is a terminal.
func NewConsole(stdout, stderr io.Writer) *Console {
	c := &Console{stdout: stdout, stderr: stderr}
	if IsTerminal(stderr) {
		c.bar = &progressBar{w: stderr}
	}
	return c
}

// Output is an OutputFunc printing each host's lines on the console,
// prefixed with "[NAME] ".
func (c *Console) Output(h Host) (stdout, stderr io.Writer, close func() error, err error) {
	o := NewPrefixWriter(barSafe{c, c.stdout}, &c.mu, h.Name)
	e := NewPrefixWriter(barSafe{c, c.stderr}, &c.mu, h.Name)
	return o, e, func() error {
		err1, err2 := o.Flush(), e.Flush()
		if err1 != nil {
			return err1
		}
		return err2
	}, nil
}

// Progress redraws the progress line (done of total hosts), when stderr is
// a terminal; it does nothing otherwise.
func (c *Console) Progress(done, total int) {
	if c.bar == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bar.done, c.bar.total = done, total
	c.bar.draw()
}

// Close erases the progress line, so that what follows is printed on a
// clean line.
func (c *Console) Close() {
	if c.bar == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bar.erase()
	c.bar.total = 0
}

// barSafe writes to w with the console's progress line erased first and
// redrawn after. The console's lock is held.
type barSafe struct {
	c *Console
	w io.Writer
}

func (b barSafe) Write(p []byte) (int, error) {
	if b.c.bar == nil {
		return b.w.Write(p)
	}
	b.c.bar.erase()
	n, err := b.w.Write(p)
	b.c.bar.draw()
	return n, err
}

// progressBar is a line at the bottom of a terminal, redrawn in place:
// [#########...........] 7/16 hosts.
type progressBar struct {
	w           io.Writer
	done, total int
	shown       bool
}

const barWidth = 30

func (p *progressBar) draw() {
	if p.total <= 0 {
		return
	}
	n := barWidth * p.done / p.total
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d hosts", strings.Repeat("#", n), strings.Repeat(".", barWidth-n), p.done, p.total)
	p.shown = true
}

func (p *progressBar) erase() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// DirOutput returns an OutputFunc writing each host's output, stdout and
// stderr together, to DIR/NAME.out (created, or truncated), which the
// host's name makes unique. dir must exist.
func DirOutput(dir string) OutputFunc {
	return func(h Host) (io.Writer, io.Writer, func() error, error) {
		if err := checkName(h.Name); err != nil {
			return nil, nil, nil, err
		}
		f, err := os.OpenFile(filepath.Join(dir, h.Name+".out"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return nil, nil, nil, err
		}
		w := &lockedWriter{w: f}
		return w, w, f.Close, nil
	}
}

// lockedWriter is a writer that two goroutines may share.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
