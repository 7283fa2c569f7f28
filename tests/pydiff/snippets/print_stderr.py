import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stderr.write("written\n")
sys.stdout.write("plain write\n")
print("a", "b", sep="-", end="!\n")
