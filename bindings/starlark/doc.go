// Package starlark runs Starlark scripts on a host session: it exposes the
// core's operation table as the predeclared module libvirt and libvirt's
// objects as Starlark values, and holds no libvirt knowledge of its own.
//
// Scripts see:
//
//	libvirt            the module: open, openReadOnly, getVersion, every VIR_*
//	                   constant, and catch(fn, *args, **kwargs) -> (result, error)
//	argv               the script path and its arguments, a list of strings
//	read_file(path)    a file's content as a string
//	print(*args)       writes to stdout
//
// Python-style top-level code is accepted: for, if and while at top level,
// global reassignment, recursion and sets.
package starlark
