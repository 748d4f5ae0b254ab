# float() of text as CPython parses it: white space, underscores, Unicode
# digits, inf/nan, correct rounding; PyOS_string_to_double and
# PyFloat_FromString directly. Doubles are returned as their bits (exact,
# and independent of the float precision of the MicroPython build).
from libc.string cimport memcpy
from libc.stdint cimport uint64_t

cdef extern from "Python.h":
    ctypedef struct PyObject
    double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception) except? -1.0
    object PyFloat_FromString(object o)
    bint Py_UNICODE_ISSPACE(Py_UCS4 c)
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 c)
    int Py_UNICODE_TODECIMAL(Py_UCS4 c)


cdef object bits(double d):
    cdef uint64_t u
    memcpy(&u, &d, sizeof(u))
    return hex(u)


def from_object(o):
    return bits(float(o))


def from_str(str s):
    return bits(float(s))


def from_bytes(bytes s):
    return bits(float(s))


def from_bytearray(bytearray s):
    return bits(float(s))


def from_char_ptr(bytes b):
    cdef char *s = b
    return bits(float(s))


def capi_from_string(o):
    r = PyFloat_FromString(o)
    return type(r).__name__, bits(r)


def os_string_to_double(bytes s, bint with_end, overflow):
    cdef char *end = NULL
    cdef char *p = s
    cdef double d = PyOS_string_to_double(p, &end if with_end else NULL,
                                          NULL if overflow is None else <PyObject *>overflow)
    return bits(d), (end - p) if with_end else None


def unicode_space_digit(Py_UCS4 c):
    # the macros of CPython's headers (Cython's own c.isspace() calls str methods
    # in the Limited API)
    return Py_UNICODE_ISSPACE(c), Py_UNICODE_ISDECIMAL(c), Py_UNICODE_TODECIMAL(c)
