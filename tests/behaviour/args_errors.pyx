"""Wrong argument counts and keywords."""

def none():
    return "none"

def one(a):
    return a

def two(a, b):
    return a, b

def opt(a, b=1):
    return a, b

def typed_two(int a, str b):
    return a, b

cdef class K:
    def noargs(self):
        return "noargs"

    def onearg(self, x):
        return x

    def twoargs(self, x, y=None):
        return x, y


def star_kw(**kw):
    return sorted(kw.items())

