# Python subclasses (in MicroPython code and in the .pyx) of a cdef class:
# CPython layout, cpdef overrides seen from Cython code, super(), special methods
import pysubclass as sc


class Sub(sc.Base):
    def __init__(self, x, extra):
        super().__init__(x)
        self.extra = extra

    def value(self):
        return self.x * 10 + self.extra

    def __repr__(self):
        return "Sub(%d, %d)" % (self.x, self.extra)

    def __len__(self):
        return self.x


s = Sub(4, 2)
print(s, len(s), s.x, s.extra, s.get_y())
print(s.value(), sc.call_value(s), s.describe())
print(isinstance(s, sc.Base), isinstance(s, Sub), type(s).__name__)
b = sc.Base(3)
print(sc.call_value(b), b.describe())
p = sc.PyInPyx(5)
print(sc.call_value(p), p.describe())


class Sub2(Sub):
    def value(self):
        return -super().value()


print(sc.call_value(Sub2(1, 1)))
s.x = 9
print(s.x, s.value())
