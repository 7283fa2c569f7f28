# compat-source: https://github.com/Habib-allah/Virtual-Machines-Manager/blob/bdfe1d93f6c835f84cc1c434c0171ef0a806ce68/scripts/startVm.py
# compat-repo: Habib-allah/Virtual-Machines-Manager
# compat-path: scripts/startVm.py
# compat-commit: bdfe1d93f6c835f84cc1c434c0171ef0a806ce68
# compat-license: CC0-1.0
# compat-args: test
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
import sys
import libvirt

conn = libvirt.open('qemu:///system')
name=sys.argv[1]
if conn == None:
    print('Failed to open connection')
    exit(1)

dom = conn.lookupByName(name)
dom.create()
