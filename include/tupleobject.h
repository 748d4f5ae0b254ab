#ifndef MPCY_TUPLEOBJECT_H
#define MPCY_TUPLEOBJECT_H
typedef struct { mp_obj_tuple_t base;
} PyTupleObject;
// A tuple or a tuple-like type (namedtuple, attrtuple): py/objtuple.h's
// mp_obj_is_tuple_compatible, spelled out (1.25 has it in objtuple.c only).
#define PyTuple_Check(o) \
    (MP_OBJ_TYPE_GET_SLOT_OR_NULL(mp_obj_get_type(MPCY_OBJ(o)), iter) == mp_obj_tuple_getiter)
#define PyTuple_CheckExact(o) mp_obj_is_exact_type(MPCY_OBJ(o), &mp_type_tuple)
PyObject *PyTuple_New(Py_ssize_t n);
PyObject *PyTuple_Pack(Py_ssize_t n, ...);
Py_ssize_t PyTuple_Size(PyObject *t);
PyObject *PyTuple_GetItem(PyObject *t, Py_ssize_t i);
int PyTuple_SetItem(PyObject *t, Py_ssize_t i, PyObject *v);
PyObject *PyTuple_GetSlice(PyObject *t, Py_ssize_t lo, Py_ssize_t hi);
// Unchecked accessors (the Limited API spells them as the checked calls).
#define PyTuple_GET_SIZE(t) ((Py_ssize_t)((mp_obj_tuple_t *)MP_OBJ_TO_PTR(MPCY_OBJ(t)))->len)
#define PyTuple_GET_ITEM(t, i) MPCY_PY(((mp_obj_tuple_t *)MP_OBJ_TO_PTR(MPCY_OBJ(t)))->items[i])
#define PyTuple_SET_ITEM(t, i, v) (((mp_obj_tuple_t *)MP_OBJ_TO_PTR(MPCY_OBJ(t)))->items[i] = MPCY_OBJ(v))
#endif
