# Python classes with a cdef class among several bases, made in the .pyx and
# in MicroPython code.
import cclass_multibase as m
from checks import check

b = m.Both(4)
print("both", b.triple(), b.double(), b.describe(), repr(b), len(b), b.n)
print("both types", isinstance(b, m.Base), isinstance(b, m.Mixin), type(b).__name__)
print("both bases", [c.__name__ for c in m.Both.__bases__])
print("both from cython", m.use(b), b.value())
f = m.MixFirst(2)
print("mixin first", f.describe(), repr(f), len(f), f.double(), m.use(f))


class Tagged:
    def tag(self):
        return "tag%d" % self.n

    def __str__(self):
        return "Tagged " + str(self.n)


class PyBoth(m.Base, Tagged):
    def __init__(self, n):
        super().__init__(n)
        self.extra = n + 1

    def double(self):
        return super().double() + 1


p = PyBoth(5)
print("python", p.tag(), p.extra, p.n, p.double(), str(p), m.use(p), isinstance(p, Tagged))
p.n = 7
print("python set", p.tag(), m.use(p))


class Deeper(PyBoth):
    pass


d = Deeper(1)
print("deeper", d.tag(), d.double(), isinstance(d, m.Base), [c.__name__ for c in Deeper.__bases__])

check(m.make_conflict, 0)
check(m.make_conflict, 1)
try:

    class Bad(m.Base, m.Other):
        pass

except TypeError as e:
    print("TypeError", e)

# __init__ after a cdef class that has none
check(m.make_plain, m.PlainThenMixin, 1, x=2)
check(m.make_plain, m.MixinThenPlain, 3)
check(m.make_plain, m.Plain)
check(m.make_plain, m.Plain, 1)
check(m.make_plain, m.PlainOwnInit)
check(m.make_plain, m.PlainOwnInit, 1)
check(m.make_plain, m.PlainOwnInit, x=1)


class PyPlainThenMixin(m.Plain, m.InitMixin):
    pass


class PyDeeper(PyPlainThenMixin):
    pass


class PyPlainOwnInit(m.Plain):
    def __init__(self, n):
        super().__init__()
        self.k = n


check(m.make_plain, PyPlainThenMixin, y=1)
check(m.make_plain, PyDeeper, 5)
check(m.make_plain, PyPlainOwnInit, 9)


class PyDict:
    pass


class PySlottedSub(m.PySlotted):
    __slots__ = []


b = m.CWithPy()
print(
    "cdef with Python base",
    b.py_method(),
    b.call_c_method(),
    isinstance(b, m.PySlotted),
    isinstance(b, m.CFirst),
)
check(m.has_dictoffset, m.PySlotted)
check(m.has_dictoffset, PySlottedSub)
check(m.has_dictoffset, PyDict)
check(m.has_dictoffset, type)
check(m.has_dictoffset, int)
