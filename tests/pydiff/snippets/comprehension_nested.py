m = [[i * j for j in range(3)] for i in range(3)]
print(m)
print({k: v for k, v in [("a", 1), ("b", 2)]})
print([(x, y) for x in range(2) for y in "ab"])
