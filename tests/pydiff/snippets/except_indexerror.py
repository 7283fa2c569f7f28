items = [1, 2, 3]
try:
    items[10]
except IndexError as e:
    print("index error:", e)
