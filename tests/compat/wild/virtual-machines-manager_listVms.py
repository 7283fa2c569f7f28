# compat-source: https://github.com/Habib-allah/Virtual-Machines-Manager/blob/bdfe1d93f6c835f84cc1c434c0171ef0a806ce68/scripts/listVms.py
# compat-repo: Habib-allah/Virtual-Machines-Manager
# compat-path: scripts/listVms.py
# compat-commit: bdfe1d93f6c835f84cc1c434c0171ef0a806ce68
# compat-license: CC0-1.0
# compat-args: test
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
import sys
import libvirt
conn=libvirt.open("qemu:///system")

domainNames = conn.listDefinedDomains()
for domainName in domainNames:
	print ('{{"name":"{}","state":"{}","maxmem":"{}","nbcpu":"{}"}}'.format(domainName, "-1","NONE","NONE"))

for id in conn.listDomainsID():
	dom = conn.lookupByID(id)
	infos = dom.info()
	print ('{{"name":"{}","state":"{}","maxmem":"{}","nbcpu":"{}"}}'.format(dom.name(), infos[0],infos[1],infos[3]))
sys.stdout.flush()
