# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Domains-Example-12.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Domains-Example-12.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-12.py
#!/usr/bin/env python3
import sys
import libvirt

xmlconfig = '<domain>........</domain>'

conn = None
try:
    conn = libvirt.open("qemu:///system")
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

dom = None
try:
    dom = conn.defineXMLFlags(xmlconfig, 0)
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

if dom.create() < 0:
    print('Can not boot guest domain.', file=sys.stderr)
    exit(1)

print('Guest '+dom.name()+' has booted', file=sys.stderr)

conn.close()
exit(0)
