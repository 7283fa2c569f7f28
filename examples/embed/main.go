// Command embed is an HTTP service that runs approved runbooks, read-only
// and under a timeout: the runbooks are the .star and .lua files of one
// directory, run by name.
//
//	go run ./examples/embed -runbooks examples/embed/runbooks -c test:///default
//	curl -X POST localhost:8080/run/inventory.star
//
// POST /run/NAME runs the runbook NAME (its arguments in the query, as
// ?arg=a&arg=b) and answers JSON: {"stdout", "stderr", "error"}, where
// error, when the run failed, has the message, the position (file, line,
// col) and the kind (policy, limit, libvirt, exit, script).
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/vertscript/vertscript"
)

func main() {
	vertscript.Child() // a child of an -isolated run: runs it and exits

	addr := flag.String("addr", "localhost:8080", "the address to listen on")
	dir := flag.String("runbooks", "runbooks", "the directory of the approved runbooks")
	uri := flag.String("c", "qemu:///system", "the libvirt URI runbooks connect to")
	timeout := flag.Duration("timeout", 30*time.Second, "how long one run may take")
	isolated := flag.Bool("isolated", false, "run each runbook in a child process of its own")
	flag.Parse()

	h, err := NewHandler(Config{Dir: *dir, URI: *uri, Timeout: *timeout, Isolated: *isolated})
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("serving the runbooks of %s on %s", *dir, *addr)
	log.Fatal(srv.ListenAndServe())
}
