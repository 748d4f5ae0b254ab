// types.GenericAlias (`list[int]`): runtime/genericaliasobject.c.
#ifndef MPCY_GENERICALIASOBJECT_H
#define MPCY_GENERICALIASOBJECT_H
PyObject *Py_GenericAlias(PyObject *origin, PyObject *args);
#endif
