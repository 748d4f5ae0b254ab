#ifndef MPCY_TUPLEOBJECT_H
#define MPCY_TUPLEOBJECT_H
typedef struct { mp_obj_tuple_t base;
} PyTupleObject;
// MicroPython's attribute tuples (os.uname()) count as tuples.
#define PyTuple_Check(o) MPCY_CHECK(mpcy_is_tuple_compatible(MPCY_OBJ(o)), o, mp_type_tuple)
#define PyTuple_CheckExact(o) mp_obj_is_exact_type(MPCY_OBJ(o), &mp_type_tuple)
PyObject *PyTuple_New(Py_ssize_t n);
PyObject *PyTuple_Pack(Py_ssize_t n, ...);
Py_ssize_t PyTuple_Size(PyObject *t);
PyObject *PyTuple_GetItem(PyObject *t, Py_ssize_t i);
int PyTuple_SetItem(PyObject *t, Py_ssize_t i, PyObject *v);
PyObject *PyTuple_GetSlice(PyObject *t, Py_ssize_t lo, Py_ssize_t hi);
// Unchecked accessors (the Limited API spells them as the checked calls).
#define MPCY_TUPLE(t) ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(MPCY_NATIVE(PyTuple_CheckExact(t), t, mp_type_tuple)))
#define PyTuple_GET_SIZE(t) ((Py_ssize_t)MPCY_TUPLE(t)->len)
#define PyTuple_GET_ITEM(t, i) MPCY_PY(MPCY_TUPLE(t)->items[i])
#define PyTuple_SET_ITEM(t, i, v) (MPCY_TUPLE(t)->items[i] = MPCY_OBJ(v))
#endif
