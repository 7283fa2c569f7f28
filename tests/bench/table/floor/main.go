// Command floor is the benchmark table's floor: each workload of
// tests/bench/table/scripts written as a plain Go program calling
// libvirt.org/go/libvirt directly, with no interpreter in between. The
// harness (tests/bench/table) times it beside the scripts.
//
// Usage: floor -mode name1m|loop100k|ex6|startup
//
// Every mode opens the default URI (LIBVIRT_DEFAULT_URI, which the harness
// sets) except name1m and startup, which open test:///default as their
// scripts do. ex6 prints the same lines as scripts/examples/ex6.*.
package main

import (
	"flag"
	"fmt"
	"os"

	"libvirt.org/go/libvirt"
)

func main() {
	mode := flag.String("mode", "", "the workload: name1m, loop100k, ex6 or startup")
	flag.Parse()
	run, ok := modes[*mode]
	if !ok {
		fmt.Fprintf(os.Stderr, "floor: unknown -mode %q (want name1m, loop100k, ex6 or startup)\n", *mode)
		os.Exit(2)
	}
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "floor: %s: %v\n", *mode, err)
		os.Exit(1)
	}
}

// modes maps each -mode to its workload.
var modes = map[string]func() error{
	"name1m":   name1m,
	"loop100k": loop100k,
	"ex6":      ex6,
	"startup":  startup,
}

// name1m looks up domain 1 of test:///default once and reads its name
// 1,000,000 times.
func name1m() error {
	c, err := libvirt.NewConnect("test:///default")
	if err != nil {
		return err
	}
	defer c.Close()
	d, err := c.LookupDomainById(1)
	if err != nil {
		return err
	}
	defer d.Free()
	for range 1_000_000 {
		if _, err := d.GetName(); err != nil {
			return err
		}
	}
	return nil
}

// loop100k makes 100,000 rounds of: list the running domains' IDs, look
// one up (round i takes ids[i % len(ids)]), read its info and its name.
func loop100k() error {
	c, err := libvirt.NewConnect("")
	if err != nil {
		return err
	}
	defer c.Close()
	for i := range 100_000 {
		ids, err := c.ListDomains()
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return fmt.Errorf("no running domains")
		}
		d, err := c.LookupDomainById(ids[i%len(ids)])
		if err != nil {
			return err
		}
		if _, err := d.GetInfo(); err != nil {
			d.Free()
			return err
		}
		if _, err := d.GetName(); err != nil {
			d.Free()
			return err
		}
		d.Free()
	}
	return nil
}

// ex6 is scripts/examples/ex6.*: suspend, resume and destroy every running
// domain, printing each one's state at each step.
func ex6() error {
	c, err := libvirt.NewConnect("")
	if err != nil {
		return err
	}
	defer c.Close()
	ids, err := c.ListDomains()
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := ex6Domain(c, id); err != nil {
			return err
		}
	}
	return nil
}

// ex6Domain runs ex6's loop body on domain id.
func ex6Domain(c *libvirt.Connect, id uint32) error {
	d, err := c.LookupDomainById(id)
	if err != nil {
		return err
	}
	defer d.Free()
	show := func(suffix string) error {
		name, err := d.GetName()
		if err != nil {
			return err
		}
		info, err := d.GetInfo()
		if err != nil {
			return err
		}
		fmt.Printf("Dom %s  State %d%s\n", name, info.State, suffix)
		return nil
	}
	if err := show(""); err != nil {
		return err
	}
	if err := d.Suspend(); err != nil {
		return err
	}
	if err := show(" (after suspend)"); err != nil {
		return err
	}
	if err := d.Resume(); err != nil {
		return err
	}
	if err := show(" (after resume)"); err != nil {
		return err
	}
	return d.Destroy()
}

// startup opens test:///default and closes it.
func startup() error {
	c, err := libvirt.NewConnect("test:///default")
	if err != nil {
		return err
	}
	_, err = c.Close()
	return err
}
