try:
    x = {}["k"]
except:
    print("something failed")
try:
    y = 1 / 0
except:
    print("again")
