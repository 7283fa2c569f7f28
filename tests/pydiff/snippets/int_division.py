print(7 // 2, -7 // 2, 7 % 3, -7 % 3, divmod(17, 5))
print(int(7 / 2), 2 * 3.0, 10 / 4)
print(abs(-3), min(3, 1, 2), max([4, 9]))
