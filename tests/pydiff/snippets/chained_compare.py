# Comparison chains, with a middle operand read once in Python.
import libvirt
conn = libvirt.open("test:///default")
n = len(conn.listAllDomains())
print(0 < n <= 10, 1 < n < 3, 0 <= n == 1 < 2)
x = 5
if not 1 < x < 4:
    print("outside")
print([v for v in range(10) if 2 < v < 6])
