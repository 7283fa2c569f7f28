def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        {}["x"]
    except KeyError:
        return "except"
    finally:
        print("g finally")
print(g())
