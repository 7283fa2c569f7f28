for n in [1, 3, 5]:
    if n % 2 == 0:
        print("even", n)
        break
else:
    print("no even number")
for n in [1, 2]:
    if n == 2:
        break
else:
    print("not printed")
