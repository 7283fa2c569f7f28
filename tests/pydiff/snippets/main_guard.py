import sys
def main():
    print("in main", len(sys.argv))
    return 0
if __name__ == "__main__":
    main()
