"""Calling builtins from Cython code."""

def lengths(s, l, d, t):
    return len(s), len(l), len(d), len(t)

def ranges(int n):
    return list(range(n)), list(range(2, n)), list(range(n, 0, -2)), len(range(0, 100, 7))

def printing():
    print("printed", 1, 2.5, None, [1, "a"])
    print("no newline", end="")
    print("|", "joined", sep="-")
    print()
    print(*["a", "b", "c"], sep=", ")

def sorting(seq):
    return sorted(seq), sorted(seq, reverse=True), sorted(seq, key=lambda v: -v)

def instance_checks(x):
    return [isinstance(x, int), isinstance(x, str), isinstance(x, (list, tuple)),
            isinstance(x, float), isinstance(x, dict)]

def min_max(seq):
    return min(seq), max(seq), min(3, 1, 2), max("abc", "abd"), max(seq, key=lambda v: v % 3)

def sums(seq):
    return sum(seq), sum(seq, 100), sum([0.5, 0.25]), sum(x * 2 for x in seq)

def enumerating(seq):
    out = []
    for i, v in enumerate(seq):
        out.append((i, v))
    return out, list(enumerate(seq, 10))

def zipping(a, b, c):
    out = []
    for x, y in zip(a, b):
        out.append(x + y)
    return out, list(zip(a, b, c))

def misc(x):
    return abs(x), abs(-2.5), any([0, x]), all([1, x]), divmod(17, 5), pow(2, 8), repr("q"), hash(7) == hash(7)

def typed_len(list l, str s, bytes b, tuple t, dict d):
    cdef Py_ssize_t total = len(l) + len(s) + len(b) + len(t) + len(d)
    return total

def iter_next(seq):
    it = iter(seq)
    first = next(it)
    second = next(it)
    return first, second, next(it, "default")

def getattr_setattr(obj):
    setattr(obj, "value", 5)
    return getattr(obj, "value"), getattr(obj, "missing", "dflt"), hasattr(obj, "value")

def iter_sentinel(f, sentinel):
    """iter(callable, sentinel): PyCallIter_New; the iterator stays exhausted."""
    it = iter(f, sentinel)
    out = list(it)
    return out, list(it)

cdef extern from "Python.h":
    object PySeqIter_New(object seq)

def seq_iter(seq):
    """CPython's iterator over __getitem__ until IndexError."""
    return list(PySeqIter_New(seq))

def dict_of(x):
    """dict(x): a mapping by its keys(), anything else as pairs."""
    return sorted(dict(x).items())

def dict_unpack(a, b):
    """{**a} (Cython calls dict(a)) and {**a, **b}."""
    return sorted({**a}.items()), sorted({**a, **b, "z": 0}.items())

def method_descriptor_attrs():
    """A method taken from a built-in type."""
    f = list.append
    return f.__name__, f.__qualname__, f.__objclass__ is list

def bound_method_names(o, name):
    """A method of a built-in object (MicroPython's bound method keeps no name)."""
    f = getattr(o, name)
    return f.__name__, f.__qualname__

def fromkeys_bound(dict d, val):
    """d.fromkeys on a typed dict: Cython calls dict.fromkeys unbound."""
    if val is not None:
        return d.fromkeys(("a", "b"), val)
    else:
        return d.fromkeys(("a", "b"))

cdef extern from "Python.h":
    bint PyCFunction_Check(object o)

def is_cfunction(f):
    """Built-in functions and methods are CPython's builtin functions."""
    return PyCFunction_Check(f)

def native_function_names():
    """A built-in function's names from C (MicroPython's keep none)."""
    import math
    return [(f.__name__, f.__qualname__, f.__module__, f.__self__.__name__) for f in (len, isinstance, math.sqrt)]

def vars_of(o):
    """vars(o): o.__dict__ (MicroPython has no vars())."""
    return sorted(vars(o).items())

def ascii_of(o):
    """ascii(o) (MicroPython has no ascii())."""
    f = ascii
    return f(o), ascii(o)
