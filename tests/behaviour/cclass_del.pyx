"""__del__ (tp_finalize) of cdef classes and their subclasses."""

cdef int counts[16]


def record(int code):
    counts[code] += 1


def count(int code):
    return counts[code]


def reset():
    for i in range(16):
        counts[i] = 0


cdef class WithDel:
    def __del__(self):
        counts[1] += 1


cdef class DelAndDealloc:
    cdef bint finalised

    def __del__(self):
        self.finalised = True
        counts[2] += 1

    def __dealloc__(self):
        # 3: __del__ ran first, 4: it did not
        counts[3 if self.finalised else 4] += 1


cdef class Parent:
    def __del__(self):
        counts[5] += 1


cdef class Child(Parent):
    def __del__(self):
        counts[6] += 1


cdef class Raises:
    def __del__(self):
        counts[7] += 1
        raise ValueError("from __del__")


def gen():
    try:
        yield 1
        yield 2
    finally:
        counts[8] += 1


def make(cls, int n):
    for i in range(n):
        cls()


def start_generators(int n):
    for i in range(n):
        g = gen()
        next(g)
