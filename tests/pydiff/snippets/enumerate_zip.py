names = ["a", "b", "c"]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, 1):
    print(i, n)
for x, y in zip(names, range(3)):
    print(x, y)
print(list(zip([1, 2], "ab")))
