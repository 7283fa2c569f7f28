package remotebackend

import (
	"path/filepath"

	"github.com/vertscript/vertscript/host/driver"
)

// absPath makes a file name absolute in the client's working directory,
// as libvirt's client library does (virFileAbsPath) before a save,
// restore, save image or core dump reaches the daemon, whose working
// directory is its own.
func absPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", &driver.Error{Code: errInvalidArg, Domain: fromDomain, Level: driver.ErrError,
			Message: "invalid argument: could not build absolute path of " + path}
	}
	return abs, nil
}
