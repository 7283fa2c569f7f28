import json
s = '{"a": [1, 2, {"b": null}], "c": true, "d": 1.5}'
v = json.loads(s)
print(v["a"][2]["b"] is None, v["c"], v["d"])
print(sorted(v.keys()))
