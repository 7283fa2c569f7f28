d = {"b": 2, "a": 1, "c": 3}
for k, v in d.items():
    print(k, v)
for k in sorted(d):
    print(k)
print(list(d.keys()), list(d.values()))
d2 = dict(d)
del d2["a"]
print(d2, "a" in d2, len(d2))
