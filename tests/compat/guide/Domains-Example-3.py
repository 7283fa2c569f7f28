# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Domains-Example-3.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Domains-Example-3.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-3.py
#!/usr/bin/env python3
import sys
import libvirt

conn = None
try:
    conn = libvirt.open("qemu:///system")
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

domainUUID = '00311636-7767-71d2-e94a-26e7b8bad250'
dom = conn.lookupByUUID(domainUUID)
if dom == None:
    print('Failed to get the domain object', file=sys.stderr)

conn.close()
exit(0)
