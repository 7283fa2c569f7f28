assert 1 + 1 == 2, "math"
print("ok")
assert len([]) > 0, "empty list"
