// Interpreter and thread state; C threads calling in (PyGILState_*).
#ifndef MPCY_PYSTATE_H
#define MPCY_PYSTATE_H
typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyGILState_STATE PyGILState_Ensure(void);
void PyGILState_Release(PyGILState_STATE state);
PyThreadState *PyGILState_GetThisThreadState(void);
int PyGILState_Check(void);
PyThreadState *PyThreadState_Get(void);
PyThreadState *PyThreadState_Swap(PyThreadState *ts);
#define PyThreadState_GET() PyThreadState_Get()
#define _PyThreadState_UncheckedGet() PyThreadState_Get()
PyInterpreterState *PyInterpreterState_Get(void);
int64_t PyInterpreterState_GetID(PyInterpreterState *interp);
PyObject *PyThreadState_GetDict(void);
extern const unsigned long Py_Version;
const char *Py_GetVersion(void);
#endif
