mem = 2097152
print("%.2f GiB" % (mem / 1024.0 / 1024.0))
print("{:.1f}".format(12.345))
print(round(2.675, 2), round(3.5), round(4.5))
print(float("1e3"), int(3.99))
