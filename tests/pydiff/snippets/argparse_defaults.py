import argparse
parser = argparse.ArgumentParser()
parser.add_argument("uri", nargs="?", default=None)
parser.add_argument("--timeout", type=int, default=30)
args = parser.parse_args()
print(args.uri, args.timeout)
