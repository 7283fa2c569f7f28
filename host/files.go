package host

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ReadFile returns the content of the file at path, for the scripts'
// read_file builtin. A relative path resolves against the policy's
// BaseDir, or else the current directory, as Python's open does. Under a policy with AllowRead, the
// file, symlinks resolved, must lie inside one of its directories, and it
// is opened through that directory (os.Root), so a symlink swapped in after
// the check cannot lead outside. A file larger than the memory limit
// allows is refused before it is read.
func (s *Session) ReadFile(path string) (string, error) {
	b, err := s.readAllowed("read_file", path)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// ReadAs reads a file for op, a builtin other than read_file (Lua's
// require, Starlark's open), under the same checks as ReadFile, so that a
// symlink in the script's directory cannot lead to a file outside. Errors
// are *PolicyError, *LimitError or errors naming op and the path.
func (s *Session) ReadAs(op, path string) ([]byte, error) {
	return s.readAllowed(op, path)
}

func (s *Session) readAllowed(op, path string) ([]byte, error) {
	if strings.IndexByte(path, 0) >= 0 {
		return nil, fmt.Errorf("%s: the path %s has a NUL byte", op, quotePath(path))
	}
	f, err := s.policy.openRead(op, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, pathError(op, path, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s: %s is a directory", op, quotePath(path))
	}
	if le := s.limits.CheckAlloc(uint64(info.Size()), op, "a string"); le != nil {
		return nil, le
	}
	// A file can grow while it is read, or report no size (/proc): read
	// at most one byte past the limit, and check what was read.
	limit := int64(math.MaxInt64)
	if m := s.limits.MaxMemory; m > 0 && m < math.MaxInt64 {
		limit = int64(m) + 1
	}
	b, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, pathError(op, path, err)
	}
	if int64(len(b)) > info.Size() {
		if le := s.limits.CheckAlloc(uint64(len(b)), op, "a string"); le != nil {
			return nil, le
		}
	}
	return b, nil
}

// openRead opens path for op: through the read-allowed directory that
// holds it when the policy has AllowRead, else as it is.
func (p *Policy) openRead(op, path string) (*os.File, error) {
	if p.AllowRead == nil {
		f, err := os.Open(p.abs(path))
		if err != nil {
			return nil, pathError(op, path, err)
		}
		return f, nil
	}
	dir, rel, err := p.allowedDir(op, path)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, pathError(op, path, err)
	}
	defer root.Close()
	f, err := root.Open(rel)
	if err != nil {
		return nil, pathError(op, path, err)
	}
	return f, nil
}

// checkRead refuses, for op, a local path outside the read-allowed
// directories.
func (p *Policy) checkRead(op, path string) error {
	if p.BaseDir != "" && !filepath.IsAbs(path) {
		return &PolicyError{Op: op, Reason: fmt.Sprintf("%s is a relative path, which libvirt would take in the process's working directory, not the run's base directory: name the file by its absolute path", quotePath(path))}
	}
	if p.AllowRead == nil {
		return nil
	}
	_, _, err := p.allowedDir(op, path)
	return err
}

// allowedDir returns the read-allowed directory (resolved) that holds path
// once resolved, and path relative to it; or the refusal.
func (p *Policy) allowedDir(op, path string) (dir, rel string, err error) {
	real, err := resolve(p.abs(path))
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", op, err)
	}
	for _, dir := range p.AllowRead {
		d, err := resolve(p.abs(dir))
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(d, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return d, rel, nil
		}
	}
	shown := quotePath(path)
	if real != path {
		shown = fmt.Sprintf("%s (%s)", shown, quotePath(real))
	}
	reason := shown + " is outside the readable directories"
	if p.ReadHint != "" {
		reason += " " + p.ReadHint
	}
	return "", "", &PolicyError{Op: op, Reason: reason}
}

// quotePath shows a path as it is, or quoted when it holds bytes that a
// terminal would interpret (control characters, invalid UTF-8).
func quotePath(path string) string {
	for _, r := range path {
		if r < ' ' || r == 0x7f || r == utf8.RuneError || (r >= 0x80 && r < 0xa0) {
			return strconv.Quote(path)
		}
	}
	return path
}

// pathError is err, an error of op on path, with the path as the script
// wrote it (shown by quotePath); it still wraps the os error.
func pathError(op, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fop := pe.Op
		if fop == "openat" { // os.Root's name for it
			fop = "open"
		}
		err = &fs.PathError{Op: fop, Path: quotePath(path), Err: pe.Err}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// abs is path in the policy's base directory when it is relative and
// there is one; path as it is otherwise.
func (p *Policy) abs(path string) string {
	if p.BaseDir == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(p.BaseDir, path)
}

// resolve makes path absolute and resolves its symlinks. A file that does
// not exist resolves through its directory, so that reading it fails with
// the ordinary "no such file" once the check passes.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err == nil {
		return real, nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		// Nothing there to follow: judge the path as written.
		return abs, nil
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}
