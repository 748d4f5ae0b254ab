#ifndef MPCY_TRACEBACK_H
#define MPCY_TRACEBACK_H
struct _frame;
typedef struct _frame PyFrameObject;
int PyTraceBack_Here(PyFrameObject *frame);
// MicroPython keeps tracebacks inside the exception: no traceback objects.
#define PyTraceBack_Check(o) ((void)(o), 0)
int PyTraceBack_Print(PyObject *tb, PyObject *f);
#endif
