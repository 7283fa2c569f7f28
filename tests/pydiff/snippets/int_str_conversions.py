print(str(42) + "!", int("  7 "), float("2.5"), str(2.50))
print(str(True), str(None), int(True))
print(len(str(10 ** 20)), 10 ** 20)
