# compat-source: https://github.com/Habib-allah/Virtual-Machines-Manager/blob/bdfe1d93f6c835f84cc1c434c0171ef0a806ce68/scripts/hyp_name.py
# compat-repo: Habib-allah/Virtual-Machines-Manager
# compat-path: scripts/hyp_name.py
# compat-commit: bdfe1d93f6c835f84cc1c434c0171ef0a806ce68
# compat-license: CC0-1.0
# compat-args: test
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
import libvirt
import sys

conn=libvirt.open("qemu:///system")
print (conn.getHostname())
sys.stdout.flush()
