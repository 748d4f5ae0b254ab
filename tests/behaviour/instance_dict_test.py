import instance_dict as m
from checks import check


class A:
    def __init__(self):
        self.a = 1
        self.b = 2


a = A()
check(m.set_via_dict, a, "x", 42)
print(a.x)
del a.x
check(m.dict_ops, a)
check(m.capi, a)
check(m.errors, a)
check(m.clear, a)
print(sorted(a.__dict__.items()))


class B:
    def __init__(self, n):
        self.n = n

    def square(self):
        return self.n * self.n

    square = m.cached(square)


b = B(7)
print(b.square, b.square, B.__dict__["square"].calls, "square" in b.__dict__)
# bad input: the key of an attribute set through __dict__ may be any hashable
check(m.set_via_dict, a, 5, "five")
check(m.set_via_dict, a, [], 1)
c = A()
check(m.typed, c)
check(m.kwargs, c)
