print(hex(255), hex(0), oct(8), bin(5))
print(int("ff", 16), int("0x1f", 16), int("101", 2))
print("%x %X %08x" % (255, 255, 4096))
print(format(255, "x"), "{:04x}".format(10))
