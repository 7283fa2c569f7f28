# expect: unsupported
def counter():
    n = 0
    def inc():
        nonlocal n  # unsupported here
        n += 1
        return n
    return inc
print(counter()())
