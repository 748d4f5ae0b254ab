# special methods of cdef classes: __len__ __getitem__ __contains__ __iter__ __bool__
# arithmetic, comparison, __hash__, __call__
import cclass_special as m
from checks import check, check_type


b = m.Bag(1, "two", 3.5)
print(len(b), b[0], b[1], b[-1], b)
b[0] = "one"
print(b[0], "two" in b, "zzz" in b, 3.5 not in b)
print([x for x in b], list(b))
print(bool(b), bool(m.Bag()), "empty" if not m.Bag() else "full")
check_type(lambda: b[10])


def setitem(o, i, v):
    o[i] = v


check_type(setitem, b, 10, 0)
for item in m.Bag("x", "y"):
    print(item)
n1, n2 = m.Num(5), m.Num(3)
print(n1 + n2, n1 - n2, n1 * 4, -n1, n1 + 10)
print(n1 == m.Num(5), n1 == n2, n1 != n2, n1 < n2, n2 < n1)
print(sorted([m.Num(3), m.Num(1), m.Num(2)]))
print(hash(n1) == hash(m.Num(5)), len({n1, m.Num(5), n2}))
d = {n1: "five"}
print(d[m.Num(5)])
print(int(n1))
check_type(lambda: n1 + "x")
a = m.Adder(100)
print(a(1), a(1, 2), a(x=5, y=5), callable(a))
check(a)
check(a, 1, 2, 3)
