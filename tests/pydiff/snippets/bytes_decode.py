b = b"hello\n"
print(b.decode().strip())
print(b.decode("utf-8").upper())
print(len(b), "abc".encode())
print(str(b"xyz", "ascii"))
