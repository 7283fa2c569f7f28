# compat-source: https://github.com/libvirt/libvirt-appdev-guide-python/blob/f652d7b8cf86ee4f61b2720a3a3d6b45042c7779/en-US/extras/Usage-Example-11.py
# compat-repo: libvirt/libvirt-appdev-guide-python
# compat-path: en-US/extras/Usage-Example-11.py
# compat-commit: f652d7b8cf86ee4f61b2720a3a3d6b45042c7779
# compat-license: CC-BY-SA-3.0 (see README)
# (the lines above were added for vertscript's compat check; the original file follows unchanged)
# Example-11.py
import sys
import libvirt

domName = 'TestAppliance'

conn = None
try:
    conn = libvirt.open("qemu:///system")
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

dom = None
try:
    dom = conn.lookupByName(domName)
except libvirt.libvirtError as e:
    print(repr(e), file=sys.stderr)
    exit(1)

stream = conn.newStream()

# This function supports up to three arguments:
#   stream, screen number and flags.
# We do not need to supply anything for the flags argument.
# The screen number is the sequential number of the screen
#   we want to take a screenshot of.

imageType = domain.screenshot(stream,0)

file = "Screenshot of " + dom.name()
fileHandler = open(file, ’wb’)
streamBytes = stream.recv(262120)

while streamBytes != b’’:
    fileHandler.write(streamBytes)
    streamBytes = stream.recv(262120)
fileHandler.close()

print(’Screenshot saved as type: ’ + imageType)
stream.finish()

conn.close()
exit(0)
