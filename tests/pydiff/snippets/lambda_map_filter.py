nums = [1, 2, 3, 4]
print(list(map(lambda x: x * x, nums)))
print(list(filter(lambda x: x % 2, nums)))
key = lambda pair: pair[1]
print(sorted([("a", 2), ("b", 1)], key=key))
