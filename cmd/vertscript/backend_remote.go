package main

// Every build has the backend on libvirtd's protocol, in Go.
import _ "github.com/vertscript/vertscript/host/remotebackend"
