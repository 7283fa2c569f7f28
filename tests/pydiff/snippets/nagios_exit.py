import sys
import libvirt
OK, WARNING, CRITICAL = 0, 1, 2
conn = libvirt.openReadOnly("test:///default")
running = [d.name() for d in conn.listAllDomains() if d.isActive()]
if len(running) < 2:
    print("WARNING - %d domain(s) running: %s" % (len(running), ", ".join(running)))
    sys.exit(WARNING)
print("OK")
sys.exit(OK)
