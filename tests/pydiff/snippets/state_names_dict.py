import libvirt
STATES = {
    libvirt.VIR_DOMAIN_RUNNING: "running",
    libvirt.VIR_DOMAIN_PAUSED: "paused",
    libvirt.VIR_DOMAIN_SHUTOFF: "shut off",
}
conn = libvirt.open("test:///default")
for dom in conn.listAllDomains():
    state, reason = dom.state()
    print(dom.name(), STATES.get(state, "unknown"), reason)
