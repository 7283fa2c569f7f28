package host

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteDoc writes the reference of the operation table: every function and
// method, with its parameters, result, effect and description.
func WriteDoc(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, class := range Classes() {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\n", class)
		for _, op := range Methods(class) {
			fmt.Fprintf(tw, "  %s\t-> %s\t[%s]\t%s\n", op.Signature(), op.Result, op.Effect, op.Doc)
		}
		if class == ClassModule {
			fmt.Fprintf(tw, "  VIR_*\t-> int or str\t\t%d constants of libvirt-python, e.g. libvirt.VIR_DOMAIN_RUNNING\n", len(Constants))
		}
	}
	return tw.Flush()
}
