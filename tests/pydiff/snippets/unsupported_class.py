# expect: unsupported
import libvirt
class Inventory:  # unsupported here
    def __init__(self, uri):
        self.conn = libvirt.open(uri)
print(Inventory("test:///default").conn.getType())
