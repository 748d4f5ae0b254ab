"""A cdef class's special methods on the class: CPython puts a slot wrapper
in the type's dict for each slot it has (Cls.__len__, Cls.__init__.__doc__,
super().__add__(x), a class-body alias of a special method)."""


cdef class A:
    cdef public long v

    def __init__(self, v=0):
        self.v = v

    def __len__(self):
        return self.v

    def __add__(self, o):
        return ("add", self.v, o)

    def __eq__(self, o):
        return isinstance(o, A) and (<A>o).v == self.v

    def __hash__(self):
        return self.v

    def __int__(self):
        return self.v * 10

    def __getitem__(self, k):
        return ("item", k)

    def __iter__(self):
        return iter(range(self.v))

    def __neg__(self):
        return -self.v

    def __call__(self, *args, **kw):
        return ("call", args, sorted(kw.items()))

    __long__ = __int__


cdef class B(A):
    def __len__(self):
        return 100 + self.v


cdef class EqOnly:
    def __eq__(self, o):
        return self is o


def names_in_class_body():
    """The alias __long__ = __int__ is the wrapper of __int__."""
    return A.__dict__["__long__"] is A.__dict__["__int__"]


def from_cython(A a):
    """The same lookups from Cython code."""
    return (type(a).__len__(a), A.__add__(a, 1), A.__int__.__name__, A.__neg__.__doc__)
