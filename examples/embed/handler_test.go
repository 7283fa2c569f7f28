package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript"
)

func TestMain(m *testing.M) {
	vertscript.Child() // a child of an isolated run runs it and exits
	os.Exit(m.Run())
}

func post(t *testing.T, srv *httptest.Server, path string) (int, response) {
	t.Helper()
	res, err := http.Post(srv.URL+path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r response
	if res.Header.Get("Content-Type") == "application/json" {
		if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
	}
	return res.StatusCode, r
}

func TestService(t *testing.T) {
	for _, isolated := range []bool{false, true} {
		h, err := NewHandler(Config{Dir: "runbooks", URI: "test:///default", Timeout: 500 * time.Millisecond, Isolated: isolated})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		defer srv.Close()

		code, r := post(t, srv, "/run/inventory.star")
		if code != http.StatusOK || r.Stdout != "test 1\n" || r.Error != nil {
			t.Errorf("isolated=%v inventory: %d %+v", isolated, code, r)
		}
		code, r = post(t, srv, "/run/stop.lua?arg=test")
		if code != http.StatusUnprocessableEntity || r.Error == nil || r.Error.Kind != "policy" || r.Error.File != "stop.lua" || r.Error.Line != 3 {
			t.Errorf("isolated=%v a mutating runbook: %d %+v", isolated, code, r.Error)
		}
		start := time.Now()
		code, r = post(t, srv, "/run/spin.star")
		if code != http.StatusUnprocessableEntity || r.Error == nil || r.Error.Kind != "limit" || time.Since(start) > 10*time.Second {
			t.Errorf("isolated=%v a runbook that loops: %d %+v after %s", isolated, code, r.Error, time.Since(start))
		}
		for _, path := range []string{"/run/nope.star", "/run/../handler.go", "/run/..%2Fmain.go", "/run/handler_test.go", "/run/", "/other"} {
			if code, _ := post(t, srv, path); code != http.StatusNotFound {
				t.Errorf("isolated=%v %s: status %d, want 404", isolated, path, code)
			}
		}
		// Concurrent requests share nothing.
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if code, r := post(t, srv, "/run/inventory.star"); code != http.StatusOK || r.Stdout != "test 1\n" {
					t.Errorf("isolated=%v concurrent: %d %+v", isolated, code, r)
				}
			}()
		}
		wg.Wait()
	}
}

func TestBadConfig(t *testing.T) {
	if _, err := NewHandler(Config{Dir: "runbooks", URI: "QEMU:///system", Timeout: time.Second}); err == nil {
		t.Error("a bad URI: no error at start-up")
	}
	if _, err := NewHandler(Config{Dir: "no-such-dir", URI: "test:///default", Timeout: time.Second}); err == nil {
		t.Error("a missing runbook directory: no error at start-up")
	}
}
