for v in [1, "s", [1], {"a": 1}, (1,), 1.5, None, True]:
    print(isinstance(v, int), isinstance(v, str), isinstance(v, (list, tuple)), isinstance(v, dict))
