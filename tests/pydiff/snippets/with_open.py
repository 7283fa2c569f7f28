# compat-args: snippets/data/hosts.txt
import sys
with open(sys.argv[1]) as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            print("host:", line)
with open(sys.argv[1], "r") as f:
    print(len(f.readlines()))
