package fleet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Counts returns how many results have each status.
func Counts(results []Result) map[Status]int {
	n := map[Status]int{StatusOK: 0, StatusFailed: 0, StatusInterrupted: 0, StatusSkipped: 0}
	for _, r := range results {
		n[r.Status]++
	}
	return n
}

// WriteTable writes results as an aligned table, a host per line (its
// error's first line on that line too, control characters escaped), and a line of
// counts:
//
//	HOST   STATUS  DURATION  ERROR
//	web1   ok      1.203s
//	db1    failed  2.001s    db1.ex: call-timeout: ...
//	2 hosts: 1 ok, 1 failed
func WriteTable(w io.Writer, results []Result) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&trimLines{w: &buf}, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "HOST\tSTATUS\tDURATION\tERROR")
	for _, r := range results {
		msg := ""
		if r.Err != nil {
			msg = OneLine(r.Err.Error())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Host.Name, r.Status, r.Duration.Round(time.Millisecond), msg)
	}
	tw.Flush()
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	n := Counts(results)
	hosts := "hosts"
	if len(results) == 1 {
		hosts = "host"
	}
	parts := []string{}
	for _, s := range []Status{StatusOK, StatusFailed, StatusInterrupted, StatusSkipped} {
		if n[s] > 0 || s == StatusOK {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	_, err := fmt.Fprintf(w, "%d %s: %s\n", len(results), hosts, strings.Join(parts, ", "))
	return err
}

// OneLine returns the first line of msg (an error's message; a
// traceback follows it), safe to print on a terminal: control characters
// are escaped (\x1b), so that a script's error text cannot break the table
// or drive the terminal.
func OneLine(msg string) string {
	msg, _, _ = strings.Cut(strings.TrimLeft(msg, "\n"), "\n")
	var b strings.Builder
	for _, r := range msg {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// trimLines is a writer that drops the spaces that end each line: the
// padding tabwriter leaves after a table's last column.
type trimLines struct {
	w       io.Writer
	pending []byte
}

func (t *trimLines) Write(p []byte) (int, error) {
	for _, c := range p {
		switch c {
		case ' ':
			t.pending = append(t.pending, c)
			continue
		case '\n':
			t.pending = t.pending[:0]
		}
		if len(t.pending) > 0 {
			if _, err := t.w.Write(t.pending); err != nil {
				return 0, err
			}
			t.pending = t.pending[:0]
		}
		if _, err := t.w.Write([]byte{c}); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// JSONResult is a Result as WriteJSON writes it; its field names are
// stable.
type JSONResult struct {
	Name       string   `json:"name"`
	URI        string   `json:"uri"`
	Tags       []string `json:"tags"`
	Status     Status   `json:"status"`
	DurationMS int64    `json:"duration_ms"`
	Error      string   `json:"error,omitempty"`
}

// JSONSummary is what WriteJSON writes.
type JSONSummary struct {
	Hosts  []JSONResult   `json:"hosts"`
	Counts map[Status]int `json:"counts"`
}

// WriteJSON writes results as one JSONSummary, indented, ended by a
// newline: {"hosts": [{"name", "uri", "tags", "status", "duration_ms",
// "error"}...], "counts": {"ok": N, "failed": N, "interrupted": N,
// "skipped": N}}.
func WriteJSON(w io.Writer, results []Result) error {
	s := JSONSummary{Hosts: make([]JSONResult, len(results)), Counts: Counts(results)}
	for i, r := range results {
		tags := r.Host.Tags
		if tags == nil {
			tags = []string{}
		}
		s.Hosts[i] = JSONResult{Name: r.Host.Name, URI: r.Host.URI, Tags: tags, Status: r.Status, DurationMS: r.Duration.Milliseconds()}
		if r.Err != nil {
			s.Hosts[i].Error = r.Err.Error()
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
