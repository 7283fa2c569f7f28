package delayproxy

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"runtime"
	"testing"
	"time"
)

// echo starts a server that echoes each connection back.
func echo(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { io.Copy(c, c); c.Close() }()
		}
	}()
	return ln.Addr().String()
}

// TestDelayAndOrder: a round trip through the proxy takes twice its
// delay, and many small writes come back whole and in order.
func TestDelayAndOrder(t *testing.T) {
	before := runtime.NumGoroutine()
	const delay = 20 * time.Millisecond
	p, err := Start(echo(t), delay)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c.Write([]byte("ping"))
	buf := make([]byte, 4)
	if _, err := io.ReadFull(c, buf); err != nil || string(buf) != "ping" {
		t.Fatalf("read %q, %v", buf, err)
	}
	if rtt := time.Since(start); rtt < 2*delay || rtt > 2*delay+200*time.Millisecond {
		t.Errorf("round trip %s, want about %s", rtt, 2*delay)
	}
	var want bytes.Buffer
	go func() {
		for i := range 2000 {
			fmt.Fprintf(c, "%d,", i)
		}
		c.(*net.TCPConn).CloseWrite()
	}()
	for i := range 2000 {
		fmt.Fprintf(&want, "%d,", i)
	}
	start = time.Now()
	got, err := io.ReadAll(c)
	if err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("got %d bytes (%v), want %d in order", len(got), err, want.Len())
	}
	// Writes pipeline: the whole stream takes about one round trip, not
	// one per write.
	if d := time.Since(start); d > 20*delay {
		t.Errorf("the stream took %s", d)
	}
	c.Close()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before+1 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+1 { // +1: the echo server's accept loop
		t.Errorf("%d goroutines after Close, %d before", n, before)
	}
}

// TestCloseWithOpenConnections: Close ends connections still open.
func TestCloseWithOpenConnections(t *testing.T) {
	p, err := Start(echo(t), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Write([]byte("x"))
	io.ReadFull(c, make([]byte, 1))
	done := make(chan struct{})
	go func() { p.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hung with a connection open")
	}
	if n, err := c.Read(make([]byte, 1)); n != 0 || err == nil {
		t.Errorf("read %d, %v after Close, want the connection closed", n, err)
	}
}
