import re
s = "vnet0 vnet12 eth1"
print(re.findall(r"vnet(\d+)", s))
m = re.match(r"(\w+)(\d)", "eth1")
print(m.group(1), m.group(2))
print(re.sub(r"[^a-zA-Z0-9_]", "_", "my-vm.example"))
print(bool(re.search("12", s)))
