try:
    int("nope")
except Exception as e:
    print("%s: %s" % (type(e).__name__, e))
