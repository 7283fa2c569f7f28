print(True, False, True + True, [True, False])
print(1 == 1, 1 != 1, "a" < "b", [1, 2] < [1, 3])
