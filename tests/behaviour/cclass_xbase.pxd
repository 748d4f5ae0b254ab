cdef class Shape:
    cdef public double scale
    cdef readonly str kind
    cdef double area(self)
    cpdef str describe(self)
