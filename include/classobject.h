// Bound methods: MicroPython's bound_method type.
#ifndef MPCY_CLASSOBJECT_H
#define MPCY_CLASSOBJECT_H
#define PyMethod_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_bound_meth)
PyObject *PyMethod_New(PyObject *func, PyObject *self);
PyObject *PyMethod_Function(PyObject *m);
PyObject *PyMethod_Self(PyObject *m);
#define PyMethod_GET_FUNCTION(m) PyMethod_Function(m)
#define PyMethod_GET_SELF(m) PyMethod_Self(m)
PyObject *PyInstanceMethod_New(PyObject *func);
#endif
