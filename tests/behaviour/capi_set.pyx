"""C API: set and frozenset (PySet_*, PyFrozenSet_New)."""

cdef extern from "Python.h":
    object PySet_New(object iterable)
    object PyFrozenSet_New(object iterable)
    Py_ssize_t PySet_Size(object s) except -1
    int PySet_Add(object s, object key) except -1
    int PySet_Discard(object s, object key) except -1
    int PySet_Contains(object s, object key) except -1
    object PySet_Pop(object s)
    int PySet_Clear(object s) except -1
    bint PySet_Check(object o)
    bint PyFrozenSet_Check(object o)
    bint PyAnySet_Check(object o)
    bint PyAnySet_CheckExact(object o)

cdef extern from "Python.h":
    # the NULL iterable: an empty set
    object PySet_New_null "PySet_New" (void *iterable)
    object PyFrozenSet_New_null "PyFrozenSet_New" (void *iterable)


def new(iterable):
    s = PySet_New(iterable)
    return sorted(s, key=repr), type(s).__name__

def new_empty():
    a = PySet_New_null(NULL)
    b = PyFrozenSet_New_null(NULL)
    return len(a), type(a).__name__, len(b), type(b).__name__

def frozen(iterable):
    s = PyFrozenSet_New(iterable)
    return sorted(s, key=repr), type(s).__name__

def size(o):
    return PySet_Size(o)

def add(s, key):
    PySet_Add(s, key)
    return sorted(s, key=repr)

def discard(s, key):
    r = PySet_Discard(s, key)
    return r, sorted(s, key=repr)

def contains(s, key):
    return PySet_Contains(s, key)

def pop_all(s):
    out = []
    while len(s):
        out.append(PySet_Pop(s))
    return sorted(out, key=repr)

def pop(s):
    return PySet_Pop(s)

def clear(s):
    PySet_Clear(s)
    return len(s)

def checks(o):
    return PySet_Check(o), PyFrozenSet_Check(o), PyAnySet_Check(o), PyAnySet_CheckExact(o)
