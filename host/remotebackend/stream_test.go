package remotebackend_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/host/remotebackend"
)

// TestVolumeStreams uploads to a volume and downloads it again through a
// daemon whose storage driver moves data (the test driver has no
// virStorageVolUpload): VERTSCRIPT_STORAGE_URI names it, e.g.
// storage+tcp://127.0.0.1:PORT/system of a libvirtd that loads
// libvirt_driver_storage.so, and VERTSCRIPT_STORAGE_DIR a directory for a
// transient pool. Without them the test is skipped.
func TestVolumeStreams(t *testing.T) {
	uri, dir := os.Getenv("VERTSCRIPT_STORAGE_URI"), os.Getenv("VERTSCRIPT_STORAGE_DIR")
	if uri == "" || dir == "" {
		t.Skip("VERTSCRIPT_STORAGE_URI and VERTSCRIPT_STORAGE_DIR name a daemon with a storage driver")
	}
	c, err := remotebackend.Backend{}.ConnectOpen(uri, false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	p, err := c.StoragePoolCreateXML(`<pool type='dir'><name>vertscript-streams</name><target><path>`+dir+`</path></target></pool>`, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Destroy()
	v, err := p.StorageVolCreateXML(`<volume><name>v</name><capacity>3000000</capacity><target><format type='raw'/></target></volume>`, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Delete(0)
	data := bytes.Repeat([]byte("0123456789abcdef"), 3000000/16)

	up, _ := c.StreamNew(0)
	if err := v.Upload(up, 0, 0, 0); err != nil {
		t.Fatal(err)
	}
	for off := 0; off < len(data); off += 100000 {
		if n, err := up.Send(data[off:min(off+100000, len(data))]); err != nil || n != min(100000, len(data)-off) {
			t.Fatalf("Send: %d, %v", n, err)
		}
	}
	if err := up.Finish(); err != nil {
		t.Fatalf("Finish after upload: %v", err)
	}
	if _, err := up.Send([]byte("x")); !isCode(err, 9) {
		t.Errorf("Send after Finish: %v, want the stream closed", err)
	}

	for _, flags := range []uint32{0, 1} { // blocking, VIR_STREAM_NONBLOCK
		down, _ := c.StreamNew(flags)
		if err := v.Download(down, 0, 0, 0); err != nil {
			t.Fatal(err)
		}
		var got []byte
		buf := make([]byte, 65536)
		for {
			n, err := down.Recv(buf)
			if err != nil {
				t.Fatal(err)
			}
			if n == driver.StreamWouldBlock {
				continue
			}
			if n == 0 {
				break
			}
			got = append(got, buf[:n]...)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("flags %d: downloaded %d bytes, not the %d uploaded", flags, len(got), len(data))
		}
		if err := down.Finish(); err != nil {
			t.Errorf("Finish after download: %v", err)
		}
	}

	// Another call while a download waits, unread.
	down, _ := c.StreamNew(0)
	if err := v.Download(down, 0, 0, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := p.GetInfo(); err != nil {
		t.Errorf("a call while a download waits: %v", err)
	}
	if err := down.Finish(); err != nil {
		t.Errorf("Finish before the end: %v", err)
	}

	// A download ended early, then another call on the connection.
	down, _ = c.StreamNew(0)
	if err := v.Download(down, 0, 0, 0); err != nil {
		t.Fatal(err)
	}
	if n, err := down.Recv(make([]byte, 10)); n != 10 || err != nil {
		t.Fatalf("Recv: %d, %v", n, err)
	}
	if err := down.Abort(); err != nil {
		t.Errorf("Abort: %v", err)
	}
	if _, err := down.Recv(make([]byte, 10)); !isCode(err, 9) {
		t.Errorf("Recv after Abort: %v, want the stream closed", err)
	}
	if _, err := p.GetInfo(); err != nil {
		t.Errorf("a call after an aborted download: %v", err)
	}

	// An upload aborted: the daemon is told, and the connection goes on.
	up, _ = c.StreamNew(0)
	if err := v.Upload(up, 0, 0, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := up.Send([]byte("partial")); err != nil {
		t.Fatal(err)
	}
	if err := up.Abort(); err != nil {
		t.Errorf("Abort: %v", err)
	}
	if _, err := p.GetInfo(); err != nil {
		t.Errorf("a call after an aborted upload: %v", err)
	}
}

func isCode(err error, code int) bool {
	e, ok := driver.AsError(err)
	return ok && e.Code == code
}
