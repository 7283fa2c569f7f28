# A differential snippet (tests/pydiff/snippets) of what libvirt scripts do with libxml2: dominfo.py,
# domstart.py, nodestats.py and the munin plugins' reads, verbatim where they can be; it runs once
# the Python dialect's module table has libxml2.
import libvirt
import libxml2

# dominfo.py / esxlist.py
def print_entry(key: str, value) -> None:
    print("%-10s %-10s" % (key, value))

def print_xml(key: str, ctx, path: str) -> str:
    res = ctx.xpathEval(path)
    if res is None or len(res) == 0:
        value = "Unknown"
    else:
        value = res[0].content
    print_entry(key, value)
    return value

conn = libvirt.openReadOnly(None)
dom = conn.lookupByName("test")
xmldesc = dom.XMLDesc(0)
doc = libxml2.parseDoc(xmldesc)
ctx = doc.xpathNewContext()
print_xml("Type:", ctx, "/domain/os/type")
print_xml("Kernel:", ctx, "/domain/os/kernel")
devs = ctx.xpathEval("/domain/devices/*")
for d in devs:
    ctx.setContextNode(d)
    type = print_xml("Type:", ctx, "@type")
    if type == "file":
        print_xml("Source:", ctx, "source/@file")
        print_xml("Target:", ctx, "target/@dev")
    elif type == "network":
        print_xml("Source:", ctx, "source/@network")
        print_xml("MAC Addr:", ctx, "mac/@address")

# domstart.py
name = libxml2.parseDoc(xmldesc).xpathNewContext().xpathEval("/domain/name")[0].content
print("name", name)

# munin libvirt-blkstat / ifstat
def get_devs(dom, path):
    xml = dom.XMLDesc(0)
    doc = None
    try:
        doc = libxml2.parseDoc(xml)
    except Exception:
        return []
    ctx = doc.xpathNewContext()
    disks = []
    try:
        ret = ctx.xpathEval(path)
        for node in ret:
            devdst = None
            for child in node.children:
                if child.name == "target":
                    devdst = child.prop("dev")
            if devdst is None:
                continue
            disks.append(devdst)
    finally:
        if ctx is not None:
            ctx.xpathFreeContext()
        if doc is not None:
            doc.freeDoc()
    return disks
print(",".join(get_devs(dom, "/domain/devices/disk")), ",".join(get_devs(dom, "/domain/devices/interface")))

# munin libvirt-mem
memtune = {}
for key in ["memory", "currentMemory", "vcpu", "nothing"]:
    ret = ctx.xpathEval("/domain/%s" % key)
    if len(ret) > 0:
        for child in ret[0].children:
            memtune[key] = int(child.content)
print(" ".join(["%s=%d" % (k, v) for k, v in sorted(memtune.items())]))

# nodestats.py
ctx.setContextNode(doc)
pin = ctx.xpathEval("string(/domain/numatune/memory/@nodeset)")
memsize = ctx.xpathEval("string(/domain/memory)")
print("memory", int(memsize), "[%s]" % pin)
print(ctx.xpathEval("count(/domain/devices/disk/source[@file='/guest/diskimage1'])"))
for n in ctx.xpathEval("//address[@bus='0x00']"):
    print(n.name, n.prop("slot"), n.parent.name, str(n))

# errors
try:
    libxml2.parseDoc("<domain>")
except libxml2.parserError as e:
    print("parserError", e)
try:
    ctx.xpathEval("/domain[")
except libxml2.libxmlError as e:
    print("libxmlError", e)
try:
    libxml2.parseFile("missing.xml")
except libxml2.parserError as e:
    print("parserError", e)
print(doc.getRootElement().name, doc.name, ctx.xpathEval("/domain/uuid")[0].serialize())
print(ctx.xpathEval("1 = 1"), ctx.xpathEval("boolean(/nothing)"), ctx.xpathEval("round(-0.4)"), ctx.xpathEval("0 div 0"))
conn.close()
