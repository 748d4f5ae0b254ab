"""A cdef class exported through a .pxd, subclassed in cclass_xderived."""

cdef class Shape:
    def __cinit__(self, *args):
        self.scale = 1.0
        self.kind = 'shape'

    cdef double area(self):
        return 0.0

    cpdef str describe(self):
        return '%s area %.2f' % (self.kind, self.area() * self.scale)

    def grow(self, double f):
        self.scale *= f
        return self


def total_area(list shapes):
    """Calls the cdef method through the base type: overrides from the other module run."""
    cdef double t = 0
    cdef Shape s
    for s in shapes:
        t += s.area()
    return t


def describe_all(list shapes):
    return [(<Shape>s).describe() for s in shapes]
