// Evaluation, the GIL and threads.
#ifndef MPCY_CEVAL_H
#define MPCY_CEVAL_H
PyObject *PyEval_EvalCode(PyObject *code, PyObject *globals, PyObject *locals);
PyObject *PyEval_GetBuiltins(void);
PyObject *PyEval_GetGlobals(void);
PyObject *PyEval_GetLocals(void);
typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyGILState_STATE PyGILState_Ensure(void);
void PyGILState_Release(PyGILState_STATE state);
PyThreadState *PyGILState_GetThisThreadState(void);
int PyGILState_Check(void);
PyThreadState *PyEval_SaveThread(void);
void PyEval_RestoreThread(PyThreadState *ts);
void PyEval_InitThreads(void);
#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }
#endif
