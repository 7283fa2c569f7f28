package fleet

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestPrefixWriter(t *testing.T) {
	var out bytes.Buffer
	var mu sync.Mutex
	w := NewPrefixWriter(&out, &mu, "web1")
	for _, s := range []string{"one\ntw", "o\n", "", "three", "\nfour\nfive"} {
		if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if got, want := out.String(), "[web1] one\n[web1] two\n[web1] three\n[web1] four\n"; got != want {
		t.Fatalf("before Flush: %q, want %q", got, want)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "[web1] one\n[web1] two\n[web1] three\n[web1] four\n[web1] five\n"; got != want {
		t.Fatalf("after Flush: %q, want %q", got, want)
	}
}

func TestPrefixWriterLongLine(t *testing.T) {
	var out bytes.Buffer
	var mu sync.Mutex
	w := NewPrefixWriter(&out, &mu, "h")
	w.Write(bytes.Repeat([]byte("x"), maxPartial+10))
	w.Flush()
	want := "[h] " + strings.Repeat("x", maxPartial) + "\n[h] " + strings.Repeat("x", 10) + "\n"
	if out.String() != want {
		t.Fatalf("got %d bytes, want %d", out.Len(), len(want))
	}
}

// TestPrefixWritersInterleave has many writers write lines in small
// pieces at once: every line comes out whole, with its writer's prefix.
func TestPrefixWritersInterleave(t *testing.T) {
	var out bytes.Buffer
	var mu sync.Mutex
	var wg sync.WaitGroup
	const writers, lines = 8, 200
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := NewPrefixWriter(&out, &mu, fmt.Sprint("h", i))
			for j := range lines {
				line := fmt.Sprintf("h%d line %d of h%d\n", i, j, i)
				for k := 0; k < len(line); k += 3 {
					w.Write([]byte(line[k:min(k+3, len(line))]))
				}
			}
			w.Flush()
		}()
	}
	wg.Wait()
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != writers*lines {
		t.Fatalf("%d lines, want %d", len(got), writers*lines)
	}
	for _, l := range got {
		var a, b, c int
		if _, err := fmt.Sscanf(l, "[h%d] h%d line %d of h", &a, &b, &c); err != nil || a != b || !strings.HasSuffix(l, fmt.Sprint(" of h", a)) {
			t.Fatalf("mixed line %q", l)
		}
	}
}
