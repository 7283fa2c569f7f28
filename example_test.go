package vertscript_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/vertscript/vertscript"
	"github.com/vertscript/vertscript/fleet"
)

// A read-only run on libvirt's test driver.
func Example() {
	in, err := vertscript.New(vertscript.Options{URI: "test:///default", Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = in.Run(context.Background(), "list.star", []byte(`
conn = libvirt.open()
for dom in conn.listAllDomains():
    print(dom.name(), dom.isActive())
`))
	fmt.Println(err)
	// Output:
	// test 1
	// <nil>
}

// The zero Options are read-only: a call that changes state is refused,
// with the position as fields, in both languages alike.
func Example_readOnly() {
	in, _ := vertscript.New(vertscript.Options{URI: "test:///default"})
	for _, name := range []string{"stop.star", "stop.lua"} {
		src := `libvirt.open().lookupByName("test").destroy()`
		if strings.HasSuffix(name, ".lua") {
			src = `libvirt.open():lookupByName("test"):destroy()`
		}
		_, err := in.Run(context.Background(), name, []byte(src))
		var serr *vertscript.Error
		var perr *vertscript.PolicyError
		if errors.As(err, &serr) && errors.As(err, &perr) {
			fmt.Printf("%s line %d: %s\n", serr.Pos.File, serr.Pos.Line, perr.Reason)
		}
	}
	// Output:
	// stop.star line 1: read-only (the operation's effect is destroy)
	// stop.lua line 1: read-only (the operation's effect is destroy)
}

// Go functions, defined once, called from both languages.
func ExampleFunc() {
	greet := vertscript.Func("app", "greet", vertscript.Read,
		[]vertscript.Param{vertscript.Required("who", vertscript.String), vertscript.Optional("times", vertscript.Int, int64(1))},
		"Greets who, times times.",
		func(_ context.Context, args []vertscript.Value) (vertscript.Value, error) {
			return strings.TrimSpace(strings.Repeat("hello "+args[0].(string)+"! ", int(args[1].(int64)))), nil
		})
	in, err := vertscript.New(vertscript.Options{
		Stdout:  os.Stdout,
		Modules: []vertscript.Module{{Name: "app", Funcs: []*vertscript.Op{greet}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	in.Run(ctx, "greet.star", []byte(`print(app.greet("star", times=2))`))
	in.Run(ctx, "greet.lua", []byte(`print(app.greet("lua"))`))
	// Output:
	// hello star! hello star!
	// hello lua!
}

// New reports a bad option before any script runs.
func ExampleNew() {
	_, err := vertscript.New(vertscript.Options{Deny: []string{"virDomain.destory"}})
	fmt.Println(err)
	// Output:
	// vertscript: policy: bad rule "virDomain.destory": want an operation (virDomain.destroy), a class (virDomain.*) or an effect (read, mutate, destroy, file, privileged)
}

// A script run on a fleet, one host at a time: each host's lines are
// prefixed with its name, and each ends with a result. (The hosts here are
// two names for the test driver; an inventory names real ones, see
// fleet.ParseInventory.)
func ExampleInterpreter_RunHosts() {
	in, err := vertscript.New(vertscript.Options{Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	hosts := []fleet.Host{
		{URI: "test:///default", Name: "web1", Tags: []string{"web"}},
		{URI: "test:///default", Name: "web2", Tags: []string{"web"}},
		{URI: "test:///nosuch.xml", Name: "db1"},
	}
	src := []byte("conn = libvirt.open()\nprint(conn.lookupByID(1).name())\n")
	results := in.RunHosts(context.Background(), hosts, fleet.Options{Parallel: 1}, "name.star", src, nil)
	for _, r := range results {
		fmt.Println(r.Host.Name, r.Status)
	}
	// Output:
	// [web1] test
	// [web2] test
	// web1 ok
	// web2 ok
	// db1 failed
}
