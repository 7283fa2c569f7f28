#!/usr/bin/env python3
# Restore the domains saved in the image files given as arguments (made by
# domsave): libvirt-python's examples/domrestore.py, ported to vertscript.
# The original lists a directory; a vertscript script cannot, so it takes
# the files. It reads local files, so vertscript runs it only with
# --allow read --allow file.
# compat-args: tests/fixtures/saved/saved-vm.img
# compat-flags: --allow read --allow file
import libvirt
import sys

if len(sys.argv) < 2:
    print("usage: domrestore IMAGE...", file=sys.stderr)
    exit(2)

conn = libvirt.open(None)

for file in sys.argv[1:]:
    print("Restoring %s ... " % file)
    ret = conn.restore(file)
    if ret == 0:
        print("done")
    else:
        print("error %d" % ret)

for name in sorted([d.name() for d in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)]):
    print("running: %s" % name)
