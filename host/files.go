package host

import (
	"fmt"
	"os"
)

// ReadFile returns the content of the file at path, for the scripts'
// read_file builtin. A relative path resolves against the current
// directory, as Python's open does.
func (s *Session) ReadFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read_file: %w", err)
	}
	return string(b), nil
}
