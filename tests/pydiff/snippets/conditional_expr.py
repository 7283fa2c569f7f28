for state in [1, 3, 5]:
    label = "running" if state == 1 else "paused" if state == 3 else "off"
    print(state, label)
print(not None, not [], bool("x"))
