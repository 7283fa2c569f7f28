# print and exit as in Python: compare with
#   ../shared/tools/compare-python bin/vertscript tests/golden/api/python/print_exit.py
import libvirt
conn = libvirt.open()
names = sorted([dom.name() for dom in conn.listAllDomains()])
print("domains:", len(names))
print(sep=", ", *names)
print("no newline", end="")
print(" ... then one")
print("a", "b", "c", sep="", end="|\n")
print()
print(1, None, True, "x", sep=" / ")
for name in names:
    if name.startswith("t"):
        print("found", name)
        exit(3)
print("not reached")
