a = b = 0
a += 1
print(a, b)
x = y = []
x.append(1)
print(y)
