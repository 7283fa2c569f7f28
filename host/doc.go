// Package host is vertscript's core, the same for both script languages:
// the operation table (every libvirt function scripts call, with its
// parameters, effect and documentation), sessions that own the libvirt
// objects a run obtains, the policy, limits, dry run and audit log, and the
// Backend interface that reaches libvirt (host/cgobackend).
//
// Programs that embed vertscript start at the package
// github.com/vertscript/vertscript, which builds sessions from validated,
// safe-by-default options; this package is for the language adapters
// (bindings/starlark, bindings/lua), the backends and the CLI.
//
// A run: NewSession(backend, Options), then Session.Run(ctx, language,
// script), which applies the timeout, the call timeout and the memory
// limit (a Language's own Run does not), then Session.Close.
package host

import (
	"bufio"
	"fmt"
	"io"
)

// WriteDoc writes the reference of the operation table: every function and
// method, with its parameters, result, effect and description.
func WriteDoc(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, "vertscript reference: the libvirt module and its classes, with libvirt-python's names.")
	fmt.Fprintln(b, "Each entry: signature -> result [effect: read, mutate, destroy or file], then what it does.")
	for _, class := range Classes() {
		fmt.Fprintf(b, "\n%s\n", class)
		for _, op := range Methods(class) {
			fmt.Fprintf(b, "  %s -> %s [%s]\n      %s (%s)\n", op.Signature(), op.Result, op.Effect, op.Doc, op.CName)
		}
		if class == ClassModule {
			fmt.Fprintf(b, "  VIR_* -> int or str\n      The %d constants of libvirt-python, e.g. libvirt.VIR_DOMAIN_RUNNING.\n", len(Constants))
			writeModuleValues(b)
		}
	}
	return b.Flush()
}

// writeModuleValues documents the libvirt module's session-dependent
// values (ModuleValues).
func writeModuleValues(b *bufio.Writer) {
	for _, v := range ModuleValues {
		fmt.Fprintf(b, "  %s -> %s\n      %s\n", v.Name, v.Type, v.Doc)
	}
}
