for i in range(6):
    if i % 2:
        continue
    print(i)
