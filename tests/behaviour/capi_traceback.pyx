"""Traceback objects through the C API: PyException_GetTraceback and
PyException_SetTraceback (a traceback moved to another exception, cleared,
refused), PyErr_Restore with another exception's traceback,
PyTraceBack_Print."""

from cpython.ref cimport PyObject, Py_XDECREF, Py_INCREF

cdef extern from "Python.h":
    PyObject *PyException_GetTraceback(object exc)
    int PyException_SetTraceback(object exc, object tb) except -1
    int PyException_SetTraceback_null "PyException_SetTraceback"(object exc, PyObject *tb) except -1
    int PyTraceBack_Print(object tb, object f) except -1
    void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb)


def get_tb(exc):
    cdef PyObject *tb = PyException_GetTraceback(exc)
    if tb is NULL:
        return None
    r = <object>tb
    Py_XDECREF(tb)
    return r


def set_tb(exc, tb):
    return PyException_SetTraceback(exc, tb)


def delete_tb(exc):
    return PyException_SetTraceback_null(exc, NULL)


def print_tb(tb, f):
    return PyTraceBack_Print(tb, f)


def fail(x):
    raise KeyError(x)


cdef int restore(exc, tb) except -1:
    # PyErr_Restore takes the three references
    t = type(exc)
    Py_INCREF(t)
    Py_INCREF(exc)
    Py_INCREF(tb)
    PyErr_Restore(<PyObject *>t, <PyObject *>exc, <PyObject *>tb)
    return -1


def restore_with(exc, tb):
    """Raises EXC with the frames of TB, then this function's."""
    restore(exc, tb)
