package host

import (
	"strings"
	"testing"
)

// TestPolicyFileEffect checks that operations with the file effect run
// only when an Allow rule names them, and that Deny still wins.
func TestPolicyFileEffect(t *testing.T) {
	op := &Op{Class: ClassDomain, Name: "save", Effect: File}
	tests := []struct {
		policy Policy
		want   string // "" when allowed
	}{
		{Policy{}, "effect file"},
		{Policy{Allow: []string{"read", "mutate"}}, "effect file"},
		{Policy{Allow: []string{"file"}}, ""},
		{Policy{Allow: []string{"virDomain.save"}}, ""},
		{Policy{Allow: []string{"virDomain.*"}}, ""},
		{Policy{Allow: []string{"file"}, Deny: []string{"virDomain.save"}}, "denied by the rule virDomain.save"},
		{Policy{Allow: []string{"file"}, ReadOnly: true}, "read-only"},
	}
	for _, tt := range tests {
		err := tt.policy.check(op)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%+v: %v, want allowed", tt.policy, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%+v: %v, want an error containing %q", tt.policy, err, tt.want)
		}
	}
}
