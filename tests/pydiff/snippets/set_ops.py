a = {1, 2, 3}
b = set([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b))
a.add(9)
print(9 in a, len(a))
print(sorted({x % 3 for x in range(10)}))
