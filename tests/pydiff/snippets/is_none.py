x = None
y = [1]
z = y
print(x is None, x is not None, y is z, y is not [1], z is y)
if x is None:
    print("none")
