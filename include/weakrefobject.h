#ifndef MPCY_WEAKREFOBJECT_H
#define MPCY_WEAKREFOBJECT_H
PyObject *PyWeakref_NewRef(PyObject *o, PyObject *callback);
PyObject *PyWeakref_NewProxy(PyObject *o, PyObject *callback);
int PyWeakref_GetRef(PyObject *ref, PyObject **pobj);
#define PyWeakref_Check(o) 0
void PyObject_ClearWeakRefs(PyObject *o);
#endif
