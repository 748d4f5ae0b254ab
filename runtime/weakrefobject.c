// Weak references (weakrefobject.h): MicroPython has none, so no object can
// be weakly referenced: creating one raises CPython's TypeError for an object
// that does not support them, and nothing is a weak reference.
#include "mpcy.h"

static PyObject *mpcy_no_weakref(PyObject *o) {
    PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
    return NULL;
}

PyObject *PyWeakref_NewRef(PyObject *o, PyObject *callback) {
    (void)callback;
    return mpcy_no_weakref(o);
}

PyObject *PyWeakref_NewProxy(PyObject *o, PyObject *callback) {
    (void)callback;
    return mpcy_no_weakref(o);
}

// REF is never a weak reference: CPython's answers for what is not one.
int PyWeakref_GetRef(PyObject *ref, PyObject **pobj) {
    (void)ref;
    *pobj = NULL;
    PyErr_SetString(PyExc_TypeError, "expected a weakref");
    return -1;
}

PyObject *PyWeakref_GetObject(PyObject *ref) {
    (void)ref;
    PyErr_BadInternalCall();
    return NULL;
}

// No object has weak references to clear.
void PyObject_ClearWeakRefs(PyObject *o) {
    (void)o;
}
