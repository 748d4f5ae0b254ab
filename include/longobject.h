// int: MicroPython small ints and its long-int implementation.
#ifndef MPCY_LONGOBJECT_H
#define MPCY_LONGOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyLongObject;
// bool is an int subclass in CPython (not in MicroPython).
#define PyLong_Check(o) MPCY_CHECK(mp_obj_is_int(MPCY_OBJ(o)) || mp_obj_is_bool(MPCY_OBJ(o)), o, mp_type_int)
#define PyLong_CheckExact(o) (mp_obj_is_small_int(MPCY_OBJ(o)) || mp_obj_is_exact_type(MPCY_OBJ(o), &mp_type_int))
PyObject *PyLong_FromLong(long v);
PyObject *PyLong_FromUnsignedLong(unsigned long v);
PyObject *PyLong_FromLongLong(long long v);
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v);
PyObject *PyLong_FromSsize_t(Py_ssize_t v);
PyObject *PyLong_FromSize_t(size_t v);
PyObject *PyLong_FromDouble(double v);
PyObject *PyLong_FromString(const char *str, char **pend, int base);
PyObject *PyLong_FromVoidPtr(void *p);
long PyLong_AsLong(PyObject *o);
long PyLong_AsLongAndOverflow(PyObject *o, int *overflow);
long long PyLong_AsLongLong(PyObject *o);
long long PyLong_AsLongLongAndOverflow(PyObject *o, int *overflow);
unsigned long PyLong_AsUnsignedLong(PyObject *o);
unsigned long long PyLong_AsUnsignedLongLong(PyObject *o);
unsigned long PyLong_AsUnsignedLongMask(PyObject *o);
unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *o);
Py_ssize_t PyLong_AsSsize_t(PyObject *o);
size_t PyLong_AsSize_t(PyObject *o);
double PyLong_AsDouble(PyObject *o);
void *PyLong_AsVoidPtr(PyObject *o);
int _PyLong_Sign(PyObject *o);
PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed);
int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian, int is_signed);
#define Py_ASNATIVEBYTES_DEFAULTS -1
#define Py_ASNATIVEBYTES_BIG_ENDIAN 0
#define Py_ASNATIVEBYTES_LITTLE_ENDIAN 1
#define Py_ASNATIVEBYTES_NATIVE_ENDIAN 3
#define Py_ASNATIVEBYTES_UNSIGNED_BUFFER 4
#define Py_ASNATIVEBYTES_REJECT_NEGATIVE 8
#define Py_ASNATIVEBYTES_ALLOW_INDEX 16
Py_ssize_t PyLong_AsNativeBytes(PyObject *v, void *buffer, Py_ssize_t n, int flags);
PyObject *PyLong_FromNativeBytes(const void *buffer, size_t n, int flags);
PyObject *PyLong_FromUnsignedNativeBytes(const void *buffer, size_t n, int flags);
#endif
