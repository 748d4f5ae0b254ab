"""C API: PyLong_* / PyFloat_* conversions, their range checks and errors."""

from cpython.ref cimport PyObject

cdef extern from "Python.h":
    object PyLong_FromLong(long v)
    object PyLong_FromUnsignedLong(unsigned long v)
    object PyLong_FromLongLong(long long v)
    object PyLong_FromUnsignedLongLong(unsigned long long v)
    object PyLong_FromSsize_t(Py_ssize_t v)
    object PyLong_FromSize_t(size_t v)
    object PyLong_FromDouble(double v)
    object PyLong_FromString(const char *s, char **pend, int base)
    long PyLong_AsLong(object o) except? -1
    long PyLong_AsLongAndOverflow(object o, int *overflow) except? -1
    long long PyLong_AsLongLong(object o) except? -1
    long long PyLong_AsLongLongAndOverflow(object o, int *overflow) except? -1
    unsigned long PyLong_AsUnsignedLong(object o) except? -1
    unsigned long long PyLong_AsUnsignedLongLong(object o) except? -1
    unsigned long PyLong_AsUnsignedLongMask(object o) except? -1
    unsigned long long PyLong_AsUnsignedLongLongMask(object o) except? -1
    Py_ssize_t PyLong_AsSsize_t(object o) except? -1
    size_t PyLong_AsSize_t(object o) except? -1
    double PyLong_AsDouble(object o) except? -1.0
    object PyFloat_FromDouble(double v)
    object PyFloat_FromString(object s)
    double PyFloat_AsDouble(object o) except? -1.0
    object PyNumber_Long(object o)
    object PyNumber_Float(object o)
    object PyNumber_Index(object o)
    Py_ssize_t PyNumber_AsSsize_t(object o, PyObject *exc) except? -1
    bint PyLong_Check(object o)
    bint PyLong_CheckExact(object o)
    bint PyFloat_Check(object o)
    bint PyIndex_Check(object o)
    bint PyNumber_Check(object o)

from libc.limits cimport LONG_MIN, LONG_MAX, ULONG_MAX, LLONG_MIN, LLONG_MAX, ULLONG_MAX
from libc.math cimport INFINITY, NAN


# ---- C value -> int
def from_c_limits():
    return [
        PyLong_FromLong(0), PyLong_FromLong(-1),
        PyLong_FromLong(LONG_MAX), PyLong_FromLong(LONG_MIN),
        PyLong_FromUnsignedLong(ULONG_MAX),
        PyLong_FromLongLong(LLONG_MAX), PyLong_FromLongLong(LLONG_MIN),
        PyLong_FromUnsignedLongLong(ULLONG_MAX),
        PyLong_FromSsize_t(<Py_ssize_t>(<size_t>-1 >> 1)), PyLong_FromSsize_t(-(<Py_ssize_t>(<size_t>-1 >> 1)) - 1),
        PyLong_FromSize_t(<size_t>-1),
        # just around MicroPython's small-int limit (2**62 on 64-bit)
        PyLong_FromLong((<long>1 << 62) - 1), PyLong_FromLong(<long>1 << 62),
        PyLong_FromLong(-(<long>1 << 62)), PyLong_FromLong(-(<long>1 << 62) - 1),
        PyLong_FromUnsignedLongLong(<unsigned long long>1 << 63),
    ]

def from_double(double d):
    return PyLong_FromDouble(d)

def from_double_special(int which):
    if which == 0:
        return PyLong_FromDouble(INFINITY)
    if which == 1:
        return PyLong_FromDouble(-INFINITY)
    return PyLong_FromDouble(NAN)

def from_string(bytes s, int base):
    cdef char *end = NULL
    cdef char *start = s
    r = PyLong_FromString(start, &end, base)
    return r, end - start

# ---- int -> C value
def as_long(o):
    return PyLong_AsLong(o)

def as_long_and_overflow(o):
    cdef int overflow = 42
    cdef long r = PyLong_AsLongAndOverflow(o, &overflow)
    return r, overflow

def as_long_long(o):
    return PyLong_AsLongLong(o)

def as_long_long_and_overflow(o):
    cdef int overflow = 42
    cdef long long r = PyLong_AsLongLongAndOverflow(o, &overflow)
    return r, overflow

def as_unsigned_long(o):
    return PyLong_AsUnsignedLong(o)

def as_unsigned_long_long(o):
    return PyLong_AsUnsignedLongLong(o)

def as_unsigned_long_mask(o):
    return PyLong_AsUnsignedLongMask(o)

def as_unsigned_long_long_mask(o):
    return PyLong_AsUnsignedLongLongMask(o)

def as_ssize_t(o):
    return PyLong_AsSsize_t(o)

def as_size_t(o):
    return PyLong_AsSize_t(o)

def as_double(o):
    return PyLong_AsDouble(o)

# ---- float
def float_from_double(double d):
    return PyFloat_FromDouble(d)

def float_as_double(o):
    return PyFloat_AsDouble(o)

def float_from_string(s):
    return PyFloat_FromString(s)

# ---- number protocol conversions
def number_long(o):
    return PyNumber_Long(o)

def number_float(o):
    return PyNumber_Float(o)

def number_index(o):
    return PyNumber_Index(o)

def as_ssize_t_clamped(o):
    # exc NULL: out-of-range values clamp instead of raising
    return PyNumber_AsSsize_t(o, NULL)

def as_ssize_t_exc(o, exc):
    return PyNumber_AsSsize_t(o, <PyObject *>exc)

def checks(o):
    return PyLong_Check(o), PyLong_CheckExact(o), PyFloat_Check(o), PyIndex_Check(o), PyNumber_Check(o)

cdef class Indexable:
    """An object with __index__ (nb_index slot)."""
    cdef long v
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

cdef class Floatable:
    cdef double v
    def __init__(self, v):
        self.v = v
    def __float__(self):
        return self.v
