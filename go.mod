module github.com/vertscript/vertscript

go 1.26

require (
	github.com/yuin/gopher-lua v1.1.2
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5
	libvirt.org/go/libvirt v1.10009.0
)

require golang.org/x/sys v0.42.0

require (
	github.com/chzyer/readline v1.5.1
	github.com/digitalocean/go-libvirt v0.0.0-20261013170128-efbbdf578ac8
)

require golang.org/x/crypto v0.48.0
