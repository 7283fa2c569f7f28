package host

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteName returns a name (a domain's, a network's, a URI) as plans,
// audit records, error messages and warnings print it: as it is when it
// is printable text, else quoted as Go quotes strings ("web\n1",
// "\x1b[31mred"), so that no name can write a line of its own into a
// plan or a log, or reach the terminal as an escape sequence. A name that
// begins with a double quote is quoted too, so that it cannot pass for a
// quoted one; so is the empty name.
func QuoteName(name string) string {
	if name != "" && !strings.HasPrefix(name, `"`) && utf8.ValidString(name) &&
		!strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return name
	}
	return strconv.Quote(name)
}
