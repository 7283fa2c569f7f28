import json
data = {"name": "test", "vcpus": 2, "tags": ["a", "b"], "on": True, "none": None}
print(json.dumps(data, sort_keys=True))
print(json.dumps([1, 2.5, "x"]))
print(json.dumps(data, indent=2, sort_keys=True))
