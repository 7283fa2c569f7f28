package host

import "sort"

// ErrorMethod is one of libvirt-python's libvirtError methods, which each
// adapter exposes on its error values: get_error_code() and the rest read
// one field of the error's tuple (virGetLastError's), as libvirt-python's
// do.
type ErrorMethod struct {
	Name  string // "get_error_code"
	Doc   string // what it returns
	field int    // its index in errorTuple
}

// Get is the method's result for e: an int64, a string or nil (None);
// for an error with no libvirt error behind it (a libvirtError a script
// made itself), nil.
func (m ErrorMethod) Get(e *Error) Value {
	if e == nil {
		return nil
	}
	return errorTuple(e)[m.field]
}

// ErrorMethods are libvirt-python's libvirtError methods, sorted by name.
var ErrorMethods = []ErrorMethod{
	{"get_error_code", "libvirt's error code (VIR_ERR_*)", 0},
	{"get_error_domain", "the part of libvirt that raised it (VIR_FROM_*)", 1},
	{"get_error_level", "the error's level (VIR_ERR_WARNING, VIR_ERR_ERROR)", 3},
	{"get_error_message", "libvirt's message", 2},
	{"get_int1", "libvirt's extra number 1 (-1: none)", 7},
	{"get_int2", "libvirt's extra number 2 (-1: none)", 8},
	{"get_str1", "libvirt's extra string 1", 4},
	{"get_str2", "libvirt's extra string 2 (None: none)", 5},
	{"get_str3", "libvirt's extra string 3 (None: none)", 6},
}

// ErrorMethodNamed returns the libvirtError method called name.
func ErrorMethodNamed(name string) (ErrorMethod, bool) {
	i := sort.Search(len(ErrorMethods), func(i int) bool { return ErrorMethods[i].Name >= name })
	if i < len(ErrorMethods) && ErrorMethods[i].Name == name {
		return ErrorMethods[i], true
	}
	return ErrorMethod{}, false
}

// ErrorMethodNames are the names of ErrorMethods, sorted.
func ErrorMethodNames() []string {
	names := make([]string, len(ErrorMethods))
	for i, m := range ErrorMethods {
		names[i] = m.Name
	}
	return names
}
