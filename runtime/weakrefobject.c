// Weak references (weakrefobject.h): MicroPython has none; creating one
// raises NotImplementedError naming the function.
#include "mpcy.h"

// Weak references: MicroPython has none.
PyObject *PyWeakref_NewRef(PyObject *o, PyObject *callback) {
    (void)o;
    (void)callback;
    PyErr_SetString(PyExc_NotImplementedError, "PyWeakref_NewRef");
    return NULL;
}

PyObject *PyWeakref_NewProxy(PyObject *o, PyObject *callback) {
    (void)o;
    (void)callback;
    PyErr_SetString(PyExc_NotImplementedError, "PyWeakref_NewProxy");
    return NULL;
}

int PyWeakref_GetRef(PyObject *ref, PyObject **pobj) {
    (void)ref;
    *pobj = NULL;
    PyErr_SetString(PyExc_NotImplementedError, "PyWeakref_GetRef");
    return -1;
}

void PyObject_ClearWeakRefs(PyObject *o) {
    (void)o;
}
