//go:build cgo

package main

// A build with cgo has the backend on libvirt's client library.
import _ "github.com/vertscript/vertscript/host/cgobackend"
