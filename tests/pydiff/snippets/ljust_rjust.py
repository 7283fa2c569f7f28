print("[" + "name".ljust(10) + "|" + "7".rjust(4) + "]")
print("[" + "x".center(5) + "]")
print("ab".ljust(5, ".") + "|")
print("5".zfill(3))
