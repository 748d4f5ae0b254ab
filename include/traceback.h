#ifndef MPCY_TRACEBACK_H
#define MPCY_TRACEBACK_H
struct _frame;
typedef struct _frame PyFrameObject;
int PyTraceBack_Here(PyFrameObject *frame);
// MicroPython keeps tracebacks inside the exception; a traceback object only
// refers to its exception (runtime/pythonrun.c).
#define PyTraceBack_Check(o) mpcy_traceback_check(o)
int PyTraceBack_Print(PyObject *tb, PyObject *f);
#endif
