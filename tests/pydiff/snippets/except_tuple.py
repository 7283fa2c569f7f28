for v in ["1", "a", None]:
    try:
        print(int(v))
    except (ValueError, TypeError) as e:
        print("bad value", type(e).__name__)
