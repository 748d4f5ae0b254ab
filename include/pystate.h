#ifndef MPCY_PYSTATE_H
#define MPCY_PYSTATE_H
PyThreadState *PyThreadState_Get(void);
#define PyThreadState_GET() PyThreadState_Get()
#define _PyThreadState_UncheckedGet() PyThreadState_Get()
PyInterpreterState *PyInterpreterState_Get(void);
int64_t PyInterpreterState_GetID(PyInterpreterState *interp);
PyObject *PyThreadState_GetDict(void);
extern const unsigned long Py_Version;
const char *Py_GetVersion(void);
#endif
