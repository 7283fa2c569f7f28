def check(n):
    if n < 0:
        raise ValueError("negative")
print("start")
check(-1)
