import sys
def main(debug=False):
    if debug:
        print(undefined_helper(sys.argv))
    print("main ran")
main()
