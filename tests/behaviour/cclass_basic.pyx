"""cdef class: __cinit__, __init__, typed attributes."""

log = []

cdef class Point:
    cdef public int x
    cdef public int y
    cdef readonly double norm2
    cdef int secret

    def __cinit__(self, *args, **kwargs):
        # runs before __init__, with the same arguments
        log.append(("cinit", len(args), sorted(kwargs)))
        self.secret = 99

    def __init__(self, int x=0, int y=0):
        log.append(("init", x, y))
        self.x = x
        self.y = y
        self.norm2 = x * x + y * y

    def get_secret(self):
        return self.secret

cdef class Counter:
    cdef public long count
    cdef public object label

    def __cinit__(self):
        self.count = 0
        self.label = None

    def incr(self, long by=1):
        self.count += by
        return self.count

cdef class Empty:
    pass

def make_point(int x, int y):
    return Point(x, y)

def sum_points(list pts):
    cdef Point p
    cdef long total = 0
    for p in pts:
        total += p.x + p.y
    return total

def is_point(o):
    return isinstance(o, Point)
