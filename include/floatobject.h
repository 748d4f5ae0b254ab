#ifndef MPCY_FLOATOBJECT_H
#define MPCY_FLOATOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyFloatObject;
#define PyFloat_Check(o) MPCY_CHECK(mp_obj_is_float(MPCY_OBJ(o)), o, mp_type_float)
#define PyFloat_CheckExact(o) mp_obj_is_float(MPCY_OBJ(o))
PyObject *PyFloat_FromDouble(double v);
PyObject *PyFloat_FromString(PyObject *s);
double PyFloat_AsDouble(PyObject *o);
#define PyFloat_AS_DOUBLE(o) PyFloat_AsDouble(o)
double PyFloat_GetMax(void);
double PyFloat_GetMin(void);
#endif
