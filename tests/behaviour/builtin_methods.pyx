"""Methods of built-in types that CPython has and MicroPython lacks, called
from Cython code: bound (`x.bit_length()`), on typed objects (which Cython
may call through the type) and unbound (`int.bit_length(x)`)."""


def call(x, name, *args, **kwargs):
    return getattr(x, name)(*args, **kwargs)


def unbound(t, name, *args):
    return getattr(t, name)(*args)


def bit_length(x):
    return x.bit_length()


def int_bits(int x):
    return x.bit_length(), x.bit_count()


def float_methods(double f):
    return f.is_integer(), f.as_integer_ratio(), f.conjugate() == f


def typed_float(f: float):
    return f.is_integer(), f.as_integer_ratio()


def unbound_int(x):
    return int.bit_length(x), int.as_integer_ratio(x), int.conjugate(x)


def expand(str s, n):
    return s.expandtabs(n), s.expandtabs(), s.expandtabs(tabsize=n)


def expand_bytes(bytes b):
    return b.expandtabs(4)


class Int(int):
    pass


class Float(float):
    pass


def subclass_results():
    i = Int(-6)
    f = Float(2.5)
    return i.bit_length(), type(i.conjugate()).__name__, f.as_integer_ratio(), type(f.conjugate()).__name__


def swapcase_istitle(s):
    return s.swapcase(), s.istitle()


def view_attrs(memoryview v):
    return v.itemsize, v.ndim, v.readonly
