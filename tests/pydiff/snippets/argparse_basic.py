# compat-args: test --verbose -n 3
import argparse
parser = argparse.ArgumentParser(description="demo")
parser.add_argument("domain")
parser.add_argument("-v", "--verbose", action="store_true")
parser.add_argument("-n", "--count", type=int, default=1)
args = parser.parse_args()
print(args.domain, args.verbose, args.count)
