package fleet

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseInventory(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Host
		err      string
	}{
		{name: "empty", in: "# nothing\n\n   \n", want: nil},
		{name: "full", in: "# web\nqemu+ssh://root@web1.example.com/system name=web1 tags=web,eu\n\tqemu+tls://db1.example.com/system\ttags=db\n",
			want: []Host{
				{URI: "qemu+ssh://root@web1.example.com/system", Name: "web1", Tags: []string{"web", "eu"}},
				{URI: "qemu+tls://db1.example.com/system", Name: "db1.example.com", Tags: []string{"db"}},
			}},
		{name: "default names", in: "test+tcp://127.0.0.1:16509/default\nqemu:///system\ntest:///default\n",
			want: []Host{
				{URI: "test+tcp://127.0.0.1:16509/default", Name: "127.0.0.1:16509"},
				{URI: "qemu:///system", Name: "qemu_system"},
				{URI: "test:///default", Name: "test_default"},
			}},
		{name: "repeated tags kept once", in: "test:///default tags=a,b,a", want: []Host{{URI: "test:///default", Name: "test_default", Tags: []string{"a", "b"}}}},
		{name: "not a URI", in: "# c\nweb1\n", err: `inventory line 2: "web1" is not a libvirt URI`},
		{name: "bare word", in: "qemu:///system web1\n", err: `inventory line 1: "web1": want name=NAME or tags=TAG,TAG`},
		{name: "unknown field", in: "qemu:///system group=x\n", err: `inventory line 1: unknown field "group="`},
		{name: "name twice", in: "qemu:///system name=a name=b\n", err: "inventory line 1: name= given twice"},
		{name: "bad name", in: "qemu:///system name=../x\n", err: `inventory line 1: host name "../x"`},
		{name: "empty name", in: "qemu:///system name=\n", err: `inventory line 1: host name ""`},
		{name: "bad tag", in: "qemu:///system tags=a,,b\n", err: `inventory line 1: tags=a,,b: tag ""`},
		{name: "duplicate name", in: "qemu+ssh://a/system name=x\n\nqemu+ssh://b/system name=x\n", err: `inventory line 3: host name "x" is already the name of line 1`},
		{name: "duplicate default name", in: "qemu+ssh://a/system\nqemu+tls://a/system\n", err: `inventory line 2: host name "a" is already the name of line 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseInventory(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error %v, want one starting %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestParseInventoryLongLine(t *testing.T) {
	_, err := ParseInventory(strings.NewReader(strings.Repeat("x", maxLine+1)))
	if err == nil || !strings.Contains(err.Error(), "too long") {
		t.Fatalf("error %v, want a line too long", err)
	}
}

func TestParseHosts(t *testing.T) {
	got, err := ParseHosts("test+tcp://127.0.0.1:1/default, test+tcp://127.0.0.1:2/default")
	if err != nil {
		t.Fatal(err)
	}
	want := []Host{{URI: "test+tcp://127.0.0.1:1/default", Name: "127.0.0.1:1"}, {URI: "test+tcp://127.0.0.1:2/default", Name: "127.0.0.1:2"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	for in, msg := range map[string]string{
		"qemu:///system,":                 "an empty URI",
		"web1":                            "not a libvirt URI",
		"test:///default,test:///default": `both named "test_default"`,
	} {
		if _, err := ParseHosts(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseHosts(%q): %v, want an error with %q", in, err, msg)
		}
	}
}

func TestLimit(t *testing.T) {
	hosts := []Host{
		{Name: "web1", Tags: []string{"web", "eu"}},
		{Name: "web2", Tags: []string{"web", "us"}},
		{Name: "db1", Tags: []string{"db", "eu"}},
	}
	names := func(hs []Host) string {
		var n []string
		for _, h := range hs {
			n = append(n, h.Name)
		}
		return strings.Join(n, " ")
	}
	for sel, want := range map[string]string{
		"web":        "web1 web2",
		"eu":         "web1 db1",
		"db1":        "db1",
		"db,us":      "web2 db1",
		"web2,web":   "web1 web2",
		"none":       "",
		"":           "",
		"web1 , db1": "web1 db1",
	} {
		if got := names(Limit(hosts, sel)); got != want {
			t.Errorf("Limit(%q) = %q, want %q", sel, got, want)
		}
	}
}
