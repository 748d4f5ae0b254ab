#ifndef MPCY_WARNINGS_H
#define MPCY_WARNINGS_H
int PyErr_WarnEx(PyObject *category, const char *msg, Py_ssize_t stacklevel);
int PyErr_WarnFormat(PyObject *category, Py_ssize_t stacklevel, const char *fmt, ...);
int PyErr_WarnExplicit(PyObject *category, const char *msg, const char *filename, int lineno, const char *module, PyObject *registry);
#define PyErr_Warn(cat, msg) PyErr_WarnEx((cat), (msg), 1)
#endif
