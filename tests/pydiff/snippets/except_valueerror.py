for s in ["12", "x1", "3"]:
    try:
        n = int(s)
    except ValueError:
        print("not a number:", s)
        continue
    print("number", n * 2)
