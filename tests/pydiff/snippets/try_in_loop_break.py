values = ["1", "2", "x", "4"]
total = 0
for v in values:
    try:
        total += int(v)
    except ValueError:
        print("stop at", v)
        break
print("total", total)
