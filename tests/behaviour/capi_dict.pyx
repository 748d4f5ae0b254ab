"""C API: dict (PyDict_*), with unhashable and missing keys and wrong types."""

from cpython.ref cimport PyObject

cdef extern from "Python.h":
    object PyDict_New()
    Py_ssize_t PyDict_Size(object d) except -1
    PyObject *PyDict_GetItem(object d, object key)
    PyObject *PyDict_GetItemWithError(object d, object key) except? NULL
    PyObject *PyDict_GetItemString(object d, const char *key)
    int PyDict_SetItem(object d, object key, object v) except -1
    int PyDict_SetItemString(object d, const char *key, object v) except -1
    int PyDict_DelItem(object d, object key) except -1
    int PyDict_DelItemString(object d, const char *key) except -1
    int PyDict_Contains(object d, object key) except -1
    int PyDict_Next(object d, Py_ssize_t *pos, PyObject **key, PyObject **value)
    object PyDict_Keys(object d)
    object PyDict_Values(object d)
    object PyDict_Items(object d)
    object PyDict_Copy(object d)
    void PyDict_Clear(object d)
    int PyDict_Update(object d, object other) except -1
    int PyDict_Merge(object d, object other, int override) except -1
    PyObject *PyDict_SetDefault(object d, object key, object deflt) except NULL
    object PyDictProxy_New(object mapping)
    bint PyDict_Check(object o)
    bint PyDict_CheckExact(object o)
    PyObject *PyErr_Occurred()


def srt(items):
    # a stable order for keys of mixed types
    return sorted(items, key=repr)

def new_and_set(items):
    d = PyDict_New()
    for k, v in items:
        PyDict_SetItem(d, k, v)
    return srt(d.items()), PyDict_Size(d)

def size(o):
    return PyDict_Size(o)

def get_item(d, key):
    # NULL without an exception for a missing key (and errors are swallowed)
    cdef PyObject *r = PyDict_GetItem(d, key)
    return ('missing' if r is NULL else <object>r), PyErr_Occurred() is NULL

def get_item_with_error(d, key):
    cdef PyObject *r = PyDict_GetItemWithError(d, key)
    return 'missing' if r is NULL else <object>r

def get_item_string(d, bytes key):
    cdef PyObject *r = PyDict_GetItemString(d, key)
    return ('missing' if r is NULL else <object>r), PyErr_Occurred() is NULL

def set_item(d, key, v):
    PyDict_SetItem(d, key, v)
    return d

def set_item_string(d, bytes key, v):
    PyDict_SetItemString(d, key, v)
    return srt(d.items())

def del_item(d, key):
    PyDict_DelItem(d, key)
    return srt(d.items())

def del_item_string(d, bytes key):
    PyDict_DelItemString(d, key)
    return srt(d.items())

def contains(d, key):
    return PyDict_Contains(d, key)

def next_items(d):
    cdef Py_ssize_t pos = 0
    cdef PyObject *k
    cdef PyObject *v
    out = []
    while PyDict_Next(d, &pos, &k, &v):
        out.append((<object>k, <object>v))
    return srt(out)

def next_keys_only(d):
    cdef Py_ssize_t pos = 0
    cdef PyObject *k
    out = []
    while PyDict_Next(d, &pos, &k, NULL):
        out.append(<object>k)
    return srt(out)

def views(d):
    return srt(PyDict_Keys(d)), srt(PyDict_Values(d)), srt(PyDict_Items(d)), type(PyDict_Keys(d)).__name__

def keys(o):
    return PyDict_Keys(o)

def copy(d):
    c = PyDict_Copy(d)
    c['added'] = 1
    return srt(c.items()), srt(d.items()), c is d

def clear(d):
    PyDict_Clear(d)
    return d

def update(d, other):
    PyDict_Update(d, other)
    return srt(d.items())

def merge(d, other, int override):
    PyDict_Merge(d, other, override)
    return srt(d.items())

def set_default(d, key, deflt):
    r = <object>PyDict_SetDefault(d, key, deflt)
    return r, srt(d.items())

def proxy(d):
    p = PyDictProxy_New(d)
    return p['a'], len(p)

def checks(o):
    return PyDict_Check(o), PyDict_CheckExact(o)


def view_lengths(d):
    """len() of a dict's views in Cython code (MicroPython's views have none)."""
    return len(d.keys()), len(d.values()), len(d.items())
