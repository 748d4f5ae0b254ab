"""cdef classes deriving from another module's cdef class (cimport + .pxd)."""

from cclass_xbase cimport Shape
import cclass_xbase


cdef class Square(Shape):
    cdef double side

    def __init__(self, double side):
        self.side = side
        self.kind = 'square'

    cdef double area(self):
        return self.side * self.side

    cpdef str describe(self):
        return 'Square(%g): ' % self.side + Shape.describe(self)


cdef class Circle(Shape):
    cdef double r

    def __init__(self, double r):
        self.r = r
        self.kind = 'circle'

    cdef double area(self):
        return 3.0 * self.r * self.r


def shapes():
    return [Square(2), Circle(1), Shape()]


def area_of(Shape s):
    return s.area()


def base_module_total(list items):
    return cclass_xbase.total_area(items)


def mro_names(cls):
    # cls.__mro__ in Cython code (MicroPython's types have none of their own)
    return [c.__name__ for c in cls.__mro__]
