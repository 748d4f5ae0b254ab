"""A cdef class with typed attributes, a property and __repr__."""

cdef class Rect:
    cdef public double w
    cdef public double h
    cdef readonly int id

    def __cinit__(self, double w, double h):
        self.w = w
        self.h = h
        self.id = 7

    def __init__(self, double w, double h):
        pass

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    def __repr__(self):
        return "Rect(%g, %g)" % (self.w, self.h)
