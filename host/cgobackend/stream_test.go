package cgobackend

import (
	"io"
	"testing"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// TestCountRestoresTheCResult: libvirt.org/go/libvirt reports 0 as io.EOF
// and -2, -3 as an error libvirt did not set.
func TestCountRestoresTheCResult(t *testing.T) {
	unset := libvirt.Error{Code: libvirt.ERR_OK}
	failed := libvirt.Error{Code: libvirt.ERR_INTERNAL_ERROR, Domain: libvirt.FROM_STREAMS, Level: libvirt.ERR_ERROR, Message: "internal error: stream is not open"}
	tests := []struct {
		n       int
		err     error
		noError int
		want    int
		wantErr bool
	}{
		{42, nil, host.StreamWouldBlock, 42, false},
		{0, io.EOF, host.StreamWouldBlock, 0, false},
		{0, unset, host.StreamWouldBlock, -2, false},
		{0, unset, host.StreamHole, -3, false},
		{0, failed, host.StreamWouldBlock, 0, true},
	}
	for _, tt := range tests {
		n, err := count(tt.n, tt.err, tt.noError)
		if n != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("count(%d, %v, %d) = %d, %v; want %d, error %v", tt.n, tt.err, tt.noError, n, err, tt.want, tt.wantErr)
		}
		if e, ok := host.AsError(err); tt.wantErr && (!ok || e.Code != 1 || e.Domain != 38 || e.Message != failed.Message) {
			t.Errorf("count(..., %v): error %v, want it as a *host.Error", tt.err, err)
		}
	}
}

// TestVolumeStreams calls virStorageVolDownload and virStorageVolUpload,
// which the test driver does not implement.
func TestVolumeStreams(t *testing.T) {
	c, err := Backend{}.ConnectOpen("test:///default", false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	lc := c.(*conn).c
	pool, err := lc.LookupStoragePoolByName("default-pool")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Free()
	v, err := pool.StorageVolCreateXML("<volume><name>streams.img</name><capacity unit='KiB'>64</capacity></volume>", 0)
	if err != nil {
		t.Fatal(err)
	}
	vol := &storageVol{v: v}
	defer vol.Free()
	defer v.Delete(0)
	st, err := c.StreamNew(0)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Free()
	for name, f := range map[string]func(host.Stream, uint64, uint64, uint32) error{
		"virStorageVolDownload": vol.Download,
		"virStorageVolUpload":   vol.Upload,
	} {
		err := f(st, 0, 10, 0)
		e, ok := host.AsError(err)
		if !ok || e.Code != int(libvirt.ERR_NO_SUPPORT) || e.Domain != int(libvirt.FROM_STORAGE) ||
			e.Message != "this function is not supported by the connection driver: "+name {
			t.Errorf("%s: got %v, want libvirt's not-supported error", name, err)
		}
	}
	if err := vol.Download(fakeStream{}, 0, 0, 0); err == nil {
		t.Errorf("Download on a stream of another backend: got %v, want an error", err)
	}
}

// fakeStream is a host.Stream this backend did not make.
type fakeStream struct{ host.Stream }
