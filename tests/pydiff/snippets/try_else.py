def parse(s):
    try:
        n = int(s)
    except ValueError:
        return None
    else:
        return n + 1
print(parse("41"), parse("x"))
