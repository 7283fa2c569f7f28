name = "test"
vcpus = 2
mem = 8388608
print(f"{name} has {vcpus} vcpus")
print(f"{name:>8}|{vcpus:<3}|{mem / 1024:.1f}")
print(f"{name!r} {vcpus * 2} {'nested'}")
print(f"{{literal}} {len(name)}")
