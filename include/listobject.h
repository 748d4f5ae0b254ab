#ifndef MPCY_LISTOBJECT_H
#define MPCY_LISTOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyListObject;
#define PyList_Check(o) MPCY_CHECK(PyList_CheckExact(o), o, mp_type_list)
#define PyList_CheckExact(o) mp_obj_is_exact_type(MPCY_OBJ(o), &mp_type_list)
PyObject *PyList_New(Py_ssize_t n);
Py_ssize_t PyList_Size(PyObject *l);
PyObject *PyList_GetItem(PyObject *l, Py_ssize_t i);
PyObject *PyList_GetItemRef(PyObject *l, Py_ssize_t i);
int PyList_SetItem(PyObject *l, Py_ssize_t i, PyObject *v);
int PyList_Insert(PyObject *l, Py_ssize_t i, PyObject *v);
int PyList_Append(PyObject *l, PyObject *v);
PyObject *PyList_GetSlice(PyObject *l, Py_ssize_t lo, Py_ssize_t hi);
int PyList_SetSlice(PyObject *l, Py_ssize_t lo, Py_ssize_t hi, PyObject *v);
int PyList_Sort(PyObject *l);
int PyList_Reverse(PyObject *l);
PyObject *PyList_AsTuple(PyObject *l);
int PyList_Extend(PyObject *l, PyObject *iterable);
#define MPCY_LIST(l) ((mp_obj_list_t *)MP_OBJ_TO_PTR(MPCY_NATIVE(PyList_CheckExact(l), l, mp_type_list)))
#define PyList_GET_SIZE(l) ((Py_ssize_t)MPCY_LIST(l)->len)
#define PyList_GET_ITEM(l, i) MPCY_PY(MPCY_LIST(l)->items[i])
#define PyList_SET_ITEM(l, i, v) (MPCY_LIST(l)->items[i] = MPCY_OBJ(v))
#endif
