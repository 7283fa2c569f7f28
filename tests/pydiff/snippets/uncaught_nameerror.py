print("start")
print(not_defined_anywhere)
