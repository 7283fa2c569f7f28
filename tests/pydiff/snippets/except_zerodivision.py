for d in [2, 0, 5]:
    try:
        print(10 // d)
    except ZeroDivisionError as e:
        print("zero:", e)
