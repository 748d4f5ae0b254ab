#ifndef MPCY_COMPLEXOBJECT_H
#define MPCY_COMPLEXOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyComplexObject;
#define PyComplex_Check(o) MPCY_CHECK(PyComplex_CheckExact(o), o, mp_type_complex)
#define PyComplex_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_complex)
PyObject *PyComplex_FromDoubles(double real, double imag);
double PyComplex_RealAsDouble(PyObject *o);
double PyComplex_ImagAsDouble(PyObject *o);
#endif
