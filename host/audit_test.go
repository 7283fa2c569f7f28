package host_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// lockedBuffer is an audit log written from several goroutines (the
// watchdog writes the records of abandoned calls).
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// records returns the audit records written so far.
func (b *lockedBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.b.String()), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("audit line is not JSON: %v: %s", err, line)
		}
		out = append(out, r)
	}
	return out
}

// find returns the records of op.
func find(records []map[string]any, op string) []map[string]any {
	var out []map[string]any
	for _, r := range records {
		if r["op"] == op {
			out = append(out, r)
		}
	}
	return out
}

// TestAuditRecordsAbandonedCalls freezes a real libvirtd while a script
// calls it: the call abandoned by the call timeout, or by the run's
// cancellation (a signal, the timeout), is in the audit log when Run
// returns, with its arguments, receiver, duration and reason, as it may
// still take effect; when it returns at last, a second record says how it
// ended.
func TestAuditRecordsAbandonedCalls(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		limits host.Limits
		cancel bool
		reason string
	}{
		{"call-timeout", host.Limits{CallTimeout: 300 * time.Millisecond}, false,
			"call-timeout: virConnect.lookupByName (virDomainLookupByName) did not return within 300ms; the call was abandoned"},
		{"signal", host.Limits{}, true, "interrupted"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := libvirtdtest.Start(t)
			var audit lockedBuffer
			s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: c.limits, Audit: slog.New(slog.NewJSONHandler(&audit, nil))})
			src := "c = libvirt.open()\nprint(c.listDomainsID())\nc.lookupByName('web\\n1')\n"
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			if c.cancel {
				go func() {
					time.Sleep(500 * time.Millisecond)
					cancel(errorString("interrupted"))
				}()
			}
			err := s.Run(ctx, starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &stopOnFirstWrite{d: d}, Stderr: io.Discard})
			if err == nil {
				t.Fatal("the run did not fail")
			}
			recs := find(audit.records(t), "virConnect.lookupByName")
			if len(recs) != 1 {
				t.Fatalf("%d records of the abandoned call when Run returned, want 1: %v", len(recs), recs)
			}
			r := recs[0]
			args, _ := r["args"].([]any)
			dur, _ := r["duration"].(float64)
			if r["outcome"] != "abandoned" || len(args) != 1 || args[0] != "web\n1" || r["error"] != c.reason ||
				!strings.HasPrefix(r["receiver"].(string), "<virConnect test+tcp://") || r["effect"] != "read" ||
				dur < float64(250*time.Millisecond) || r["level"] != "ERROR" {
				t.Errorf("record of the abandoned call: %v", r)
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if err := d.Continue(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(10 * time.Second)
			for len(find(audit.records(t), "virConnect.lookupByName")) < 2 && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			recs = find(audit.records(t), "virConnect.lookupByName")
			if len(recs) != 2 || recs[1]["outcome"] != "late" || recs[1]["error"] != "virConnect.lookupByName: Domain not found" {
				t.Errorf("records once the call returned: %v", recs)
			}
		})
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

// TestAuditCompoundResults: tuples and dicts inside a result reach the
// audit log whole (getAllDomainStats' (domain, stats) tuples were {}).
func TestAuditCompoundResults(t *testing.T) {
	t.Parallel()
	var audit lockedBuffer
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), Audit: slog.New(slog.NewJSONHandler(&audit, nil))})
	defer s.Close()
	conn := open(t, s)
	call(t, s, host.ClassConnect, "getAllDomainStats", conn, int64(1)) // VIR_DOMAIN_STATS_STATE
	recs := find(audit.records(t), "virConnect.getAllDomainStats")
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(recs[0]["result"]); err != nil {
		t.Fatal(err)
	}
	if want := `["<virDomain alpha>",{"state.reason":0,"state.state":1}]`; !strings.Contains(b.String(), want) {
		t.Errorf("result %s, want it to hold %s", b.String(), want)
	}
}
