"""C API: the error indicator and exception helpers (PyErr_*)."""

from cpython.ref cimport PyObject, Py_XINCREF, Py_XDECREF

cdef extern from *:
    """
    #include <errno.h>
    static void capi_set_errno(int code) { errno = code; }
    """
    void capi_set_errno(int code)

cdef extern from "Python.h":
    void PyErr_SetString(object type, const char *msg)
    void PyErr_SetObject(object type, object value)
    void PyErr_SetNone(object type)
    PyObject *PyErr_Format(object type, const char *fmt, ...) except? NULL
    PyObject *PyErr_NoMemory() except? NULL
    int PyErr_BadArgument() except 0
    PyObject *PyErr_SetFromErrno(object type) except? NULL
    PyObject *PyErr_Occurred()
    void PyErr_Clear()
    int PyErr_ExceptionMatches(object exc)
    int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc)
    void PyErr_Fetch(PyObject **type, PyObject **value, PyObject **tb)
    void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb)
    void PyErr_NormalizeException(PyObject **type, PyObject **value, PyObject **tb)
    void PyErr_GetExcInfo(PyObject **type, PyObject **value, PyObject **tb)
    object PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
    object PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict)
    int PyErr_WarnEx(PyObject *category, const char *msg, Py_ssize_t stacklevel) except -1
    void PyErr_WriteUnraisable(object obj)
    void PyErr_Print()
    int PyErr_CheckSignals() except -1
    bint PyExceptionClass_Check(object o)
    PyObject *PyExc_Warning
    PyObject *PyExc_UserWarning
    PyObject *PyExc_DeprecationWarning
    PyObject *PyExc_RuntimeWarning
    bint PyExceptionInstance_Check(object o)


cdef int fail() except -1:
    # propagate the error indicator that the caller just set
    return -1

def set_string(exc, bytes msg):
    PyErr_SetString(exc, msg)
    fail()

def set_object(exc, value):
    PyErr_SetObject(exc, value)
    fail()

def set_none(exc):
    PyErr_SetNone(exc)
    fail()

def format_error(exc, int n, bytes s, obj):
    PyErr_Format(exc, "n=%d s=%s obj=%R", n, <char *>s, <PyObject *>obj)

def no_memory():
    PyErr_NoMemory()

def bad_argument():
    PyErr_BadArgument()

def from_errno(exc, int code):
    capi_set_errno(code)
    PyErr_SetFromErrno(exc)

def occurred_and_clear(exc):
    # set, look at, clear: nothing escapes
    before = PyErr_Occurred() is NULL
    PyErr_SetString(exc, b"pending")
    t = <object>PyErr_Occurred()
    PyErr_Clear()
    return before, t.__name__, PyErr_Occurred() is NULL

def matches(exc, against):
    # PyErr_ExceptionMatches for a pending `exc`
    PyErr_SetString(exc, b"x")
    r = PyErr_ExceptionMatches(against)
    PyErr_Clear()
    return r

def matches_nothing_pending(against):
    return PyErr_ExceptionMatches(against)

def given_matches(given, against):
    return PyErr_GivenExceptionMatches(<PyObject *>given, <PyObject *>against)

def given_matches_null(against):
    return PyErr_GivenExceptionMatches(NULL, <PyObject *>against)

def fetch_normalize_restore(exc, msg):
    cdef PyObject *t
    cdef PyObject *v
    cdef PyObject *tb
    PyErr_SetObject(exc, msg)
    PyErr_Fetch(&t, &v, &tb)
    cleared = PyErr_Occurred() is NULL
    PyErr_NormalizeException(&t, &v, &tb)
    tname = (<object>t).__name__
    value = <object>v
    print('  fetched', cleared, tname, type(value).__name__, value.args, isinstance(value, exc))
    # put it back and raise it
    PyErr_Restore(t, v, tb)
    fail()

def fetch_nothing():
    cdef PyObject *t = <PyObject *>1
    cdef PyObject *v = <PyObject *>1
    cdef PyObject *tb = <PyObject *>1
    PyErr_Fetch(&t, &v, &tb)
    return t is NULL, v is NULL, tb is NULL

def normalize(exc, value):
    # a type and an unnormalised value (None, a single value or an args tuple)
    cdef PyObject *t = <PyObject *>exc
    cdef PyObject *v = <PyObject *>value if value is not None else NULL
    cdef PyObject *tb = NULL
    Py_XINCREF(t)
    Py_XINCREF(v)
    PyErr_NormalizeException(&t, &v, &tb)
    r = <object>v
    Py_XDECREF(t)
    Py_XDECREF(v)
    Py_XDECREF(tb)
    return type(r).__name__, r.args

def restore_raise(exc, value):
    cdef PyObject *t = <PyObject *>exc
    cdef PyObject *v = <PyObject *>value
    Py_XINCREF(t)
    Py_XINCREF(v)
    PyErr_Restore(t, v, NULL)
    fail()

def restore_null():
    PyErr_SetString(ValueError, b"to be cleared")
    PyErr_Restore(NULL, NULL, NULL)
    return PyErr_Occurred() is NULL

def exc_info_in_handler():
    cdef PyObject *t
    cdef PyObject *v
    cdef PyObject *tb
    try:
        raise KeyError('handled')
    except KeyError:
        PyErr_GetExcInfo(&t, &v, &tb)
        r = (<object>t).__name__, (<object>v).args
        Py_XDECREF(t)
        Py_XDECREF(v)
        Py_XDECREF(tb)
        return r

def new_exception(bytes name, base, dict d):
    return PyErr_NewException(name, <PyObject *>base if base is not None else NULL,
                              <PyObject *>d if d is not None else NULL)

def new_exception_with_doc(bytes name, bytes doc, base):
    return PyErr_NewExceptionWithDoc(name, doc, <PyObject *>base if base is not None else NULL, NULL)

def raise_new(cls, arg):
    raise cls(arg)

def warn(int which, bytes msg):
    # the warning categories are C-level objects (MicroPython has no UserWarning builtin)
    cdef PyObject *category = NULL
    if which == 0:
        category = PyExc_UserWarning
    elif which == 1:
        category = PyExc_DeprecationWarning
    elif which == 2:
        category = PyExc_RuntimeWarning
    return PyErr_WarnEx(category, msg, 1)

def warning_classes():
    u = <object>PyExc_UserWarning
    w = <object>PyExc_Warning
    return u.__name__, issubclass(u, w), issubclass(w, Exception), issubclass(<object>PyExc_DeprecationWarning, w)

def write_unraisable(obj):
    # reported on stderr; the indicator is cleared
    PyErr_SetString(RuntimeError, b"ignored")
    PyErr_WriteUnraisable(obj)
    return PyErr_Occurred() is NULL

def print_error():
    # printed on stderr; the indicator is cleared
    PyErr_SetString(RuntimeError, b"printed")
    PyErr_Print()
    return PyErr_Occurred() is NULL

def check_signals():
    return PyErr_CheckSignals()

def class_checks(o):
    return PyExceptionClass_Check(o), PyExceptionInstance_Check(o)
