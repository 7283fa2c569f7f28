package host_test

import (
	"errors"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/xmltree"
)

func TestLimitErrors(t *testing.T) {
	tests := []struct {
		err        *host.LimitError
		limit, msg string
	}{
		{host.StepsError(1000), "max-steps", "max-steps: the script ran more than 1000 steps"},
		{host.DepthError(50), "max-depth", "max-depth: calls nested deeper than 50"},
		{host.WorkError("Element.findall", 7), "max-memory", "max-memory: Element.findall would go through more than 7 elements"},
	}
	for _, tt := range tests {
		if tt.err.Limit != tt.limit || tt.err.Msg != tt.msg {
			t.Errorf("got %q %q, want %q %q", tt.err.Limit, tt.err.Msg, tt.limit, tt.msg)
		}
	}
}

// TestXMLMeter: a meter allows the steps left, and no more elements than
// lists of them fit in the memory limit; its stop is the limit that was
// the tighter one.
func TestXMLMeter(t *testing.T) {
	deep, err := xmltree.Parse("<a>"+repeat("<b/>", 100)+"</a>", nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		lim       host.Limits
		steps     uint64
		wantLimit uint64
		err       string // "" for none
	}{
		{"no limits", host.Limits{}, 0, 0, ""},
		{"steps", host.Limits{MaxSteps: 1000}, 50, 50, "max-steps: the script ran more than 1000 steps"},
		{"memory", host.Limits{MaxMemory: 64 * 10}, 0, 10, "max-memory: Element.iter would go through more than 10 elements"},
		{"the tighter of both", host.Limits{MaxSteps: 1000, MaxMemory: 64 * 1000}, 20, 20, "max-steps: the script ran more than 1000 steps"},
		{"room for all", host.Limits{MaxSteps: 1000, MaxMemory: 1 << 30}, 500, 500, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.lim.XMLMeter(tt.steps)
			if m.Limit != tt.wantLimit {
				t.Errorf("Limit = %d, want %d", m.Limit, tt.wantLimit)
			}
			_, err := deep.Iter("", m)
			err = tt.lim.XMLError(err, "Element.iter")
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tt.err != "":
				var le *host.LimitError
				if !errors.As(err, &le) || le.Msg != tt.err {
					t.Errorf("got %v, want the limit error %q", err, tt.err)
				}
			}
		})
	}
	if err := (host.Limits{}).XMLError(errors.New("bad path"), "Element.find"); err == nil || err.Error() != "Element.find: bad path" {
		t.Errorf("another error: got %v", err)
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}
