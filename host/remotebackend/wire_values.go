package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// Values as the protocol carries them, and the lists libvirt-python asks
// for, shared by the connection's and the domain's areas.

// fromDomain is VIR_FROM_DOMAIN, the domain of the errors libvirt's
// domain API raises before calling a driver.
const fromDomain = 20 // VIR_FROM_DOMAIN

// Errors libvirt raises that this package raises in its place.
const (
	errOperationFailed  = 9  // VIR_ERR_OPERATION_FAILED
	errOperationInvalid = 55 // VIR_ERR_OPERATION_INVALID
)

// opt is an optional string on the wire: "" is NULL.
func opt(s string) libvirt.OptString {
	if s == "" {
		return nil
	}
	return libvirt.OptString{s}
}

// flag is libvirt's int for a bool.
func flag(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// names returns a list of names, never nil, as the cgo backend returns
// them.
func names(list []string, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	if list == nil {
		return []string{}, nil
	}
	return list, nil
}

// listIfAny lists with list only when count, which libvirt-python calls
// first (so that its errors name that function), finds some: none is an
// empty list.
func (c *conn) listIfAny(count func() (int32, error), list func(n int32) ([]string, error)) ([]string, error) {
	n, err := count()
	if err != nil || n <= 0 {
		return []string{}, c.conv(err)
	}
	l, err := list(n)
	return names(l, c.conv(err))
}

// cString reads a C char array that the wire carries as []int8 or
// [N]int8, up to its first NUL.
func cString(chars []int8) string {
	b := make([]byte, 0, len(chars))
	for _, ch := range chars {
		if ch == 0 {
			break
		}
		b = append(b, byte(ch))
	}
	return string(b)
}

// saveParams are p's typed parameters (VIR_DOMAIN_SAVE_PARAM_*).
func saveParams(p driver.SaveParams) []libvirt.TypedParam {
	var out []libvirt.TypedParam
	if p.File != nil {
		out = append(out, libvirt.TypedParam{Field: "file", Value: *libvirt.NewTypedParamValueString(*p.File)})
	}
	if p.DXML != nil {
		out = append(out, libvirt.TypedParam{Field: "dxml", Value: *libvirt.NewTypedParamValueString(*p.DXML)})
	}
	return out
}
