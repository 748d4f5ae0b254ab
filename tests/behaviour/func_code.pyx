# __code__ of Cython functions: what the compact code objects keep.


def plain(a, b):
    c = a + b
    return c


def shapes(a, /, b, c=1, *args, d, e=2, **kw):
    return a


def gen(n):
    for i in range(n):
        yield i


def outer(x):
    def inner(y):
        return x + y
    return inner


def typed(int n, double f=0.5):
    cdef int i
    for i in range(n):
        f += i
    return f


cdef class C:
    def method(self, x, *, y=0):
        return x


lam = lambda q, r=3: q
