"""C API: tuples (PyTuple_*) and lists (PyList_*), with out-of-range indices and wrong types."""

from cpython.ref cimport PyObject, Py_INCREF

cdef extern from "Python.h":
    object PyTuple_New(Py_ssize_t n)
    object PyTuple_Pack(Py_ssize_t n, ...)
    Py_ssize_t PyTuple_Size(object t) except -1
    PyObject *PyTuple_GetItem(object t, Py_ssize_t i) except NULL
    int PyTuple_SetItem(object t, Py_ssize_t i, PyObject *v) except -1
    object PyTuple_GetSlice(object t, Py_ssize_t lo, Py_ssize_t hi)
    bint PyTuple_Check(object o)
    bint PyTuple_CheckExact(object o)
    object PyList_New(Py_ssize_t n)
    Py_ssize_t PyList_Size(object l) except -1
    PyObject *PyList_GetItem(object l, Py_ssize_t i) except NULL
    int PyList_SetItem(object l, Py_ssize_t i, PyObject *v) except -1
    int PyList_Insert(object l, Py_ssize_t i, object v) except -1
    int PyList_Append(object l, object v) except -1
    object PyList_GetSlice(object l, Py_ssize_t lo, Py_ssize_t hi)
    int PyList_SetSlice(object l, Py_ssize_t lo, Py_ssize_t hi, PyObject *v) except -1
    int PyList_Sort(object l) except -1
    int PyList_Reverse(object l) except -1
    object PyList_AsTuple(object l)
    bint PyList_Check(object o)
    bint PyList_CheckExact(object o)


# ---- tuple
def tuple_new(Py_ssize_t n):
    # a fresh tuple filled with PyTuple_SetItem (which steals a reference)
    t = PyTuple_New(n)
    cdef Py_ssize_t i
    cdef object v
    for i in range(n):
        v = i * 10
        Py_INCREF(v)
        PyTuple_SetItem(t, i, <PyObject *>v)
    return t

def tuple_new_negative():
    return PyTuple_New(-1)

def tuple_set_out_of_range(Py_ssize_t i):
    t = tuple_new(2)
    cdef object v = 'x'
    Py_INCREF(v)
    PyTuple_SetItem(t, i, <PyObject *>v)
    return t

def tuple_set_not_tuple(o):
    cdef object v = 'x'
    Py_INCREF(v)
    PyTuple_SetItem(o, 0, <PyObject *>v)
    return o

def tuple_pack(a, b, c):
    return PyTuple_Pack(3, <PyObject *>a, <PyObject *>b, <PyObject *>c), PyTuple_Pack(0)

def tuple_size(o):
    return PyTuple_Size(o)

def tuple_get(o, Py_ssize_t i):
    return <object>PyTuple_GetItem(o, i)

def tuple_slice(o, Py_ssize_t lo, Py_ssize_t hi):
    return PyTuple_GetSlice(o, lo, hi)

def tuple_checks(o):
    return PyTuple_Check(o), PyTuple_CheckExact(o)

# ---- list
def list_new(Py_ssize_t n):
    l = PyList_New(n)
    cdef Py_ssize_t i
    cdef object v
    for i in range(n):
        v = chr(97 + i)
        Py_INCREF(v)
        PyList_SetItem(l, i, <PyObject *>v)
    return l

def list_new_negative():
    return PyList_New(-3)

def list_size(o):
    return PyList_Size(o)

def list_get(o, Py_ssize_t i):
    return <object>PyList_GetItem(o, i)

def list_set(o, Py_ssize_t i, v):
    Py_INCREF(v)
    PyList_SetItem(o, i, <PyObject *>v)
    return o

def list_insert(o, Py_ssize_t i, v):
    PyList_Insert(o, i, v)
    return o

def list_append(o, v):
    PyList_Append(o, v)
    return o

def list_slice(o, Py_ssize_t lo, Py_ssize_t hi):
    return PyList_GetSlice(o, lo, hi)

def list_set_slice(o, Py_ssize_t lo, Py_ssize_t hi, v):
    PyList_SetSlice(o, lo, hi, <PyObject *>v)
    return o

def list_del_slice(o, Py_ssize_t lo, Py_ssize_t hi):
    PyList_SetSlice(o, lo, hi, NULL)
    return o

def list_sort(o):
    PyList_Sort(o)
    return o

def list_reverse(o):
    PyList_Reverse(o)
    return o

def list_as_tuple(o):
    return PyList_AsTuple(o)

def list_checks(o):
    return PyList_Check(o), PyList_CheckExact(o)
