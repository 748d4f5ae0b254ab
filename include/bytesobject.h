#ifndef MPCY_BYTESOBJECT_H
#define MPCY_BYTESOBJECT_H
typedef struct { mp_obj_base_t base;
} PyBytesObject;
#define PyBytes_Check(o) MPCY_CHECK(PyBytes_CheckExact(o), o, mp_type_bytes)
#define PyBytes_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_bytes)
PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n);
PyObject *PyBytes_FromString(const char *s);
PyObject *PyBytes_FromFormat(const char *fmt, ...);
PyObject *PyBytes_FromFormatV(const char *fmt, va_list va);
PyObject *PyBytes_FromObject(PyObject *o);
char *PyBytes_AsString(PyObject *o);
int PyBytes_AsStringAndSize(PyObject *o, char **s, Py_ssize_t *len);
Py_ssize_t PyBytes_Size(PyObject *o);
PyObject *PyBytes_Join(PyObject *sep, PyObject *seq);
void PyBytes_Concat(PyObject **b, PyObject *w);
#define PyBytes_AS_STRING(o) PyBytes_AsString(o)
#define PyBytes_GET_SIZE(o) PyBytes_Size(o)
#endif
