def check(n):
    if n < 0:
        raise ValueError("negative: %d" % n)
    return n
try:
    check(-3)
except ValueError as e:
    print("caught", e)
print(check(4))
