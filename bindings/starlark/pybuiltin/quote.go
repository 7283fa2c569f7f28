package pybuiltin

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// quoteChar is the quote Python's repr puts around s: a single quote,
// unless s holds one and no double quote.
func quoteChar(s string) byte {
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		return '"'
	}
	return '\''
}

// appendQuoted appends Python's repr of the string s ('a', "it's",
// '\n', '\x01'); ascii escapes every character past ASCII too, as
// ascii() does. A byte that is not UTF-8 shows as \xNN.
func appendQuoted(b []byte, s string, ascii bool) []byte {
	q := quoteChar(s)
	b = append(b, q)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			b = appendASCII(b, c, q)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		case !ascii && unicode.IsPrint(r):
			b = append(b, s[i:i+n]...)
		case r < 0x100:
			b = append(b, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
		case r < 0x10000:
			b = append(b, '\\', 'u')
			b = appendHex(b, uint32(r), 4)
		default:
			b = append(b, '\\', 'U')
			b = appendHex(b, uint32(r), 8)
		}
		i += n
	}
	return append(b, q)
}

// appendQuotedBytes appends Python's repr of bytes: b'ab\x00'.
func appendQuotedBytes(b []byte, s string) []byte {
	q := quoteChar(s)
	b = append(b, 'b', q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			b = appendASCII(b, c, q)
		} else {
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		}
	}
	return append(b, q)
}

// appendASCII appends the ASCII character c as it shows inside quotes q.
func appendASCII(b []byte, c, q byte) []byte {
	switch {
	case c == '\\' || c == q:
		return append(b, '\\', c)
	case c == '\n':
		return append(b, '\\', 'n')
	case c == '\r':
		return append(b, '\\', 'r')
	case c == '\t':
		return append(b, '\\', 't')
	case c < 0x20 || c == 0x7f:
		return append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
	}
	return append(b, c)
}

func appendHex(b []byte, v uint32, digits int) []byte {
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hexDigits[(v>>(4*uint(i)))&15])
	}
	return b
}

// quotedLen bounds the length of s quoted: printable ASCII stays, other
// bytes take up to four characters.
func quotedLen(s string) uint64 {
	n := uint64(2)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\'' || c == '\\' || c == '\n' || c == '\t' || c == '\r':
			n += 2
		case c >= 0x20 && c < 0x7f:
			n++
		default:
			n += 4
		}
	}
	return n
}

// asciiOf is ascii(): repr's text with every character past ASCII
// escaped.
func asciiOf(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			var b []byte
			for _, r := range s {
				switch {
				case r < utf8.RuneSelf:
					b = append(b, byte(r))
				case r < 0x100:
					b = append(b, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
				case r < 0x10000:
					b = appendHex(append(b, '\\', 'u'), uint32(r), 4)
				default:
					b = appendHex(append(b, '\\', 'U'), uint32(r), 8)
				}
			}
			return string(b)
		}
	}
	return s
}
