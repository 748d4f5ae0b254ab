# Hostile input for every argument conversion, argument-parsing error and
# error path in special places (issue 7).  The table of cases is
# hostile_cases.py; tests/reliability/run.py runs it on CPython and on
# MicroPython and compares each case.

def as_char(char x): return x
def as_schar(signed char x): return x
def as_uchar(unsigned char x): return x
def as_short(short x): return x
def as_ushort(unsigned short x): return x
def as_int(int x): return x
def as_uint(unsigned int x): return x
def as_long(long x): return x
def as_ulong(unsigned long x): return x
def as_longlong(long long x): return x
def as_ulonglong(unsigned long long x): return x
def as_ssize(Py_ssize_t x): return x
def as_size(size_t x): return x
def as_double(double x): return x
def as_float(float x): return x
def as_bint(bint x): return x
def as_charp(char *x): return x
def as_constcharp(const char *x): return len(x)
def as_str(str x): return x
def as_bytes(bytes x): return x
def as_list(list x): return len(x)
def as_tuple(tuple x): return len(x)
def as_dict(dict x): return len(x)
def as_str_or_none(str x=None): return x
def as_str_not_none(str x not None): return x


cdef class Box:
    cdef public int v
    def __init__(self, v=0):
        self.v = v


cdef class SubBox(Box):
    pass


def as_box(Box b): return None if b is None else b.v
def as_box_not_none(Box b not None): return b.v


def positional(a, b, c=3): return (a, b, c)
def typed_pos(int a, double b): return (a, b)
def kwonly(a, *, b, c=3): return (a, b, c)
def star(a, *args, **kw): return (a, args, sorted(kw.items()))
def nokw(): return 0


# errors in special places
cdef class RaisesInDealloc:
    def __dealloc__(self):
        raise ValueError("from __dealloc__")


cdef class RaisesInInit:
    cdef public int v
    def __init__(self, x):
        self.v = 1
        raise KeyError(x)


cdef class RaisesInCinit:
    def __cinit__(self):
        raise OverflowError("from __cinit__")


def gen_raises_in_finally():
    try:
        yield 1
        yield 2
    finally:
        raise RuntimeError("from finally")


def gen_finally_log(log):
    try:
        yield 1
    finally:
        log.append("finally ran")


def recurse_def(n):
    return recurse_def(n + 1)


def call_back(f, n):
    # Cython -> Python -> Cython -> ... without end
    return f(call_back, n + 1)


def grow(n):
    cdef list l = []
    cdef int i
    for i in range(n):
        l.append([i] * 64)
    return len(l)


def big_bytes(Py_ssize_t n):
    return b"x" * n
