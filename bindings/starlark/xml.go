package starlark

import (
	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/xmlmod"
)

// xmlOptions are the XML modules' options (package xmlmod): they read
// files (minidom.parse(path), ET.parse(path)) as read_file does, through
// the session's policy.
var xmlOptions = xmlmod.Options{
	ReadFile: func(thread *starlark.Thread, op, path string) ([]byte, error) {
		return sessionOf(thread).ReadAs(op, path)
	},
}
