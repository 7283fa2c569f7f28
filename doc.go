// Package vertscript runs libvirt runbooks, written in Starlark (.star) or
// Lua (.lua) with libvirt-python's names, from a Go program, sandboxed.
//
// # Quick start
//
//	in, err := vertscript.New(vertscript.Options{
//		URI:    "qemu:///system", // what libvirt.open() opens
//		Stdout: os.Stdout,
//	})
//	if err != nil {
//		log.Fatal(err) // a bad option is reported here, not at a script's first call
//	}
//	_, err = in.Run(ctx, "list.star", []byte(`
//	conn = libvirt.open()
//	for dom in conn.listAllDomains():
//	    print(dom.name())
//	`))
//	var serr *vertscript.Error
//	if errors.As(err, &serr) {
//		fmt.Println(serr.Pos.Line, serr.Msg)
//	}
//
// # Safe by default
//
// The zero Options allow the least: scripts open connections read-only and
// every call that is not a read is refused before libvirt sees it
// (ReadWrite widens that, Allow and Deny narrow it); no URI but Options.URI
// (AllowURI adds patterns); no file (AllowRead adds directories); output
// discarded unless Stdout or Stderr is given; DefaultLimits bound every run
// (a timeout, a call timeout, steps, nesting, memory). New validates the
// options, so that a bad rule fails the program at start-up.
//
// # Runs
//
// Run and RunFile run one script each, in a session of its own that frees
// every libvirt handle and closes every connection the script opened when
// it ends. An Interpreter is safe for concurrent use. A failed script
// returns an *Error, alike in both languages: Msg for a human, Pos as
// fields, and a cause for errors.As: *PolicyError, *LimitError,
// *LibvirtError, or the context's cause when ctx was cancelled.
//
// # Go functions
//
// Modules give scripts Go functions, defined once for both languages:
//
//	tickets := vertscript.Module{Name: "ticket", Funcs: []*vertscript.Op{
//		vertscript.Func("ticket", "open", vertscript.Mutate,
//			[]vertscript.Param{vertscript.Required("title", vertscript.String)},
//			"Opens a ticket; returns its number.",
//			func(ctx context.Context, args []vertscript.Value) (vertscript.Value, error) {
//				return openTicket(ctx, args[0].(string))
//			}),
//	}}
//
// Scripts call ticket.open("disk full"); the policy treats each function as
// an operation (rules "ticket.open", "ticket.*", or its effect), the audit
// log records it, and a dry run records a call whose effect is not Read
// instead of making it.
//
// # Memory
//
// Limits.MaxMemory bounds each run by the values its script holds,
// measured on the interpreter's own goroutine, so one hungry run stops
// alone while the others go on; large allocations and libvirt call
// arguments are checked against it too. libvirt's own memory, stacks and
// garbage belong to the process, not to a run (see host.Limits.MaxMemory
// for the details). For a hard bound, set Options.Isolated: each run gets
// a child process, which the parent kills when its resident memory passes
// MaxMemory plus ChildBaseline. Such a program calls Child first thing in
// main.
package vertscript
