def nothing():
    pass
print(nothing())
print(None, [None], {"k": None})
