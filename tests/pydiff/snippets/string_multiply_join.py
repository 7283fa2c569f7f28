print("-" * 20)
print("=" * 3 + ">")
print(" | ".join(["a", "b", "c"]))
print("\t".join(str(i) for i in range(3)))
