"""The warnings module from Cython code: warnings.warn, the C API's
PyErr_WarnEx/PyErr_WarnFormat/PyErr_WarnExplicit and Cython's own warnings,
all going through the filters."""
import warnings
from cpython.exc cimport PyErr_WarnEx, PyErr_WarnExplicit

cdef extern from "Python.h":
    int PyErr_WarnFormat(object category, Py_ssize_t stacklevel, const char *fmt, ...) except -1


class MyWarning(UserWarning):
    pass


CATEGORIES = [UserWarning, DeprecationWarning, PendingDeprecationWarning, RuntimeWarning, MyWarning,
              SyntaxWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning]


def categories():
    return CATEGORIES


def warn_py(msg, category=None):
    warnings.warn(msg, category)
    return "after"


def warn_c(msg, int kind):
    b = msg.encode("utf-8")
    PyErr_WarnEx(CATEGORIES[kind], b, 1)
    return "after"


def warn_c_default(msg):
    b = msg.encode("utf-8")
    PyErr_WarnEx(None, b, 1)
    return "after"


def warn_format(int n):
    PyErr_WarnFormat(RuntimeWarning, 1, "%d items, %s", n, b"formatted")
    return "after"


def warn_explicit(msg, int lineno):
    b = msg.encode("utf-8")
    PyErr_WarnExplicit(UserWarning, b, b"explicit.py", lineno, b"explicit", None)
    return "after"


def warn_explicit_registry(msg, int lineno, registry):
    """PyErr_WarnExplicit with a registry (a dict, None, or something else)."""
    b = msg.encode("utf-8")
    PyErr_WarnExplicit(RuntimeWarning, b, b"explicit.py", lineno, b"explicit", registry)
    return "after"


def warn_explicit_py(msg, int lineno, registry=None):
    warnings.warn_explicit(msg, RuntimeWarning, "explicit.py", lineno, "explicit", registry)
    return "after"


def cython_defaults_warning():
    """Cython itself warns (RuntimeWarning) when a function's __defaults__
    is replaced."""
    def f(a=1):
        return a
    f.__defaults__ = (2,)
    return f()


def catch_as_error(msg):
    """A warning turned into an exception by the filters, caught in Cython."""
    try:
        warnings.warn(msg, DeprecationWarning)
    except DeprecationWarning as e:
        return ("caught", type(e).__name__, str(e))
    return "not raised"
