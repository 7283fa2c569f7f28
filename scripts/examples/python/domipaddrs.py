#!/usr/bin/env python3
# Print a domain's interfaces with their MAC and IP addresses:
# libvirt-python's examples/domipaddrs.py, ported to vertscript. The
# original formats with str.format's field widths ({0:10}), which
# Starlark's str.format lacks; the port uses % instead.
# compat-args: test
import libvirt
import sys

IPTYPE = {
    libvirt.VIR_IP_ADDR_TYPE_IPV4: "ipv4",
    libvirt.VIR_IP_ADDR_TYPE_IPV6: "ipv6",
}


def print_dom_ifaces(dom):
    ifaces = dom.interfaceAddresses(libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE)
    if ifaces == None:
        print("Failed to get domain interfaces")
        exit(0)

    print(" %-10s %-20s %-12s %s" % ("Interface", "MAC address", "Protocol", "Address"))

    for (name, val) in ifaces.items():
        if val["addrs"]:
            for addr in val["addrs"]:
                print(" %-10s %-19s %-12s %s/%s" % (
                    name,
                    val["hwaddr"],
                    IPTYPE[addr["type"]],
                    addr["addr"],
                    addr["prefix"]))
        else:
            print(" %-10s %-19s %-12s %s" % (name, val["hwaddr"], "N/A", "N/A"))


uri = None
if len(sys.argv) == 3:
    uri = sys.argv[1]
elif len(sys.argv) != 2:
    print("usage: domipaddrs [URI] DOMAIN", file=sys.stderr)
    exit(2)
domain = sys.argv[-1]

conn = libvirt.open(uri)
if domain not in [d.name() for d in conn.listAllDomains()]:
    print("Domain %s not found" % domain)
    exit(0)

print_dom_ifaces(conn.lookupByName(domain))
conn.close()
