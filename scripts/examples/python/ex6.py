# Listing 6 of the IBM developerWorks libvirt article (the seed's ex6), Python 3 form.
# The empty URI means the host's default: -c/--connect, else LIBVIRT_DEFAULT_URI.
import libvirt
conn = libvirt.open()
for id in conn.listDomainsID():
    dom = conn.lookupByID(id)
    print("Dom %s  State %s" % (dom.name(), dom.info()[0]))
    dom.suspend()
    print("Dom %s  State %s (after suspend)" % (dom.name(), dom.info()[0]))
    dom.resume()
    print("Dom %s  State %s (after resume)" % (dom.name(), dom.info()[0]))
    dom.destroy()
