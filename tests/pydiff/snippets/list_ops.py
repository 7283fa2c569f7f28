l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.insert(0, 0)
print(l, l.pop(), l.index(2), l.count(1))
l.remove(3)
print(l[1:3], l[::-1], l[-1], len(l))
print([x * 2 for x in l if x % 2 == 0])
