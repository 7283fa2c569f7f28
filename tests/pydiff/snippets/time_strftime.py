import time
t = time.localtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%Y%m%d", time.gmtime(0)))
