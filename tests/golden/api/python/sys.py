# sys.stdout, sys.stderr, sys.argv and sys.exit("message") as in Python. compare-python deletes
# only "import libvirt": delete "import sys" too, e.g. with a copy of the tool whose grep is
#   grep -Ev "^import (libvirt|sys)$"
import libvirt
import sys
conn = libvirt.open()
print("domains:", len(conn.listAllDomains()), file=sys.stdout)
print("to stderr", file=sys.stderr)
n = sys.stdout.write("héllo via sys.stdout.write\n")
sys.stdout.flush()
sys.stderr.write("via sys.stderr.write\n")
print("write returned", n, "and", len(sys.argv), "argv entry")
def check(dom):
    if dom.isActive() != 1:
        sys.exit("%s is not running" % dom.name())
    print("%s is running" % dom.name(), flush=True)
check(conn.lookupByName("test"))
conn.lookupByName("test").destroy()
check(conn.lookupByName("test"))
print("not reached")
