# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Connections-Example-33.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Connections-Example-33.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-33.py
#!/usr/bin/env python3
import sys
import libvirt

# use VPX over HTTPS, select ESX server 'srv1' in datacenter 'dc1'
conn = None
try:
    conn = libvirt.open('vpx://example-vcenter.com/dc1/srv1')
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)
conn.close()
exit(0)
