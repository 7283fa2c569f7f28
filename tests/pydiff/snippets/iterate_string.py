s = "vm-01"
for ch in s:
    print(ch, end=" ")
print()
print([c for c in "abc"], list("xy"))
print("".join(reversed("abc")))
