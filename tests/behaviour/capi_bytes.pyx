"""C API: bytes (PyBytes_*) and bytearray (PyByteArray_*)."""

from cpython.ref cimport PyObject, Py_INCREF, Py_XINCREF

cdef extern from "Python.h":
    object PyBytes_FromString(const char *s)
    object PyBytes_FromStringAndSize(const char *s, Py_ssize_t n)
    object PyBytes_FromFormat(const char *fmt, ...)
    object PyBytes_FromObject(object o)
    char *PyBytes_AsString(object o) except NULL
    int PyBytes_AsStringAndSize(object o, char **s, Py_ssize_t *n) except -1
    Py_ssize_t PyBytes_Size(object o) except -1
    void PyBytes_Concat(PyObject **b, PyObject *w)
    bint PyBytes_Check(object o)
    bint PyBytes_CheckExact(object o)
    object PyByteArray_FromStringAndSize(const char *s, Py_ssize_t n)
    object PyByteArray_FromObject(object o)
    char *PyByteArray_AsString(object o) except NULL
    Py_ssize_t PyByteArray_Size(object o) except -1
    int PyByteArray_Resize(object o, Py_ssize_t n) except -1
    bint PyByteArray_Check(object o)
    PyObject *PyErr_Occurred()


def from_string(bytes b):
    return PyBytes_FromString(b)

def from_string_and_size(bytes b, Py_ssize_t n):
    return PyBytes_FromStringAndSize(b, n)

def filled_in_place(bytes text):
    # PyBytes_FromStringAndSize(NULL, n), then written through PyBytes_AsString
    cdef Py_ssize_t i, n = len(text)
    r = PyBytes_FromStringAndSize(NULL, n)
    cdef char *p = PyBytes_AsString(r)
    for i in range(n):
        p[i] = text[i]
    # the new object behaves as any bytes with that content
    return r, r == text, hash(r) == hash(text), {text: 1}.get(r), r in {text}

def negative_size():
    return PyBytes_FromStringAndSize(b"abc", -1)

def from_format(int i, bytes s):
    return PyBytes_FromFormat("<%d|%s|%x|%c|%%>", i, <char *>s, <int>255, <int>65)

def from_object(o):
    return PyBytes_FromObject(o)

def as_string(o):
    cdef char *p = PyBytes_AsString(o)
    return <bytes>p

def as_string_and_size(o):
    cdef char *p = NULL
    cdef Py_ssize_t n = -1
    PyBytes_AsStringAndSize(o, &p, &n)
    return p[:n], n

def as_string_no_size(o):
    # without a length pointer, embedded NUL bytes are refused
    cdef char *p = NULL
    PyBytes_AsStringAndSize(o, &p, NULL)
    return <bytes>p

def size(o):
    return PyBytes_Size(o)

def concat(a, b):
    # PyBytes_Concat replaces *a (reference stolen) by a + b, or by NULL on error
    cdef PyObject *p = <PyObject *>a
    Py_INCREF(a)
    PyBytes_Concat(&p, <PyObject *>b)
    if p is NULL:
        assert PyErr_Occurred() is not NULL
        raise_pending()
    return <object>p

cdef int raise_pending() except -1:
    return -1

def checks(o):
    return PyBytes_Check(o), PyBytes_CheckExact(o), PyByteArray_Check(o)

# ---- bytearray
def bytearray_from(bytes b, Py_ssize_t n):
    return PyByteArray_FromStringAndSize(b, n)

def bytearray_zeroed(Py_ssize_t n):
    r = PyByteArray_FromStringAndSize(NULL, n)
    cdef char *p = PyByteArray_AsString(r)
    cdef Py_ssize_t i
    for i in range(n):
        p[i] = 0
    return r

def bytearray_resize(ba, Py_ssize_t n):
    # the bytes gained are filled here: CPython leaves them undefined
    cdef Py_ssize_t old = PyByteArray_Size(ba), i
    PyByteArray_Resize(ba, n)
    cdef char *p = PyByteArray_AsString(ba)
    for i in range(old, n):
        p[i] = b'+'
    return ba, PyByteArray_Size(ba)

def bytearray_negative():
    return PyByteArray_FromStringAndSize(b"abc", -2)

def bytearray_from_object(o):
    return PyByteArray_FromObject(o)

def bytearray_modify(ba):
    # write through PyByteArray_AsString: visible in the object
    cdef char *p = PyByteArray_AsString(ba)
    cdef Py_ssize_t n = PyByteArray_Size(ba)
    if n:
        p[0] = b'X'
        p[n - 1] = b'Y'
    return ba, n
