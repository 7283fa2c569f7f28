def f():
    try:
        {}["x"]
    except KeyError:
        print("inner")
        raise
try:
    f()
except KeyError:
    print("outer")
