"""cdef class number protocol: binary, reflected, in-place, unary, conversions, comparisons."""

cdef class V:
    """A 1-D value that logs which special method ran."""
    cdef public long v

    def __cinit__(self, long v=0):
        self.v = v

    def __repr__(self):
        return "V(%d)" % self.v

    # binary operators; Cython 3 calls __radd__ etc. for the reflected case
    def __add__(self, o):
        return V(self.v + _val(o)) if _ok(o) else NotImplemented
    def __radd__(self, o):
        return ("radd", _val(o) + self.v) if _ok(o) else NotImplemented
    def __sub__(self, o):
        return V(self.v - _val(o)) if _ok(o) else NotImplemented
    def __rsub__(self, o):
        return ("rsub", _val(o) - self.v) if _ok(o) else NotImplemented
    def __mul__(self, o):
        return V(self.v * _val(o)) if _ok(o) else NotImplemented
    def __rmul__(self, o):
        return ("rmul", _val(o) * self.v) if _ok(o) else NotImplemented
    def __matmul__(self, o):
        return ("matmul", self.v, _val(o))
    def __rmatmul__(self, o):
        return ("rmatmul", _val(o), self.v)
    def __truediv__(self, o):
        return ("truediv", self.v, _val(o))
    def __rtruediv__(self, o):
        return ("rtruediv", _val(o), self.v)
    def __floordiv__(self, o):
        return V(self.v // _val(o))
    def __rfloordiv__(self, o):
        return ("rfloordiv", _val(o) // self.v)
    def __mod__(self, o):
        return V(self.v % _val(o))
    def __rmod__(self, o):
        return ("rmod", _val(o) % self.v)
    def __divmod__(self, o):
        return ("divmod", self.v, _val(o))
    def __rdivmod__(self, o):
        return ("rdivmod", _val(o), self.v)
    def __pow__(self, o, mod):
        if mod is None:
            return V(self.v ** _val(o))
        return V(pow(self.v, _val(o), mod))
    def __rpow__(self, o, mod):
        return ("rpow", _val(o) ** self.v)
    def __lshift__(self, o):
        return V(self.v << _val(o))
    def __rlshift__(self, o):
        return ("rlshift", _val(o) << self.v)
    def __rshift__(self, o):
        return V(self.v >> _val(o))
    def __rrshift__(self, o):
        return ("rrshift", _val(o) >> self.v)
    def __and__(self, o):
        return V(self.v & _val(o))
    def __rand__(self, o):
        return ("rand", _val(o) & self.v)
    def __or__(self, o):
        return V(self.v | _val(o))
    def __ror__(self, o):
        return ("ror", _val(o) | self.v)
    def __xor__(self, o):
        return V(self.v ^ _val(o))
    def __rxor__(self, o):
        return ("rxor", _val(o) ^ self.v)

    # unary and conversions
    def __neg__(self):
        return V(-self.v)
    def __pos__(self):
        return ("pos", self.v)
    def __abs__(self):
        return V(abs(self.v))
    def __invert__(self):
        return V(~self.v)
    def __int__(self):
        return self.v * 10
    def __float__(self):
        return self.v + 0.5
    def __index__(self):
        return self.v
    def __bool__(self):
        return self.v != 0

    # comparisons (Cython 3 style) and hashing
    def __eq__(self, o):
        return isinstance(o, V) and self.v == (<V>o).v
    def __ne__(self, o):
        return not (isinstance(o, V) and self.v == (<V>o).v)
    def __lt__(self, o):
        return self.v < _val(o)
    def __le__(self, o):
        return self.v <= _val(o)
    def __gt__(self, o):
        return self.v > _val(o)
    def __ge__(self, o):
        return self.v >= _val(o)
    def __hash__(self):
        return self.v * 7


cdef inline bint _ok(o):
    return isinstance(o, (V, int))

cdef long _val(o) except? -1:
    if isinstance(o, V):
        return (<V>o).v
    return o


cdef class Acc:
    """In-place operators mutate and return self."""
    cdef public list log
    cdef public long total

    def __cinit__(self):
        self.log = []
        self.total = 0

    def __iadd__(self, o):
        self.total += o
        self.log.append("iadd")
        return self
    def __isub__(self, o):
        self.total -= o
        self.log.append("isub")
        return self
    def __imul__(self, o):
        self.total *= o
        self.log.append("imul")
        return self
    def __ifloordiv__(self, o):
        self.total //= o
        self.log.append("ifloordiv")
        return self
    def __itruediv__(self, o):
        self.log.append("itruediv")
        return self.total / o
    def __imod__(self, o):
        self.total %= o
        self.log.append("imod")
        return self
    def __ipow__(self, o):
        self.total **= o
        self.log.append("ipow")
        return self
    def __ilshift__(self, o):
        self.total <<= o
        self.log.append("ilshift")
        return self
    def __irshift__(self, o):
        self.total >>= o
        self.log.append("irshift")
        return self
    def __iand__(self, o):
        self.total &= o
        self.log.append("iand")
        return self
    def __ior__(self, o):
        self.total |= o
        self.log.append("ior")
        return self
    def __ixor__(self, o):
        self.total ^= o
        self.log.append("ixor")
        return self
    def __imatmul__(self, o):
        self.log.append("imatmul")
        return self


cdef class Plain:
    """Only __add__: in-place falls back to it, other operators raise TypeError."""
    cdef public long v
    def __cinit__(self, long v):
        self.v = v
    def __add__(self, o):
        return Plain(self.v + o)


cdef class OldCmp:
    """Cython's old-style __richcmp__ with an int op code."""
    cdef long v
    def __cinit__(self, long v):
        self.v = v
    def __richcmp__(self, o, int op):
        cdef long w = (<OldCmp>o).v if isinstance(o, OldCmp) else o
        if op == 0:
            return self.v < w
        if op == 1:
            return self.v <= w
        if op == 2:
            return self.v == w
        if op == 3:
            return self.v != w
        if op == 4:
            return self.v > w
        return self.v >= w


cdef class EqOnly:
    """__eq__ without __hash__: instances are unhashable, as in CPython."""
    cdef long v
    def __cinit__(self, long v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == (<EqOnly>o).v


cdef class NoHash:
    __hash__ = None


cdef class Falsy:
    def __len__(self):
        return 0


def use_index(seq, i):
    """An object with __index__ used by C-level indexing."""
    return seq[i]


def divmod_of(a, b):
    """Cython's divmod(): PyNumber_Divmod, which reflects to __rdivmod__ as CPython's."""
    return divmod(a, b)


def c_long_of(o):
    """Cython's conversion of an arbitrary object to a C long uses __index__."""
    cdef long x = o
    return x


def pow3(a, b, c):
    """Cython's pow() with a modulus goes through PyNumber_Power's third argument."""
    return pow(a, b, c)


cdef class Idx:
    """Only __index__ (MicroPython answers int() and indexing with one conversion)."""
    cdef long v
    def __cinit__(self, long v):
        self.v = v
    def __index__(self):
        return self.v


def mod_of(a, b):
    """Cython's `a % b` (PyNumber_Remainder): a subclass's __rmod__ first."""
    return a % b


def format_literal(x):
    """'%s' % x with a str subclass on the right: Cython's formatting helper
    hands it to PyNumber_Remainder."""
    return '-%s-' % x


def add_of(a, b):
    return a + b


def iadd_list(x):
    """`l += x` on a list: x's __radd__ before the list's extend (CPython's list
    has no number slots)."""
    l = [1, 2, 3]
    l += x
    return l


def imul_list(x):
    l = [1, 2]
    l *= x
    return l


cdef class ExtRMod(str):
    """A cdef subclass of str with a reflected operator."""
    def __mod__(self, other):
        return NotImplemented
    def __rmod__(self, other):
        return 'ExtRMOD(%s, %s)' % (str(self), other)


cdef class OnlyLt:
    """__lt__ and __eq__ only: a > b is b < a, a >= b has no method."""
    cdef int v
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if not isinstance(other, OnlyLt):
            return NotImplemented
        return self.v < (<OnlyLt>other).v
    def __eq__(self, other):
        if not isinstance(other, OnlyLt):
            return NotImplemented
        return self.v == (<OnlyLt>other).v


def compare(a, b, op):
    """Cython's comparisons (PyObject_RichCompare)."""
    if op == "<":
        return a < b
    if op == ">":
        return a > b
    if op == "<=":
        return a <= b
    if op == ">=":
        return a >= b
    if op == "==":
        return a == b
    return a != b
