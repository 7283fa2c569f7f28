# compat-source: https://github.com/Habib-allah/Virtual-Machines-Manager/blob/bdfe1d93f6c835f84cc1c434c0171ef0a806ce68/scripts/vmIpAddress.py
# compat-repo: Habib-allah/Virtual-Machines-Manager
# compat-path: scripts/vmIpAddress.py
# compat-commit: bdfe1d93f6c835f84cc1c434c0171ef0a806ce68
# compat-license: CC0-1.0
# compat-args: test
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
import sys
import libvirt

conn = libvirt.open('qemu:///system')
if conn == None:
    print('Failed to open connection to qemu:///system')
    exit(1)

domainName = sys.argv[1]
dom = conn.lookupByName(domainName)
if dom == None:
    print('Failed to get the domain object')

ifaces = dom.interfaceAddresses(libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, 0)

print("The interface IP addresses:")
for (name, val) in ifaces.iteritems():
    if val['addrs']:
        for ipaddr in val['addrs']:
            if ipaddr['type'] == libvirt.VIR_IP_ADDR_TYPE_IPV4:
                print(ipaddr['addr'])
            elif ipaddr['type'] == libvirt.VIR_IP_ADDR_TYPE_IPV6:
                print(ipaddr['addr'])

conn.close()
exit(0)
