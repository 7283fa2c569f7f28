# compat-source: https://github.com/devdattakulkarni/CloudComputing/blob/ecabdce99804a72a59d20f8b8dfce6ae5fc97fdb/libvirt/domain_handler.py
# compat-repo: devdattakulkarni/CloudComputing
# compat-path: libvirt/domain_handler.py
# compat-commit: ecabdce99804a72a59d20f8b8dfce6ae5fc97fdb
# compat-license: Apache-2.0
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
import libvirt
import sys

conn = libvirt.openReadOnly(None)
if conn == None:
    print 'Failed to open connection to the hypervisor'
    sys.exit(1)

try:
    dom0 = conn.lookupByName("web_devel")
except:
    print 'Failed to find the main domain'
    sys.exit(1)

print "Domain 0: id %d running %s" % (dom0.ID(), dom0.OSType())
print dom0.info()

