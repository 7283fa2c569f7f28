print("x")
print("a" + 1)
