#ifndef MPCY_SLICEOBJECT_H
#define MPCY_SLICEOBJECT_H
// a cdef class with this base starts with it (mpcython.h); it is refused at
// import, as on CPython (MicroPython's slice has no constructor)
typedef mpcy_subnative_t PySliceObject;
#define PySlice_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_slice)
PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step);
int PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step);
int PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength);
#endif
