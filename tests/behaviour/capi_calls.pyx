"""C API: calls with a NULL-terminated argument list of any length
(PyObject_CallFunctionObjArgs, PyObject_CallMethodObjArgs: 0, 16, 17 and 20
arguments), and bound methods (PyMethod_New, PyMethod_Function, PyMethod_Self)."""

from cpython.ref cimport PyObject
from cpython.list cimport PyList_GET_ITEM

cdef extern from "Python.h":
    object PyObject_CallFunctionObjArgs(object callable, ...)
    object PyObject_CallMethodObjArgs(object o, object name, ...)
    object PyMethod_New(object func, object self)
    PyObject *PyMethod_Function(object m)  # borrowed
    PyObject *PyMethod_Self(object m)  # borrowed


# Twenty borrowed argument pointers (varargs take no Python objects); the list
# keeps them alive.
cdef list ARGS = list(range(1, 21))
cdef PyObject *a[20]
for _i in range(20):
    a[_i] = PyList_GET_ITEM(ARGS, _i)


def call_0(f):
    return PyObject_CallFunctionObjArgs(f, <PyObject *>NULL)


def call_16(f):
    return PyObject_CallFunctionObjArgs(f, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                                        a[10], a[11], a[12], a[13], a[14], a[15], <PyObject *>NULL)


def call_17(f):
    return PyObject_CallFunctionObjArgs(f, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                                        a[10], a[11], a[12], a[13], a[14], a[15], a[16], <PyObject *>NULL)


def call_20(f):
    return PyObject_CallFunctionObjArgs(f, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                                        a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18], a[19],
                                        <PyObject *>NULL)


def method_20(o, name):
    return PyObject_CallMethodObjArgs(o, name, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                                      a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18], a[19],
                                      <PyObject *>NULL)


def bound(func, obj):
    m = PyMethod_New(func, obj)
    return <object>PyMethod_Function(m) is func, <object>PyMethod_Self(m) is obj, m()
