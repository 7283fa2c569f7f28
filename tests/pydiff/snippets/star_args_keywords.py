# Keyword arguments after *args, as Python allows.
import sys
names = ["a", "b", "c"]
print(*names, sep=", ")
print(*names, sep="-", end="!\n")
print("x", *names, file=sys.stdout)
def f(*args, **kw):
    return "%d %s" % (len(args), sorted(kw.keys()))
print(f(*names, k=1, j=2))
