# Digit separators and **=.
KiB = 1_024
x = 3
x **= 2
print(KiB * 1_000, x, 2 ** 10)
