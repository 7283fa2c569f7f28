package host

import "fmt"

// Position is a place in a script's source: the file as the script was
// named, a 1-based line, and a 1-based column (0 when the language does
// not say: Lua reports lines only). The zero Position is unknown.
type Position struct {
	File      string
	Line, Col int
}

// IsValid reports whether p names a line.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, file:line, or file alone.
func (p Position) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}
