#ifndef MPCY_BYTEARRAYOBJECT_H
#define MPCY_BYTEARRAYOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyByteArrayObject;
#define PyByteArray_Check(o) MPCY_CHECK(PyByteArray_CheckExact(o), o, mp_type_bytearray)
#define PyByteArray_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_bytearray)
PyObject *PyByteArray_FromStringAndSize(const char *s, Py_ssize_t n);
PyObject *PyByteArray_FromObject(PyObject *o);
char *PyByteArray_AsString(PyObject *o);
Py_ssize_t PyByteArray_Size(PyObject *o);
int PyByteArray_Resize(PyObject *o, Py_ssize_t n);
#define PyByteArray_AS_STRING(o) PyByteArray_AsString(o)
#define PyByteArray_GET_SIZE(o) PyByteArray_Size(o)
#endif
