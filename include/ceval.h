// Evaluation, and releasing the GIL around C code (Py_BEGIN_ALLOW_THREADS).
#ifndef MPCY_CEVAL_H
#define MPCY_CEVAL_H
PyObject *PyEval_EvalCode(PyObject *code, PyObject *globals, PyObject *locals);
PyObject *PyEval_GetBuiltins(void);
PyObject *PyEval_GetGlobals(void);
PyObject *PyEval_GetLocals(void);
PyThreadState *PyEval_SaveThread(void);
void PyEval_RestoreThread(PyThreadState *ts);
void PyEval_InitThreads(void);
#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }
#endif
