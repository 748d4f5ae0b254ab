# cython: binding=False
"""cdef class methods as plain method descriptors (binding=False): the
descriptor checks the type of self."""

cdef class Meter:
    cdef double v

    def __cinit__(self, double v):
        self.v = v

    def read(self):
        return self.v

    def scaled(self, double f):
        return self.v * f


cdef class Other:
    pass
