# minidom, the read-only subset of Python's xml.dom.minidom, on libvirt's XML:
# libvirt-python's topology.py and nodestats.py on the capabilities, the
# domains' descriptions, text nodes, siblings, namespaces in metadata, and
# writing XML back. This file with "import libvirt" and
# "from xml.dom import minidom" added (tests/golden/api/python/minidom.py)
# prints the same under python3 with python3-libvirt, on the same fixture:
#   grep -Ev '^(import libvirt|from xml.dom import minidom)$' tests/golden/api/python/minidom.py | diff - tests/golden/api/minidom.star
#   LIBVIRT_DEFAULT_URI=test://$PWD/tests/fixtures/node.xml /usr/bin/python3 tests/golden/api/python/minidom.py |
#       diff - tests/golden/testdata/api-minidom.stdout
import libvirt
from xml.dom import minidom
conn = libvirt.open()

print("== topology.py, on test:///default (whose host has NUMA cells)")
capsXML = libvirt.openReadOnly("test:///default").getCapabilities()
caps = minidom.parseString(capsXML)
host = caps.getElementsByTagName('host')[0]
cells = host.getElementsByTagName('cells')[0]
total_cpus = cells.getElementsByTagName('cpu').length

socketIds = []
siblingsIds = []

socketIds = [
    proc.getAttribute('socket_id')
    for proc in cells.getElementsByTagName('cpu')
    if proc.getAttribute('socket_id') not in socketIds
]

siblingsIds = [
    proc.getAttribute('siblings')
    for proc in cells.getElementsByTagName('cpu')
    if proc.getAttribute('siblings') not in siblingsIds
]

print("Host topology")
print("NUMA nodes:", cells.getAttribute('num'))
print("   Sockets:", len(set(socketIds)))
print("     Cores:", len(set(siblingsIds)))
print("   Threads:", total_cpus)

print("== nodestats.py")
nodesIDs = [
    int(proc.getAttribute("id"))
    for proc in cells.getElementsByTagName("cell")
]
print("NUMA nodes:\t" + "\t".join([str(node) for node in nodesIDs]))
for cell in cells.getElementsByTagName("cell"):
    memory = cell.getElementsByTagName("memory")[0]
    cpus = cell.getElementsByTagName("cpus")[0]
    print("cell %s: %s %s, %s cpus, %d child nodes" % (cell.getAttribute("id"), memory.firstChild.data,
                                                      memory.getAttribute("unit"), cpus.getAttribute("num"),
                                                      cpus.childNodes.length))
print("item(1): cell %s, item(2): %s, item(-1): %s" % (cells.getElementsByTagName("cell").item(1).getAttribute("id"),
                                                       cells.getElementsByTagName("cell").item(2) == None,
                                                       cells.getElementsByTagName("cell").item(-1) == None))
print("empty <doi>: %d children, %s, firstChild None: %s" % (len(caps.getElementsByTagName("doi")[0].childNodes),
                                                             caps.getElementsByTagName("doi")[0].toxml(),
                                                             caps.getElementsByTagName("doi")[0].firstChild == None))
print("elements: %d, guests: %d, below <host>: %d" % (caps.getElementsByTagName("*").length,
                                                     len(caps.getElementsByTagName("guest")),
                                                     len(host.getElementsByTagName("*"))))

print("== domains")
for name in sorted([d.name() for d in conn.listAllDomains()]):
    root = minidom.parseString(conn.lookupByName(name).XMLDesc(0)).documentElement
    memory = root.getElementsByTagName("memory")[0]
    macs = [mac.getAttribute("address") for mac in root.getElementsByTagName("mac")]
    print("%s: %s, %s %s, vcpu %s, os %s, macs: %s" % (root.getElementsByTagName("name")[0].firstChild.data,
                                                       root.getAttribute("type"), memory.firstChild.nodeValue,
                                                       memory.getAttribute("unit"),
                                                       root.getElementsByTagName("vcpu")[0].childNodes[0].data,
                                                       root.getElementsByTagName("type")[0].firstChild.wholeText,
                                                       ", ".join(macs) or "none"))

def walk(node, depth):
    pad = "  " * depth
    if node.nodeType == node.TEXT_NODE:
        text = node.data.strip()
        if text:
            print("%stext %s (%d)" % (pad, text, node.length))
        else:
            print("%sspace of %d" % (pad, len(node.data)))
        return
    names = []
    if node.nodeType == node.ELEMENT_NODE:
        names = ["%s=%s" % (k, v) for k, v in node.attributes.items()]
    print("%s%d %s %s" % (pad, node.nodeType, node.nodeName, " ".join(names)))
    for child in node.childNodes:
        walk(child, depth + 1)

print("== a domain with metadata in namespaces")
xmldesc = """<domain type='test'>
  <name>minidom-demo</name>
  <memory unit='MiB'>256</memory>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
    <app:info xmlns:app="urn:example:app" app:owner="ops" tier="2">web &amp; db</app:info>
  </metadata>
  <os><type arch='i686'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/var/lib/libvirt/images/demo.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
  </devices>
</domain>"""
dom = conn.defineXML(xmldesc)
doc = minidom.parseString(dom.XMLDesc(0))
os = doc.getElementsByTagName("libosinfo:os")[0]
print("libosinfo:os: id %s; tagName %s, localName %s, prefix %s, namespaceURI %s" % (os.getAttribute("id"), os.tagName,
                                                                                   os.localName, os.prefix, os.namespaceURI))
print("by namespace: %s; os alone: %d" % (
    " ".join([e.tagName for e in doc.getElementsByTagNameNS("http://libosinfo.org/xmlns/libvirt/domain/1.0", "*")]),
    len(doc.getElementsByTagName("os"))))
info = doc.getElementsByTagName("app:info")[0]
print("app:info: %s; owner %s (NS %s, plain %s); tier %s (NS None: %s)" % (info.firstChild.data, info.getAttribute("app:owner"),
                                                                        info.getAttributeNS("urn:example:app", "owner"),
                                                                        "[%s]" % info.getAttribute("owner"),
                                                                        info.getAttribute("tier"), info.getAttributeNS(None, "tier")))
attrs = info.attributes
for i in range(attrs.length):
    a = attrs.item(i)
    print("  attribute %d: %s = %s (local %s, prefix %s, namespace %s)" % (i, a.name, a.value, a.localName, a.prefix, a.namespaceURI))
print("  %d attributes: %s; 'tier' in: %s, 'x' in: %s, ['tier']: %s, get('x'): %s" % (len(attrs), ", ".join(attrs.keys()),
                                                                                     "tier" in attrs, "x" in attrs,
                                                                                     attrs["tier"].value, attrs.get("x")))
print(info.toxml())
for disk in doc.getElementsByTagName("disk"):
    source = disk.getElementsByTagName("source")
    target = disk.getElementsByTagName("target")[0]
    file = "no source"
    if source.length > 0:
        file = source[0].getAttribute("file")
    print("disk %s: %s, %s, read-only %s, has device: %s, has boot: %s" % (target.getAttribute("dev"), disk.getAttribute("device"), file,
                                                                         len(disk.getElementsByTagName("readonly")) > 0,
                                                                         disk.hasAttribute("device"), disk.hasAttribute("boot")))

print("== the tree, text nodes included")
walk(doc.getElementsByTagName("devices")[0], 0)
walk(doc.getElementsByTagName("metadata")[0], 0)

print("== parents and siblings")
target = doc.getElementsByTagName("target")[1]
print("target: parent %s, grandparent %s, document %s, root %s" % (target.parentNode.tagName, target.parentNode.parentNode.nodeName,
                                                                   target.ownerDocument.nodeName,
                                                                   target.ownerDocument.documentElement.tagName))
node = target.parentNode.firstChild
steps = []
while node != None:
    steps.append(node.nodeName)
    node = node.nextSibling
print("forwards: %s" % " ".join(steps))
node = target.parentNode.lastChild
steps = []
while node != None:
    steps.append(node.nodeName)
    node = node.previousSibling
print("backwards: %s" % " ".join(steps))
print("document: %d %s, parent None: %s, value None: %s, root's parent: %s" % (doc.nodeType, doc.nodeName, doc.parentNode == None,
                                                                             doc.nodeValue == None,
                                                                             doc.documentElement.parentNode.nodeName))
print("same node: %s %s, in list: %s" % (target.isSameNode(doc.getElementsByTagName("target")[1]), target.isSameNode(target.parentNode),
                                         target in doc.getElementsByTagName("target")))
print("has children: %s %s %s" % (target.hasChildNodes(), target.parentNode.hasChildNodes(), target.parentNode.firstChild.hasChildNodes()))
print("lists: %d + %d = %d, [1:] %d, [-1] %s" % (len(doc.getElementsByTagName("disk")), len(doc.getElementsByTagName("target")),
                                                 len(doc.getElementsByTagName("disk") + doc.getElementsByTagName("target")),
                                                 len(doc.getElementsByTagName("disk")[1:]),
                                                 doc.getElementsByTagName("disk")[-1].getAttribute("device")))
print("types: %d %d %d %d" % (doc.DOCUMENT_NODE, target.ELEMENT_NODE, target.parentNode.firstChild.TEXT_NODE,
                              target.getAttributeNode("dev").nodeType))
dom.undefine()

print("== files")
demo = minidom.parse("tests/golden/api/xml-demo.xml")
print("xml-demo: %s, %d interfaces" % (demo.getElementsByTagName("name")[0].firstChild.data, demo.getElementsByTagName("interface").length))
demo = minidom.parse(open("tests/golden/api/xml-demo.xml"))
print("from open(): %s" % demo.documentElement.getElementsByTagName("source")[0].getAttribute("file"))

print("== writing XML")
small = minidom.parseString("<a k='1 &lt; 2' q='&quot;'>x &amp; y<b/><c>\n <d>t</d>\n</c>tail</a>")
print(small.toxml())
print(small.documentElement.toxml())
print(small.toprettyxml())
print(small.documentElement.toprettyxml(indent="  "))
print(small.toprettyxml(indent=". ", newl="|\n"))
print(small.documentElement.firstChild.toxml())
print(len(small.toxml(encoding="utf-8")), len(minidom.parseString("<a>\u00e9</a>").toxml("us-ascii")),
      minidom.parseString("<a>\u00e9t\u00e9</a>").documentElement.firstChild.length)
print(minidom.parseString(conn.lookupByName("test").XMLDesc(0)).getElementsByTagName("os")[0].toxml())
