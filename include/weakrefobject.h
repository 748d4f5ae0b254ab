#ifndef MPCY_WEAKREFOBJECT_H
#define MPCY_WEAKREFOBJECT_H
// MicroPython has no weak references (runtime/weakrefobject.c).
PyObject *PyWeakref_NewRef(PyObject *o, PyObject *callback);
PyObject *PyWeakref_NewProxy(PyObject *o, PyObject *callback);
int PyWeakref_GetRef(PyObject *ref, PyObject **pobj);
PyObject *PyWeakref_GetObject(PyObject *ref);
#define PyWeakref_Check(o) ((void)(o), 0)
#define PyWeakref_CheckRef(o) ((void)(o), 0)
#define PyWeakref_CheckRefExact(o) ((void)(o), 0)
#define PyWeakref_CheckProxy(o) ((void)(o), 0)
void PyObject_ClearWeakRefs(PyObject *o);
#endif
