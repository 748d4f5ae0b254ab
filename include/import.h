#ifndef MPCY_IMPORT_H
#define MPCY_IMPORT_H
PyObject *PyImport_ImportModule(const char *name);
PyObject *PyImport_Import(PyObject *name);
PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level);
PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level);
PyObject *PyImport_AddModule(const char *name);
PyObject *PyImport_AddModuleObject(PyObject *name);
PyObject *PyImport_AddModuleRef(const char *name);
PyObject *PyImport_GetModuleDict(void);
PyObject *PyImport_GetModule(PyObject *name);
PyObject *PyImport_ReloadModule(PyObject *m);
int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));
#endif
