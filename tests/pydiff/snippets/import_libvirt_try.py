import sys
try:
    import libvirt
except ImportError:
    print("no libvirt", file=sys.stderr)
    sys.exit(1)
print("libvirt ok")
