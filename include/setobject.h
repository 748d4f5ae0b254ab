#ifndef MPCY_SETOBJECT_H
#define MPCY_SETOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PySetObject;
#define PySet_Check(o) MPCY_CHECK(PySet_CheckExact(o), o, mp_type_set)
#define PySet_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_set)
#define PyFrozenSet_Check(o) MPCY_CHECK(PyFrozenSet_CheckExact(o), o, mp_type_frozenset)
#define PyFrozenSet_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_frozenset)
#define PyAnySet_Check(o) (PySet_Check(o) || PyFrozenSet_Check(o))
#define PyAnySet_CheckExact(o) (PySet_CheckExact(o) || PyFrozenSet_CheckExact(o))
PyObject *PySet_New(PyObject *iterable);
PyObject *PyFrozenSet_New(PyObject *iterable);
Py_ssize_t PySet_Size(PyObject *s);
#define PySet_GET_SIZE(s) PySet_Size(s)
int PySet_Add(PyObject *s, PyObject *key);
int PySet_Discard(PyObject *s, PyObject *key);
int PySet_Contains(PyObject *s, PyObject *key);
PyObject *PySet_Pop(PyObject *s);
int PySet_Clear(PyObject *s);
#endif
