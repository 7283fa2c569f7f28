package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// runDoc is `vertscript doc`: the whole reference, or (--coverage) the
// coverage of libvirt-python's API, or (--markdown) the reference as
// Markdown (docs/api.md), or (NAME) the entries of one class, method,
// module function or constant prefix.
func runDoc(args []string, stdout, stderr io.Writer) int {
	var err error
	backend := ""
	if len(args) == 3 && args[0] == "--coverage" && args[1] == "--backend" {
		backend, args = args[2], args[:1]
	}
	switch {
	case backend != "":
		var b driver.Backend
		if b, err = driver.Open(backend); err != nil {
			fmt.Fprintf(stderr, "vertscript: doc --coverage --backend: %v\n", err)
			return exitUsage
		}
		err = host.WriteCoverageOn(stdout, backend, driver.Unsupported(b))
	case len(args) == 0:
		if err = host.WriteDoc(stdout); err == nil {
			for _, l := range languages {
				fmt.Fprintf(stdout, "\n%s (%s): besides the above\n%s\n", l.Name(), strings.Join(l.Extensions(), ", "), indent(l.Builtins()))
			}
		}
	case len(args) == 1 && args[0] == "--coverage":
		err = host.WriteCoverage(stdout)
	case len(args) == 1 && args[0] == "--markdown":
		err = host.WriteMarkdown(stdout, languages)
	case len(args) == 1 && !strings.HasPrefix(args[0], "-"):
		err = host.WriteDocFor(stdout, args[0])
		if unknown := (*host.UnknownNameError)(nil); errors.As(err, &unknown) {
			fmt.Fprintf(stderr, "vertscript: %s\n", terminalSafe(unknown.Error()))
			return exitUsage
		}
	default:
		fmt.Fprintf(stderr, "vertscript: doc takes one NAME, --coverage [--backend NAME] or --markdown\n%s", seeHelp)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: %v\n", err)
		return exitFailed
	}
	return exitOK
}
