# A Python class with several bases, one of which is a cdef class: the cdef
# class lays the instances out, the other bases (mixins) add methods; two
# bases with layouts of their own conflict (TypeError, as in CPython).


cdef class Base:
    cdef public int n

    def __init__(self, n):
        self.n = n

    def double(self):
        return self.n * 2

    cpdef int value(self):
        return self.n


cdef class Other:
    cdef int x


class Mixin:
    def describe(self):
        return "%s(%d)" % (type(self).__name__, self.n)

    def __repr__(self):
        return "<" + self.describe() + ">"

    def __len__(self):
        return self.n


class Both(Base, Mixin):
    def triple(self):
        return self.n * 3

    def value(self):
        # overrides the cpdef method; super() reaches it
        return super().value() + 100


class MixFirst(Mixin, Base):
    def describe(self):
        return "first " + super().describe()


def use(Base b):
    # Cython code calls the cpdef method: a Python override wins
    return b.value(), b.double()


def make_conflict(which):
    if which == 0:
        class Bad(Base, Other):
            pass
    else:
        class Bad(Base, dict):
            pass
    return Bad


# A cdef class without __init__ among the bases: __init__ comes from the next
# class along the MRO, or is object.__init__ (issue 14).
cdef class Plain:
    cdef public int k


class InitMixin:
    def __init__(self, *a, **kw):
        self.got = (a, sorted(kw.items()))


class PlainThenMixin(Plain, InitMixin):
    pass


class MixinThenPlain(InitMixin, Plain):
    pass


class PlainOwnInit(Plain):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.k = 3


def make_plain(cls, *a, **kw):
    o = cls(*a, **kw)
    return o.k, getattr(o, "got", None)


# A cdef class with a Python base as its second base: allowed when the
# Python class adds no instance dict (__slots__), as Cython checks with each
# base's __dictoffset__.
class PySlotted(object):
    __slots__ = []

    def py_method(self):
        return "PySlotted.py_method"


cdef class CFirst:
    cdef int a

    cdef str c_method(self):
        return "CFirst"


cdef class CWithPy(CFirst, PySlotted):
    cdef str c_method(self):
        return "CWithPy"

    def call_c_method(self):
        return self.c_method()


def has_dictoffset(cls):
    return getattr(cls, "__dictoffset__") != 0
