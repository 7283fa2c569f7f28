package host

import (
	"errors"
	"reflect"
	"testing"
)

// TestListIfAny checks libvirt-python's rule for the older list functions:
// the count's error is the answer, nothing counted is an empty list without
// a list call, and otherwise the list is asked for exactly the count.
func TestListIfAny(t *testing.T) {
	errCount := errors.New("virConnectNumOfSecrets failed")
	errList := errors.New("virConnectListSecrets failed")
	tests := []struct {
		name     string
		count    int
		countErr error
		listErr  error
		want     []string
		wantErr  error
		wantMax  int // the max list was called with; 0: not called
	}{
		{name: "count fails", countErr: errCount, wantErr: errCount},
		{name: "none", count: 0, want: []string{}},
		{name: "negative", count: -1, want: []string{}},
		{name: "some", count: 2, want: []string{"a", "b"}, wantMax: 2},
		{name: "list fails", count: 3, listErr: errList, wantErr: errList, wantMax: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotMax := 0
			got, err := listIfAny(func() (int, error) { return tt.count, tt.countErr },
				func(max int) ([]string, error) {
					gotMax = max
					if tt.listErr != nil {
						return nil, tt.listErr
					}
					return []string{"a", "b", "c"}[:max], nil
				})
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if gotMax != tt.wantMax {
				t.Errorf("list called with max %d, want %d", gotMax, tt.wantMax)
			}
			if tt.wantErr == nil && (got == nil || !reflect.DeepEqual(got, tt.want)) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}
