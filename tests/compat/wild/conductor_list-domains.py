# compat-source: https://github.com/weaselkeeper/conductor/blob/a530364b4716e4b0b8415b8babb965bb157652a7/src/list-domains.py
# compat-repo: weaselkeeper/conductor
# compat-path: src/list-domains.py
# compat-commit: a530364b4716e4b0b8415b8babb965bb157652a7
# compat-license: GPL-2.0
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
#!/usr/bin/env  python
""" List running domains on the local qemu session """
import libvirt
conn = libvirt.open("qemu:///session")

for dom_id in conn.listDomainsID():
    dom = conn.lookupByID(dom_id)
    infos = dom.info()
    print dom_id, dom.name()
