package fleet

import (
	"bytes"
	"io"
	"sync"
)

// maxPartial bounds the partial line a PrefixWriter holds: a longer run of
// bytes without a newline is written as a line of its own.
const maxPartial = 64 << 10

// PrefixWriter writes whole lines to a writer that other PrefixWriters
// share, each line as "[prefix] line": lines of many hosts interleave,
// but never within a line. It holds a partial line until its newline
// comes, or until Flush. Its methods may be called from any goroutine.
type PrefixWriter struct {
	mu     sync.Locker // shared by every writer of dst
	dst    io.Writer
	prefix []byte
	own    sync.Mutex // guards buf
	buf    []byte
}

// NewPrefixWriter returns a writer that writes to dst, while holding mu,
// each line prefixed by "[name] ". Writers sharing a dst must share mu.
func NewPrefixWriter(dst io.Writer, mu sync.Locker, name string) *PrefixWriter {
	return &PrefixWriter{mu: mu, dst: dst, prefix: []byte("[" + name + "] ")}
}

// Write writes p's complete lines, and keeps what follows the last
// newline for the next Write or Flush. It reports len(p) written, or the
// first error of dst.
func (w *PrefixWriter) Write(p []byte) (int, error) {
	w.own.Lock()
	defer w.own.Unlock()
	w.buf = append(w.buf, p...)
	var out []byte
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 && len(w.buf) >= maxPartial {
			i = maxPartial - 1
			out = append(append(append(out, w.prefix...), w.buf[:i+1]...), '\n')
		} else if i < 0 {
			break
		} else {
			out = append(append(out, w.prefix...), w.buf[:i+1]...)
		}
		w.buf = w.buf[i+1:]
	}
	w.buf = append([]byte(nil), w.buf...)
	if len(out) == 0 {
		return len(p), nil
	}
	if err := w.emit(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes the partial line held, if any, ended by a newline.
func (w *PrefixWriter) Flush() error {
	w.own.Lock()
	defer w.own.Unlock()
	if len(w.buf) == 0 {
		return nil
	}
	out := append(append(append([]byte(nil), w.prefix...), w.buf...), '\n')
	w.buf = nil
	return w.emit(out)
}

func (w *PrefixWriter) emit(b []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err := w.dst.Write(b)
	return err
}
