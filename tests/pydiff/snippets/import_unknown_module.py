try:
    import notamodule_xyz
    HAVE = True
except ImportError:
    HAVE = False
print("have module:", HAVE)
