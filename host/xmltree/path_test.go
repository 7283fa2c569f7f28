package xmltree

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// doc is the document of the path cases: a libvirt domain, with nested
// elements of one tag and namespaces.
const doc = `<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>web-1</name>
  <devices>
    <disk type='file' device='disk'>
      <source file='/var/lib/a.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <interface type='bridge'>
      <mac address='52:54:00:00:00:01'/>
      <source bridge='br0'/>
      <model type='virtio'/>
    </interface>
    <interface type='network'>
      <mac address='52:54:00:00:00:02'/>
      <source network='default'/>
    </interface>
    <a><a><a><b>x</b></a><b>y<c/>z</b></a></a>
  </devices>
  <qemu:commandline><qemu:arg value='-s'/></qemu:commandline>
  <metadata><app xmlns='urn:app'><v>1</v></app></metadata>
</domain>`

var ns = map[string]string{"q": "http://libvirt.org/schemas/domain/qemu/1.0", "app": "urn:app"}

type pathCase struct {
	path string
	ns   map[string]string
	want string
}

// pathCases were recorded with Python 3.11's xml.etree.ElementTree on doc:
// root.findall(path, namespaces), each element written as its local name
// and its index in root.iter().
var pathCases = []pathCase{
	{"", nil, ""},
	{".", nil, "domain#0"},
	{"..", nil, ""},
	{"name", nil, "name#1"},
	{"*", nil, "name#1 devices#2 commandline#22 metadata#24"},
	{"devices/disk", nil, "disk#3 disk#6"},
	{"devices/disk/", nil, "source#4 target#5 target#7 readonly#8"},
	{".//disk", nil, "disk#3 disk#6"},
	{".//*", nil, "name#1 devices#2 disk#3 source#4 target#5 disk#6 target#7 readonly#8 interface#9 mac#10 source#11 model#12 interface#13 mac#14 source#15 a#16 a#17 a#18 b#19 b#20 c#21 commandline#22 arg#23 metadata#24 app#25 v#26"},
	{"devices/*/target", nil, "target#5 target#7"},
	{".//target/..", nil, "disk#3 disk#6"},
	{"devices/disk[@device='cdrom']", nil, "disk#6"},
	{"devices/disk[@device!='cdrom']", nil, "disk#3"},
	{".//interface[@type='bridge']/source", nil, "source#11"},
	{".//source[@bridge]", nil, "source#11"},
	{".//disk[readonly]", nil, "disk#6"},
	{".//disk[target]/target", nil, "target#5 target#7"},
	{"devices/disk[1]", nil, "disk#3"},
	{"devices/disk[2]", nil, "disk#6"},
	{"devices/disk[3]", nil, ""},
	{"devices/disk[last()]", nil, "disk#6"},
	{"devices/interface[last()-1]", nil, "interface#9"},
	{"devices/*[1]", nil, "disk#3 interface#9 a#16"},
	{"devices/*[2]", nil, "disk#6 interface#13"},
	{".[1]", nil, ""},
	{"devices/a//b", nil, "b#19 b#20"},
	{".//a//b", nil, "b#19 b#20 b#19 b#20 b#19"},
	{".//a/b", nil, "b#20 b#19"},
	{".//a/..", nil, "devices#2 a#16 a#17"},
	{".//b[.='x']", nil, "b#19"},
	{".//b[.='yz']", nil, "b#20"},
	{".//b[.!='x']", nil, "b#20"},
	{".//a[b='x']", nil, "a#18"},
	{".//a[b!='x']", nil, "a#17"},
	{".//a[b='yz']", nil, "a#17"},
	{"{http://libvirt.org/schemas/domain/qemu/1.0}commandline", nil, "commandline#22"},
	{"{*}commandline/{*}arg", nil, "arg#23"},
	{"q:commandline/q:arg", ns, "arg#23"},
	{".//{urn:app}v", nil, "v#26"},
	{".//{urn:app}*", nil, "app#25 v#26"},
	{".//{}*", nil, "name#1 devices#2 disk#3 source#4 target#5 disk#6 target#7 readonly#8 interface#9 mac#10 source#11 model#12 interface#13 mac#14 source#15 a#16 a#17 a#18 b#19 b#20 c#21 metadata#24"},
	{"metadata/app:app/app:v", ns, "v#26"},
	{"metadata/{*}app", nil, "app#25"},
	{"name[1]", nil, "name#1"},
	{"devices[1]/disk[2]/target", nil, "target#7"},
	{"devices/disk[01]", nil, "disk#3"},
	{"devices/disk[99999999999999999999999]", nil, ""},
	{"devices/disk[last()-99999999999999999999999]", nil, ""},
	{"devices/interface[ @type = 'network' ]", nil, "interface#13"},
	{"devices/interface[@type=\"network\"]", nil, "interface#13"},
	{"devices/interface[mac][source]", nil, "interface#9 interface#13"},
	{"devices[disk]/interface", nil, "interface#9 interface#13"},
	{"./devices/./disk", nil, "disk#3 disk#6"},
	{"devices//target", nil, "target#5 target#7"},
	{".//a[1]", nil, "a#16 a#17 a#18"},
	{"name/..", nil, "domain#0"},
	{"devices/..", nil, "domain#0"},
	{"devices/../name", nil, "name#1"},
	{"*/*/..", nil, "devices#2 commandline#22 metadata#24"},
	{"devices/disk/target[@bus='virtio']/../source", nil, "source#4"},
}

func describe(root *Element, found []*Element) string {
	index := map[*Element]int{}
	all, _ := root.Iter("", nil)
	for i, e := range all {
		index[e] = i
	}
	parts := make([]string, len(found))
	for i, e := range found {
		tag := e.Tag()
		if j := strings.LastIndex(tag, "}"); j >= 0 {
			tag = tag[j+1:]
		}
		parts[i] = fmt.Sprintf("%s#%d", tag, index[e])
	}
	return strings.Join(parts, " ")
}

func mustParse(t *testing.T, src string) *Element {
	t.Helper()
	root, err := Parse(src, nil)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return root
}

func TestPathsAsPython(t *testing.T) {
	root := mustParse(t, doc)
	for _, c := range pathCases {
		p, err := Compile(c.path, c.ns)
		if err != nil {
			t.Errorf("Compile(%q): %v", c.path, err)
			continue
		}
		found, err := p.FindAll(root, nil)
		if err != nil {
			t.Errorf("FindAll(%q): %v", c.path, err)
			continue
		}
		if got := describe(root, found); got != c.want {
			t.Errorf("FindAll(%q) = %s, want %s", c.path, got, c.want)
		}
	}
}

func TestPathErrors(t *testing.T) {
	for _, c := range []struct{ path, err string }{
		// Python's own messages.
		{"/domain", "cannot use absolute path on element"},
		{"//disk", "cannot use absolute path on element"},
		{"//", "cannot use absolute path on element"},
		{"devices/disk[0]", "XPath position >= 1 expected"},
		{"devices/disk[-1]", "XPath position >= 1 expected"},
		{"devices/disk[@device=cdrom]", "invalid predicate (quote the value: [@attr='value'], [tag='text'])"},
		{"disk[a b]", "invalid predicate"},
		{"disk[*]", "invalid predicate"},
		{"devices/disk[last()+1]", "XPath offset from last() must be negative"},
		{"devices/disk[last()-0]", "XPath offset from last() must be negative"},
		{"devices/disk[last()-x]", "unsupported expression"},
		{"devices/disk[first()]", "unsupported function"},
		{".//[1]", "invalid descendant"},
		{".//.", "invalid descendant"},
		{"a///b", "invalid descendant"},
		{"q:commandline", `prefix "q" not found in prefix map`},
		// Where Python raises an unrelated error or takes the path
		// for a strange tag.
		{"@type", `unexpected "@"`},
		{"disk]", `unexpected "]"`},
		{"devices/disk[1", "missing ]"},
		{"devices / disk", "unexpected space"},
	} {
		_, err := Compile(c.path, nil)
		var pe *PathError
		if !errors.As(err, &pe) || pe.Msg != c.err || pe.Path != c.path {
			t.Errorf("Compile(%q): got %v, want %s", c.path, err, c.err)
			continue
		}
		if want := fmt.Sprintf("invalid path %q: %s", c.path, c.err); err.Error() != want {
			t.Errorf("Compile(%q): message %q, want %q", c.path, err, want)
		}
	}
}

func TestFindAndText(t *testing.T) {
	root := mustParse(t, doc)
	find := func(path string) *Element {
		t.Helper()
		p, err := Compile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		e, err := p.Find(root, nil)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	findText := func(path string) (string, bool) {
		t.Helper()
		p, err := Compile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		s, ok, err := p.FindText(root, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s, ok
	}
	// As Python: findtext("name") 'web-1', findtext("devices/disk")
	// '\n      ', findtext("nope") None, findtext(".//b") 'x'.
	for path, want := range map[string]string{"name": "web-1", "devices/disk": "\n      ", ".//b": "x", ".//readonly": ""} {
		if got, ok := findText(path); !ok || got != want {
			t.Errorf("FindText(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
	if _, ok := findText("nope"); ok {
		t.Errorf("FindText(nope) found something")
	}
	if e := find("nope"); e != nil {
		t.Errorf("Find(nope) = %v", e.Tag())
	}
	if e := find("devices/disk[2]/target"); e == nil || e.Tag() != "target" {
		t.Fatalf("Find(devices/disk[2]/target) = %v", e)
	} else if v, ok := e.Get("dev"); !ok || v != "hdc" {
		t.Errorf("Get(dev) = %q, %v", v, ok)
	}

	// Text and tail are absent (None in Python) or strings.
	disk := find("devices/disk")
	if tail, ok := disk.Tail(); !ok || tail != "\n    " {
		t.Errorf("disk tail %q %v", tail, ok)
	}
	if text, ok := root.Text(); !ok || text != "\n  " {
		t.Errorf("root text %q %v", text, ok)
	}
	if _, ok := find(".//readonly").Text(); ok {
		t.Errorf("<readonly/> has a text")
	}
	if texts, _ := find("devices/a").IterText(nil); strings.Join(texts, ",") != "x,y,z" {
		t.Errorf("IterText = %q", texts)
	}
	disks, _ := root.Iter("disk", nil)
	all, _ := root.Iter("", nil)
	star, _ := root.Iter("*", nil)
	if len(disks) != 2 || len(all) != 27 || len(star) != 27 || root.Size() != 27 {
		t.Errorf("Iter: %d disks, %d elements, %d with *, size %d", len(disks), len(all), len(star), root.Size())
	}
	// The search starts from the element it is given: .. goes no higher.
	p, _ := Compile("..", nil)
	if up, _ := p.FindAll(disk, nil); len(up) != 0 {
		t.Errorf("disk.findall('..') = %d elements", len(up))
	}
}

func TestMeterBoundsWork(t *testing.T) {
	// A chain of 2,000 nested <a>: ".//a//a//a" finds about 2000^3/6
	// elements, which no meter of 100,000 units allows.
	src := strings.Repeat("<a>", 2000) + strings.Repeat("</a>", 2000)
	root := mustParse(t, src)
	p, err := Compile(".//a//a//a", nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &Meter{Limit: 100_000}
	_, err = p.FindAll(root, m)
	var we *WorkError
	if !errors.As(err, &we) || we.Limit != 100_000 {
		t.Fatalf("FindAll: %v, want a WorkError", err)
	}
	if err.Error() != "xml: more than 100000 elements to go through" {
		t.Errorf("message %q", err)
	}
	m = &Meter{Limit: 100_000}
	if _, err := root.Iter("", m); err != nil || m.Used != 2000 {
		t.Errorf("Iter: %v, used %d", err, m.Used)
	}
	if _, err := root.Iter("", &Meter{Limit: 1999}); !errors.As(err, &we) {
		t.Errorf("Iter past the limit: %v", err)
	}
	// Positions among many siblings are found once per parent, not once
	// per sibling.
	wide := mustParse(t, "<r>"+strings.Repeat("<x/>", 20000)+"</r>")
	p, _ = Compile("x[last()]", nil)
	m = &Meter{}
	found, err := p.FindAll(wide, m)
	if err != nil || len(found) != 1 || m.Used > 100_000 {
		t.Errorf("x[last()]: %d found, %v, used %d", len(found), err, m.Used)
	}
}
