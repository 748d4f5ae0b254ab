"""API semantics real libraries rely on (docs/libraries.md): str is no
buffer, a bytearray slice takes any iterable of ints, PyMemoryView_GET_BUFFER,
PyUnicode_AsWideChar(String), pyconfig.h included on its own."""
from cpython.buffer cimport Py_buffer
from cpython.mem cimport PyMem_Free

cdef extern from "pyconfig.h":
    int SIZEOF_VOID_P
    int SIZEOF_WCHAR_T

cdef extern from "Python.h":
    Py_buffer *PyMemoryView_GET_BUFFER(object mv) except NULL
    bint PyObject_CheckBuffer(object o)
    ctypedef int wchar_t
    Py_ssize_t PyUnicode_AsWideChar(object u, wchar_t *w, Py_ssize_t size) except -1
    wchar_t *PyUnicode_AsWideCharString(object u, Py_ssize_t *size) except NULL


class S(str):
    pass


def pyconfig():
    return SIZEOF_VOID_P == sizeof(void *), SIZEOF_WCHAR_T == sizeof(wchar_t)


def view_sum(const unsigned char[:] data):
    cdef Py_ssize_t i, t = 0
    for i in range(data.shape[0]):
        t += data[i]
    return t


def check_buffer(o):
    return PyObject_CheckBuffer(o)


def set_slice(bytearray b, Py_ssize_t lo, Py_ssize_t hi, value):
    b[lo:hi] = value
    return b


def set_slice_obj(b, value):
    b[1:3] = value
    return b


def memview_buffer(o):
    cdef Py_buffer *buf = PyMemoryView_GET_BUFFER(o)
    cdef const unsigned char *p = <const unsigned char *>buf.buf
    return buf.len, buf.readonly, buf.itemsize, buf.ndim, bytes(p[:buf.len])


def wide(u, Py_ssize_t size):
    cdef wchar_t w[16]
    cdef Py_ssize_t i
    for i in range(16):
        w[i] = 0x7e
    n = PyUnicode_AsWideChar(u, w, size)
    return n, [w[i] for i in range(min(size + 1, 16))]


def wide_needed(u):
    return PyUnicode_AsWideChar(u, NULL, 0)


def wide_string(u, bint with_size):
    cdef Py_ssize_t n = -1
    cdef wchar_t *w = PyUnicode_AsWideCharString(u, &n if with_size else NULL)
    cdef Py_ssize_t i = 0
    r = []
    while w[i] != 0 or i < n:
        r.append(w[i])
        i += 1
    PyMem_Free(w)
    return n, r
