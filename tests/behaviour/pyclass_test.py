# Python (non-cdef) classes defined in Cython: attributes, inheritance, super()
import pyclass as m

s = m.Shape("blob")
print(s.name, s.sides, s.describe(), repr(s))
sq = m.Square("box", 3)
print(sq.describe(), sq.area(), sq.sides)
t = m.Triangle("tri")
print(t.describe())
print(isinstance(sq, m.Shape), isinstance(t, m.Square), type(sq).__name__)
print(issubclass(m.Triangle, m.Shape))
print(m.Shape.unit(), type(m.Shape.create("c")).__name__, type(m.Square.create).__name__ != "")
print(m.make_square(1.5).area())
print(m.dynamic_attrs(s), s.extra)
print(m.Shape.registry)
m.Shape.sides = 1
print(s.sides, sq.sides)


class Pentagon(m.Shape):
    # a MicroPython class deriving from a class compiled by Cython
    sides = 5

    def describe(self):
        return "pentagon! " + m.Shape.describe(self)


print(Pentagon("p").describe())
print(m.inplace_ops(m.Acc(1)))
