"""Py*_Check accepts instances of subclasses of the built-in types, as in
CPython; Py*_CheckExact does not; the C API and Cython's typed code work on
such instances."""
from cpython.unicode cimport PyUnicode_Check, PyUnicode_CheckExact, PyUnicode_GetLength, PyUnicode_AsUTF8String, PyUnicode_Compare, PyUnicode_Contains
from cpython.bytes cimport PyBytes_Check, PyBytes_CheckExact, PyBytes_Size, PyBytes_AsString
from cpython.bytearray cimport PyByteArray_Check, PyByteArray_CheckExact, PyByteArray_Size
from cpython.tuple cimport PyTuple_Check, PyTuple_CheckExact, PyTuple_Size, PyTuple_GetItem, PyTuple_GetSlice
from cpython.list cimport PyList_Check, PyList_CheckExact, PyList_Size, PyList_Append, PyList_AsTuple
from cpython.dict cimport PyDict_Check, PyDict_CheckExact, PyDict_Size, PyDict_GetItem, PyDict_Keys
from cpython.long cimport PyLong_Check, PyLong_CheckExact, PyLong_AsLong
from cpython.float cimport PyFloat_Check, PyFloat_CheckExact, PyFloat_AsDouble
from cpython.complex cimport PyComplex_Check, PyComplex_CheckExact, PyComplex_RealAsDouble, PyComplex_ImagAsDouble
from cpython.set cimport PySet_Check, PyFrozenSet_Check, PyFrozenSet_CheckExact, PyAnySet_Check, PyAnySet_CheckExact, PySet_Size, PySet_Contains, PySet_Add
from cpython.type cimport PyType_Check, PyType_CheckExact

cdef extern from "Python.h":
    bint PyExceptionInstance_Check(object o)
from cpython.object cimport PyObject


def checks(x):
    """Every Check and CheckExact, as a string of 0/1 in a fixed order."""
    r = [
        PyUnicode_Check(x), PyUnicode_CheckExact(x),
        PyBytes_Check(x), PyBytes_CheckExact(x),
        PyByteArray_Check(x), PyByteArray_CheckExact(x),
        PyTuple_Check(x), PyTuple_CheckExact(x),
        PyList_Check(x), PyList_CheckExact(x),
        PyDict_Check(x), PyDict_CheckExact(x),
        PyLong_Check(x), PyLong_CheckExact(x),
        PyFloat_Check(x), PyFloat_CheckExact(x),
        PyComplex_Check(x), PyComplex_CheckExact(x),
        PySet_Check(x), PyFrozenSet_Check(x), PyFrozenSet_CheckExact(x),
        PyAnySet_Check(x), PyAnySet_CheckExact(x),
        PyType_Check(x), PyType_CheckExact(x),
        PyExceptionInstance_Check(x),
    ]
    return "".join(["1" if b else "0" for b in r])


def instances(x):
    """isinstance() as Cython compiles it (the Check macros)."""
    return [isinstance(x, str), isinstance(x, bytes), isinstance(x, bytearray), isinstance(x, tuple),
            isinstance(x, list), isinstance(x, dict), isinstance(x, int), isinstance(x, float),
            isinstance(x, complex), isinstance(x, set), isinstance(x, frozenset), isinstance(x, type),
            isinstance(x, BaseException), isinstance(x, ValueError)]


def exact_types(x):
    """type(x) is T as Cython compiles it."""
    t = type(x)
    return [t is str, t is bytes, t is tuple, t is list, t is dict, t is int, t is float, t is set]


cdef object checked(x, bint ok, name):
    """x when OK, the isinstance() test the caller wrote out (Cython compiles
    it to the type's Check macro), else TypeError."""
    if not ok:
        raise TypeError("not a " + name)
    return x


def typed_str(x):
    """`x` as a str after isinstance(): Cython's typed code on it."""
    cdef str s = <str>checked(x, isinstance(x, str), "str")
    cdef Py_ssize_t n
    n = PyUnicode_GetLength(s)
    parts = [c for c in s]
    return (n, len(s), s[0], s[-1], s + "!", "-".join([s, s]), s.encode("utf-8"), PyUnicode_AsUTF8String(s),
            s == "abc", PyUnicode_Compare(s, "abd"), "b" in s, PyUnicode_Contains(s, "z"),
            s.startswith("ab"), s.endswith("c"), s.find("c"), s.split("b"), s.replace("a", "A"),
            s[1:], parts, s.upper(), str(s), f"<{s}>", "%s." % s)


def typed_bytes(x):
    """`x` as a bytes after isinstance(): Cython's typed code on it."""
    cdef bytes b = <bytes>checked(x, isinstance(x, bytes), "bytes")
    cdef char *p
    p = b
    return (len(b), PyBytes_Size(b), b[0], b[-1], p[:len(b)], PyBytes_AsString(b)[:1], b + b"!",
            b"b" in b, [c for c in b], b[1:], b.decode("ascii"), b == b"ab")


def typed_bytearray(x):
    """`x` as a bytearray after isinstance(): Cython's typed code on it."""
    cdef bytearray b = <bytearray>checked(x, isinstance(x, bytearray), "bytearray")
    cdef char *p
    p = b
    return (len(b), PyByteArray_Size(b), b[0], p[:len(b)], [c for c in b], bytes(b))


def typed_tuple(x):
    """`x` as a tuple after isinstance(): Cython's typed code on it."""
    cdef tuple t = <tuple>checked(x, isinstance(x, tuple), "tuple")
    a, b = t
    return (len(t), PyTuple_Size(t), t[0], t[-1], <object>PyTuple_GetItem(t, 1), PyTuple_GetSlice(t, 1, 5),
            t[1:], 2 in t, [x for x in t], a, b, t + (3,), t == (1, 2), tuple(t))


def typed_list(x):
    """`x` as a list after isinstance(): Cython's typed code on it."""
    cdef list l = <list>checked(x, isinstance(x, list), "list")
    n0 = len(l)
    l.append(9)
    PyList_Append(l, 10)
    first = l[0]
    l[0] = 7
    l.sort()
    l.reverse()
    return (n0, len(l), PyList_Size(l), first, l[-1], l[1:3], [x for x in l], 9 in l, PyList_AsTuple(l),
            l.pop(), l.index(7), list(l), tuple(l))


def typed_dict(x):
    """`x` as a dict after isinstance(): Cython's typed code on it."""
    cdef dict d = <dict>checked(x, isinstance(x, dict), "dict")
    d["z"] = 26
    return (len(d), PyDict_Size(d), d["a"], d.get("b"), d.get("q", -1), <object>PyDict_GetItem(d, "z"),
            "a" in d, "q" in d, sorted(d), sorted(d.keys()), sorted(d.values()), sorted(d.items()),
            sorted(PyDict_Keys(d)), sorted(dict(d)), sorted([k for k in d]))


def as_numbers(x):
    cdef long long v = x
    cdef double f = x
    return (v, PyLong_AsLong(x), f, PyFloat_AsDouble(x), int(x), float(x), x + 1, x * 2, x == 5)


def as_float(x):
    cdef double f = x
    return (f, PyFloat_AsDouble(x), float(x), x + 0.5, int(x), x == 2.5)


def as_complex(x):
    cdef double complex c = x
    return (c.real, c.imag, PyComplex_RealAsDouble(x), PyComplex_ImagAsDouble(x), x == 1 + 2j)


def typed_set(x):
    """`x` as a set after isinstance(): Cython's typed code on it."""
    cdef set s = <set>checked(x, isinstance(x, set), "set")
    n = len(s)
    s.add(7)
    PySet_Add(s, 8)
    return (n, len(s), PySet_Size(s), 1 in s, PySet_Contains(s, 8), sorted(s), sorted([x for x in s]), sorted(set(s)))


def typed_frozenset(x):
    """`x` as a frozenset after isinstance(): Cython's typed code on it."""
    cdef frozenset s = <frozenset>checked(x, isinstance(x, frozenset), "frozenset")
    return (len(s), PySet_Size(s), 3 in s, PySet_Contains(s, 4), sorted(s), sorted(frozenset(s)))


ctypedef fused builtin_arg:
    str
    list
    dict
    tuple


def arg_len(builtin_arg v):
    """len(v) of a typed argument, one specialisation per type: arg_len["list"]."""
    return len(v)


def text_to_number(x):
    return (int(x), float(x))


def attribute(obj, name):
    return getattr(obj, name)


cdef class Holder:
    cdef public object value


def catch(exc):
    try:
        raise exc
    except ValueError as e:
        return ("ValueError", type(e) is ValueError, isinstance(e, ValueError), PyExceptionInstance_Check(e))
    except Exception as e:
        return ("Exception", type(e) is Exception, isinstance(e, Exception), PyExceptionInstance_Check(e))


def number_conversions(x):
    """float() and int() in Cython code: a subclass's own __float__/__int__
    comes before its built-in part, as in CPython."""
    return (float(x), int(x))
