package host

import (
	"errors"
	"reflect"
	"sync/atomic"
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

// TestListSized checks listSized against a node whose domains come and go:
// every answer is the node's whole list at the time, it counts only at
// first and when a list fills what it asked for, and errors are libvirt's.
func TestListSized(t *testing.T) {
	errList := errors.New("virConnectListDomains failed")
	var hint atomic.Int32
	node := []int64{1, 2, 3}
	var counts, lists int
	var listErr error
	count := func() (int, error) { counts++; return len(node), nil }
	list := func(max int) ([]int64, error) {
		lists++
		if listErr != nil {
			return nil, listErr
		}
		return node[:min(max, len(node))], nil
	}
	steps := []struct {
		name         string
		node         []int64
		listErr      error
		counts, list int // calls made by this step
	}{
		{"first: counts, as python3-libvirt", []int64{1, 2, 3}, nil, 1, 1},
		{"same: one list", []int64{1, 2, 3}, nil, 0, 1},
		{"fewer: one list", []int64{1}, nil, 0, 1},
		{"many more: fills the list, counts and lists again", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, nil, 1, 2},
		{"a few more: one list", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, nil, 0, 1},
		{"none: one list", []int64{}, nil, 0, 1},
		{"none again: counts", []int64{}, nil, 1, 0},
		{"list fails", []int64{1}, errList, 1, 1},
	}
	for _, st := range steps {
		node, listErr = st.node, st.listErr
		c0, l0 := counts, lists
		got, err := listSized(&hint, count, list)
		if !errors.Is(err, st.listErr) {
			t.Fatalf("%s: error %v, want %v", st.name, err, st.listErr)
		}
		if err == nil && !reflect.DeepEqual(got, st.node) {
			t.Errorf("%s: got %v, want the node's %v", st.name, got, st.node)
		}
		if counts-c0 != st.counts || lists-l0 != st.list {
			t.Errorf("%s: %d counts and %d lists, want %d and %d", st.name, counts-c0, lists-l0, st.counts, st.list)
		}
	}
}
