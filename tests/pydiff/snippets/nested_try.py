try:
    try:
        [][1]
    except KeyError:
        print("wrong handler")
    finally:
        print("inner finally")
except IndexError:
    print("outer caught")
