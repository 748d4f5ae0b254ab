"""Uncaught exceptions crossing Cython frames: from a callback, a cdef function and a method."""

cdef int checked(int v) except -1:
    if v < 0:
        raise KeyError(v)
    return v

def apply(f, x):
    result = f(x)
    return checked(result)

cdef class Runner:
    cdef object func

    def __init__(self, func):
        self.func = func

    def run(self, x):
        return apply(self.func, x)
