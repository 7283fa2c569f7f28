# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Connections-Example-5.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Connections-Example-5.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-5.py
#!/usr/bin/env python3
import sys
import libvirt

conn1 = libvirt.open('qemu:///system')
if conn1 == None:
    print('Failed to open connection to qemu:///system', file=sys.stderr)
    exit(1)
conn2 = libvirt.open('qemu:///system')
if conn2 == None:
    print('Failed to open connection to qemu:///system', file=sys.stderr)
    exit(1)
conn1.close()
conn2.close()
exit(0)
