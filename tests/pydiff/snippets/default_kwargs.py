def show(name, flags=0, *args, **kwargs):
    print(name, flags, args, sorted(kwargs.items()))
show("a")
show("b", 1, 2, 3, x=4)
show(name="c", flags=5)
