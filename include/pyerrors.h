// Exceptions and the error indicator. CPython signals errors by NULL/-1 plus
// a per-thread indicator; MicroPython raises with nlr. The layer converts at
// the two boundaries (docs/design.md, "Error boundaries"; runtime/mpcy_nlr.h).
#ifndef MPCY_PYERRORS_H
#define MPCY_PYERRORS_H

// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyBaseExceptionObject;

#define PyExc_BaseException MPCY_EXC(mp_type_BaseException)
#define PyExc_Exception MPCY_EXC(mp_type_Exception)
#define PyExc_ArithmeticError MPCY_EXC(mp_type_ArithmeticError)
#define PyExc_AssertionError MPCY_EXC(mp_type_AssertionError)
#define PyExc_AttributeError MPCY_EXC(mp_type_AttributeError)
#define PyExc_EOFError MPCY_EXC(mp_type_EOFError)
#define PyExc_GeneratorExit MPCY_EXC(mp_type_GeneratorExit)
#define PyExc_ImportError MPCY_EXC(mp_type_ImportError)
#define PyExc_IndentationError MPCY_EXC(mp_type_IndentationError)
#define PyExc_IndexError MPCY_EXC(mp_type_IndexError)
#define PyExc_KeyboardInterrupt MPCY_EXC(mp_type_KeyboardInterrupt)
#define PyExc_KeyError MPCY_EXC(mp_type_KeyError)
#define PyExc_LookupError MPCY_EXC(mp_type_LookupError)
#define PyExc_MemoryError MPCY_EXC(mp_type_MemoryError)
#define PyExc_NameError MPCY_EXC(mp_type_NameError)
#define PyExc_NotImplementedError MPCY_EXC(mp_type_NotImplementedError)
#define PyExc_OSError MPCY_EXC(mp_type_OSError)
#define PyExc_IOError PyExc_OSError
#define PyExc_EnvironmentError PyExc_OSError
#define PyExc_OverflowError MPCY_EXC(mp_type_OverflowError)
#define PyExc_RuntimeError MPCY_EXC(mp_type_RuntimeError)
#define PyExc_StopAsyncIteration MPCY_EXC(mp_type_StopAsyncIteration)
#define PyExc_StopIteration MPCY_EXC(mp_type_StopIteration)
#define PyExc_SyntaxError MPCY_EXC(mp_type_SyntaxError)
#define PyExc_SystemExit MPCY_EXC(mp_type_SystemExit)
#define PyExc_TypeError MPCY_EXC(mp_type_TypeError)
#define PyExc_UnicodeError MPCY_EXC(mp_type_UnicodeError)
#define PyExc_ValueError MPCY_EXC(mp_type_ValueError)
#define PyExc_ZeroDivisionError MPCY_EXC(mp_type_ZeroDivisionError)
#define PyExc_Warning MPCY_EXC(mpcy_type_Warning)
#define PyExc_UserWarning MPCY_EXC(mpcy_type_UserWarning)
#define PyExc_DeprecationWarning MPCY_EXC(mpcy_type_DeprecationWarning)
#define PyExc_PendingDeprecationWarning MPCY_EXC(mpcy_type_PendingDeprecationWarning)
#define PyExc_RuntimeWarning MPCY_EXC(mpcy_type_RuntimeWarning)
#define PyExc_SyntaxWarning MPCY_EXC(mpcy_type_SyntaxWarning)
#define PyExc_FutureWarning MPCY_EXC(mpcy_type_FutureWarning)
#define PyExc_ImportWarning MPCY_EXC(mpcy_type_ImportWarning)
#define PyExc_UnicodeWarning MPCY_EXC(mpcy_type_UnicodeWarning)
#define PyExc_BytesWarning MPCY_EXC(mpcy_type_BytesWarning)
#define PyExc_ResourceWarning MPCY_EXC(mpcy_type_ResourceWarning)
#define PyExc_EncodingWarning MPCY_EXC(mpcy_type_EncodingWarning)
#define PyExc_BufferError MPCY_EXC(mpcy_type_BufferError)
#define PyExc_SystemError MPCY_EXC(mpcy_type_SystemError)
#define PyExc_ReferenceError MPCY_EXC(mpcy_type_ReferenceError)
#define PyExc_FloatingPointError MPCY_EXC(mpcy_type_FloatingPointError)
#define PyExc_RecursionError MPCY_EXC(mpcy_type_RecursionError)
#define PyExc_ModuleNotFoundError MPCY_EXC(mpcy_type_ModuleNotFoundError)
#define PyExc_UnboundLocalError MPCY_EXC(mpcy_type_UnboundLocalError)
#define PyExc_TabError MPCY_EXC(mpcy_type_TabError)
#define PyExc_UnicodeDecodeError MPCY_EXC(mpcy_type_UnicodeDecodeError)
#define PyExc_UnicodeEncodeError MPCY_EXC(mpcy_type_UnicodeEncodeError)
#define PyExc_UnicodeTranslateError MPCY_EXC(mpcy_type_UnicodeTranslateError)
#define PyExc_FileNotFoundError MPCY_EXC(mpcy_type_FileNotFoundError)
#define PyExc_FileExistsError MPCY_EXC(mpcy_type_FileExistsError)
#define PyExc_PermissionError MPCY_EXC(mpcy_type_PermissionError)
#define PyExc_IsADirectoryError MPCY_EXC(mpcy_type_IsADirectoryError)
#define PyExc_NotADirectoryError MPCY_EXC(mpcy_type_NotADirectoryError)
#define PyExc_InterruptedError MPCY_EXC(mpcy_type_InterruptedError)
#define PyExc_BlockingIOError MPCY_EXC(mpcy_type_BlockingIOError)
#define PyExc_ChildProcessError MPCY_EXC(mpcy_type_ChildProcessError)
#define PyExc_ProcessLookupError MPCY_EXC(mpcy_type_ProcessLookupError)
#define PyExc_TimeoutError MPCY_EXC(mpcy_type_TimeoutError)
#define PyExc_ConnectionError MPCY_EXC(mpcy_type_ConnectionError)
#define PyExc_BrokenPipeError MPCY_EXC(mpcy_type_BrokenPipeError)
#define PyExc_ConnectionAbortedError MPCY_EXC(mpcy_type_ConnectionAbortedError)
#define PyExc_ConnectionRefusedError MPCY_EXC(mpcy_type_ConnectionRefusedError)
#define PyExc_ConnectionResetError MPCY_EXC(mpcy_type_ConnectionResetError)

// The error indicator holds one normalised exception instance (MPCY_ERR).
#define PyErr_Occurred() (MPCY_ERR != MP_OBJ_NULL ? (PyObject *)mp_obj_get_type(MPCY_ERR) : (PyObject *)NULL)
void PyErr_SetString(PyObject *type, const char *msg);
void PyErr_SetObject(PyObject *type, PyObject *value);
void PyErr_SetNone(PyObject *type);
PyObject *PyErr_Format(PyObject *type, const char *fmt, ...);
PyObject *PyErr_FormatV(PyObject *type, const char *fmt, va_list va);
PyObject *PyErr_NoMemory(void);
void PyErr_Clear(void);
void PyErr_Fetch(PyObject **type, PyObject **value, PyObject **tb);
void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb);
void PyErr_NormalizeException(PyObject **type, PyObject **value, PyObject **tb);
PyObject *PyErr_GetRaisedException(void);
void PyErr_SetRaisedException(PyObject *exc);
void PyErr_GetExcInfo(PyObject **type, PyObject **value, PyObject **tb);
void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *tb);
PyObject *PyErr_GetHandledException(void);
void PyErr_SetHandledException(PyObject *exc);
int PyErr_ExceptionMatches(PyObject *exc);
int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc);
int PyErr_BadArgument(void);
void PyErr_BadInternalCall(void);
#define _PyErr_BadInternalCall(f, l) PyErr_BadInternalCall()
PyObject *PyErr_SetFromErrno(PyObject *type);
void PyErr_Print(void);
void PyErr_PrintEx(int set_sys_last_vars);
void PyErr_WriteUnraisable(PyObject *obj);
int PyErr_CheckSignals(void);
PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict);
PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict);
void Py_FatalError(const char *msg) __attribute__((noreturn));

PyObject *PyException_GetTraceback(PyObject *exc);
int PyException_SetTraceback(PyObject *exc, PyObject *tb);
PyObject *PyException_GetCause(PyObject *exc);
void PyException_SetCause(PyObject *exc, PyObject *cause);
PyObject *PyException_GetContext(PyObject *exc);
void PyException_SetContext(PyObject *exc, PyObject *ctx);
PyObject *PyException_GetArgs(PyObject *exc);
void PyException_SetArgs(PyObject *exc, PyObject *args);

#define PyExceptionClass_Check(x) mp_obj_is_exception_type(MPCY_OBJ(x))
#define PyExceptionInstance_Check(x) mp_obj_is_exception_instance(MPCY_OBJ(x))
#define PyExceptionInstance_Class(x) ((PyObject *)Py_TYPE(x))
#define PyExceptionClass_Name(x) (qstr_str(((const mp_obj_type_t *)(x))->name))

int PyOS_snprintf(char *str, size_t size, const char *format, ...);
int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va);

#endif
