// Package jsonv holds what the json modules of both languages share:
// Scan, which measures a JSON text before it is decoded or indented, so
// that the adapters can refuse one that would take the memory or nest past
// host.MaxNesting before any of it is built.
package jsonv

// Stats measures a JSON text.
type Stats struct {
	Values     int // values of every kind (each element, each member)
	Containers int // arrays and objects
	Depth      int // the deepest nesting of arrays and objects
	Structural int // commas, colons and brackets: where indent breaks lines
}

// Scan measures s in one pass, without checking that it is valid JSON
// (the decoder does); strings are skipped as JSON reads them.
func Scan(s string) Stats {
	var st Stats
	depth := 0
	inValue := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			st.Values++
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
			inValue = false
		case '[', '{':
			st.Values++
			st.Containers++
			st.Structural++
			depth++
			st.Depth = max(st.Depth, depth)
			inValue = false
		case ']', '}':
			st.Structural++
			depth--
			inValue = false
		case ',', ':':
			st.Structural++
			inValue = false
		case ' ', '\t', '\n', '\r':
			inValue = false
		default:
			if !inValue { // a number, true, false or null
				st.Values++
				inValue = true
			}
		}
	}
	return st
}
