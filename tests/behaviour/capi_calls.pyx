"""C API: calls with a NULL-terminated argument list of any length
(PyObject_CallFunctionObjArgs, PyObject_CallMethodObjArgs: 0, 16, 17 and 20
arguments), bound methods (PyMethod_New, PyMethod_Function, PyMethod_Self),
and PEP 573's METH_METHOD functions (PyCMethod_New: the defining class
comes with each call)."""

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


cdef extern from *:
    """
    /* METH_METHOD | METH_FASTCALL | METH_KEYWORDS: what each call passes */
    static PyObject *capi_calls_defining(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                                         size_t nargsf, PyObject *kwnames) {
        Py_ssize_t n = (Py_ssize_t)(nargsf & ~((size_t)1 << (8 * sizeof(size_t) - 1)));
        Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
        PyObject *names = kwnames != NULL ? kwnames : Py_None;
        PyObject *last = n + nkw > 0 ? args[n + nkw - 1] : Py_None;
        return Py_BuildValue("(OOnnOO)", self != NULL ? self : Py_None, (PyObject *)cls, n, nkw, names, last);
    }
    static PyMethodDef capi_calls_method_def = {
        "defining", (PyCFunction)(void (*)(void))capi_calls_defining, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL};
    static PyMethodDef capi_calls_plain_def = {
        "plain", (PyCFunction)(void (*)(void))capi_calls_defining, METH_FASTCALL | METH_KEYWORDS, NULL};
    static PyObject *capi_calls_cmethod(PyObject *self, PyObject *cls, int plain) {
        return PyCMethod_New(plain ? &capi_calls_plain_def : &capi_calls_method_def, self, NULL,
                             cls == Py_None ? NULL : (PyTypeObject *)cls);
    }
    """
    object capi_calls_cmethod(object self, object cls, int plain)


def cmethod(self, cls):
    """A METH_METHOD function of SELF with the defining class CLS (None: none)."""
    return capi_calls_cmethod(self, cls, 0)


def cfunction_with_class(self, cls):
    """A function without METH_METHOD given a class: refused."""
    return capi_calls_cmethod(self, cls, 1)
