# Functions whose generated argument parsing and conversions the fuzz target
# (mpcyfuzz.c, input kind 4) calls with arguments made from the input.
# Parameter names are among those the target uses as keyword names.

def f_int(int a, long b=0, *, unsigned int c=0): return a + b + c
def f_ll(long long a, unsigned long long b=0): return (a, b)
def f_small(char a, unsigned char b=0, short c=0, unsigned short x=0): return a + b + c + x
def f_ssize(Py_ssize_t a, size_t b=0): return (a, b)
def f_double(double a, float b=0.0): return a + b
def f_bint(bint a, bint b=False): return a and b
def f_charp(char *a, const char *b=b""): return len(a) + len(b)
def f_str(str a, bytes b=None, unicode c=None): return (a, b, c)
def f_containers(list a, tuple b=(), dict c=None, set x=None): return (a, b, c, x)
def f_any(a, b=None, *args, c=None, **kw): return (a, b, args, c, kw)
def f_kwonly(*, a, b=2, kw): return (a, b, kw)
def f_none(): return None
def f_one(a): return a
def f_star(*args): return args
def f_kwargs(**kw): return kw


cdef class Box:
    cdef public int x
    cdef public double y
    cdef public object kw

    def __init__(self, int x=0, double y=0.0, kw=None):
        self.x = x
        self.y = y
        self.kw = kw

    def method(self, a, int b=0, *, c=None):
        return (self.x, a, b, c)

    cpdef cp(self, long a, double b=1.0):
        return a * b


def f_box(Box a, Box b=None): return (a.x if a is not None else None, b)
