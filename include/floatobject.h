#ifndef MPCY_FLOATOBJECT_H
#define MPCY_FLOATOBJECT_H
typedef struct { mp_obj_base_t base; } PyFloatObject;
typedef struct { mp_obj_base_t base; } PyComplexObject;
#define PyFloat_Check(o) mp_obj_is_float(MPCY_OBJ(o))
#define PyFloat_CheckExact(o) mp_obj_is_float(MPCY_OBJ(o))
PyObject *PyFloat_FromDouble(double v);
PyObject *PyFloat_FromString(PyObject *s);
double PyFloat_AsDouble(PyObject *o);
#define PyFloat_AS_DOUBLE(o) PyFloat_AsDouble(o)
double PyFloat_GetMax(void);
double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception);
double PyFloat_GetMin(void);
#define PyComplex_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_complex)
#define PyComplex_CheckExact(o) PyComplex_Check(o)
PyObject *PyComplex_FromDoubles(double real, double imag);
double PyComplex_RealAsDouble(PyObject *o);
double PyComplex_ImagAsDouble(PyObject *o);
#endif
