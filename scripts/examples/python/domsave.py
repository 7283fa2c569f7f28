#!/usr/bin/env python3
# Save all currently running domains into DIR, which must exist and be
# writable: libvirt-python's examples/domsave.py, ported to vertscript.
# It saves to local files, so vertscript runs it only when allowed:
# --allow read --allow file.
# compat-args: $TMP
# compat-flags: --allow read --allow file
import libvirt
import sys

if len(sys.argv) != 2:
    print("usage: domsave DIR", file=sys.stderr)
    exit(2)
target = sys.argv[1]

conn = libvirt.open(None)

doms = conn.listDomainsID()
for id in doms:
    if id == 0:
        continue
    dom = conn.lookupByID(id)
    print("Saving %s[%d] ... " % (dom.name(), id))
    path = target + "/" + dom.name()
    ret = dom.save(path)
    if ret == 0:
        print("done")
    else:
        print("error %d" % ret)
