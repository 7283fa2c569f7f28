rows = [("b", 3), ("a", 1), ("c", 2)]
rows.sort(key=lambda r: r[1], reverse=True)
print(rows)
print(sorted(rows))
print(sorted(["B", "a", "C"], key=str.lower))
names = ["vm10", "vm2", "vm1"]
names.sort()
print(names)
