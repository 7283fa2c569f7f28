// Package pyerr is Python's built-in exceptions for the Python dialect of
// the Starlark adapter: the errors that its builtins and modules return
// carry the Python class a script's "except KeyError:" matches, found by
// type, never by reading a message.
package pyerr

import (
	"errors"
	"fmt"
)

// Error is a Python exception raised by a builtin, a module or a script's
// raise statement.
type Error struct {
	Class string // Python's class name: "KeyError", "ValueError", ...
	Msg   string // str(e)
	Value any    // the script's own value for raise X(value), if any
}

// New returns an exception of class with a formatted message.
func New(class, format string, args ...any) *Error {
	return &Error{Class: class, Msg: fmt.Sprintf(format, args...)}
}

// Error formats e as Python's traceback ends: "KeyError: 'x'",
// "libxml2.xpathError: xmlXPathEval() failed".
func (e *Error) Error() string {
	name := Qualified(e.Class)
	if e.Msg == "" {
		return name
	}
	return name + ": " + e.Msg
}

// modules are the modules of the classes that are not built-in.
var modules = map[string]string{
	"libvirtError": "libvirt",
	"libxmlError":  "libxml2", "treeError": "libxml2", "parserError": "libxml2", "uriError": "libxml2", "xpathError": "libxml2",
}

// Qualified is class's name as Python prints it: with its module, for a
// class that is not built-in ("libxml2.xpathError").
func Qualified(class string) string {
	if m, ok := modules[class]; ok {
		return m + "." + class
	}
	return class
}

// parents maps a class to its base, for the built-in hierarchy that
// scripts catch.
var parents = map[string]string{
	"Exception":           "BaseException",
	"SystemExit":          "BaseException",
	"KeyboardInterrupt":   "BaseException",
	"ArithmeticError":     "Exception",
	"ZeroDivisionError":   "ArithmeticError",
	"OverflowError":       "ArithmeticError",
	"LookupError":         "Exception",
	"KeyError":            "LookupError",
	"IndexError":          "LookupError",
	"ValueError":          "Exception",
	"UnicodeError":        "ValueError",
	"UnicodeDecodeError":  "UnicodeError",
	"UnicodeEncodeError":  "UnicodeError",
	"TypeError":           "Exception",
	"AttributeError":      "Exception",
	"NameError":           "Exception",
	"UnboundLocalError":   "NameError",
	"RuntimeError":        "Exception",
	"NotImplementedError": "RuntimeError",
	"RecursionError":      "RuntimeError",
	"AssertionError":      "Exception",
	"ImportError":         "Exception",
	"ModuleNotFoundError": "ImportError",
	"OSError":             "Exception",
	"IOError":             "OSError", // an alias in Python 3
	"EnvironmentError":    "OSError",
	"FileNotFoundError":   "OSError",
	"PermissionError":     "OSError",
	"IsADirectoryError":   "OSError",
	"TimeoutError":        "OSError",
	"StopIteration":       "Exception",
	"EOFError":            "Exception",
	"JSONDecodeError":     "ValueError",
	"libvirtError":        "Exception",
	"libxmlError":         "Exception", // libxml2's, and the classes derived from it
	"treeError":           "libxmlError",
	"parserError":         "libxmlError",
	"uriError":            "libxmlError",
	"xpathError":          "libxmlError",
}

// moduleClasses are the exception classes of the standard modules
// (package pystdlib), by the qualified names Python's tracebacks show:
// scripts catch them as module attributes (except getopt.GetoptError),
// so they are not predeclared names as the built-in ones are.
var moduleClasses = map[string]string{
	"re.error":                      "Exception",
	"getopt.GetoptError":            "Exception",
	"argparse.ArgumentError":        "Exception",
	"argparse.ArgumentTypeError":    "Exception",
	"optparse.OptParseError":        "Exception",
	"optparse.OptionError":          "optparse.OptParseError",
	"optparse.OptionConflictError":  "optparse.OptionError",
	"optparse.OptionValueError":     "optparse.OptParseError",
	"optparse.BadOptionError":       "optparse.OptParseError",
	"optparse.AmbiguousOptionError": "optparse.BadOptionError",
}

// parent is the base class of class.
func parent(class string) string {
	if p, ok := parents[class]; ok {
		return p
	}
	return moduleClasses[class]
}

// Classes lists the built-in exception classes.
func Classes() []string {
	out := make([]string, 0, len(parents))
	for c := range parents {
		out = append(out, c)
	}
	return out
}

// Known reports whether class is a built-in exception class, or one of
// the standard modules' (re.error, getopt.GetoptError, ...).
func Known(class string) bool {
	_, ok := parents[class]
	_, mod := moduleClasses[class]
	return ok || mod || class == "BaseException"
}

// Subclass reports whether class is base or derives from it.
func Subclass(class, base string) bool {
	if class == "IOError" || class == "EnvironmentError" {
		class = "OSError"
	}
	if base == "IOError" || base == "EnvironmentError" {
		base = "OSError"
	}
	for c := class; c != ""; c = parent(c) {
		if c == base {
			return true
		}
	}
	return false
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
