// Building values (Py_BuildValue) and parsing arguments (PyArg_*).
#ifndef MPCY_MODSUPPORT_H
#define MPCY_MODSUPPORT_H
PyObject *Py_BuildValue(const char *format, ...);
PyObject *Py_VaBuildValue(const char *format, va_list va);
int PyArg_Parse(PyObject *arg, const char *format, ...);
int PyArg_ParseTuple(PyObject *args, const char *format, ...);
int PyArg_VaParse(PyObject *args, const char *format, va_list va);
int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...);
int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, va_list va);
int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...);
int PyArg_ValidateKeywordArguments(PyObject *kw);
#endif
