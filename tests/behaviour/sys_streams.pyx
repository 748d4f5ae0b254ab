# sys attributes set from Cython code: sys.stdout / sys.stderr replaced by
# any object with write() (Cython's print, the layer's error and warning
# output follow it), PySys_SetObject / PySys_GetObject, print()'s file, sep,
# end and flush.
import sys

from cpython.object cimport PyObject

cdef extern from "Python.h":
    int PySys_SetObject(const char *name, PyObject *v) except -1
    PyObject *PySys_GetObject(const char *name)
    void PySys_WriteStdout(const char *format, ...)
    void PySys_WriteStderr(const char *format, ...)


class Collect:
    def __init__(self):
        self.parts = []
        self.flushed = 0

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.flushed += 1


class BadWrite:
    def write(self, text):
        raise ValueError("write refused: " + text)


def captured(name, f, *args):
    """Calls f with sys.<name> replaced; the pieces written."""
    old = getattr(sys, name)
    c = Collect()
    setattr(sys, name, c)
    try:
        f(*args)
    finally:
        setattr(sys, name, old)
    return c.parts


def captured_stdout(f, *args):
    return captured("stdout", f, *args)


def captured_stderr(f, *args):
    return "".join(captured("stderr", f, *args))


def prints(a, b):
    print(a, b)
    print(a, b, sep="-", end="!\n")
    print()
    print(a, sep=None, end=None)
    sys.stdout.write("direct\n")


def print_to(f, *args, **kw):
    print(*args, file=f, **kw)
    return f.parts if isinstance(f, Collect) else None


def flush_count():
    c = Collect()
    print("x", file=c, flush=True)
    print("y", file=c, flush=False)
    return c.flushed, c.parts


def print_bad_sep():
    print("a", "b", sep=1)


def print_bad_end():
    print("a", end=b"x")


def print_bad_write():
    print("a", file=BadWrite())


cdef int raises_unraisable() noexcept:
    raise ValueError("lost")


def unraisable():
    raises_unraisable()


def write_functions():
    PySys_WriteStdout(b"out %d\n", <int>42)
    PySys_WriteStderr(b"err %s\n", b"text")


def warn_to_stderr():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("careful", UserWarning)


cdef sys_get(const char *name):
    cdef PyObject *p = PySys_GetObject(name)
    return "missing" if p is NULL else <object>p


def set_get_del():
    cdef object six = 6
    sys.mpcy_test_attr = 5
    a = sys.mpcy_test_attr
    b = sys_get(b"mpcy_test_attr")
    PySys_SetObject(b"mpcy_test_attr", <PyObject *>six)
    c = sys.mpcy_test_attr
    del sys.mpcy_test_attr
    d = getattr(sys, "mpcy_test_attr", "gone")
    e = hasattr(sys, "mpcy_test_attr")
    f = sys_get(b"mpcy_test_attr")
    return a, b, c, d, e, f


def del_missing():
    del sys.mpcy_never_set


def set_null_missing():
    # PySys_SetObject(name, NULL) of what is not there: no error, as CPython's
    return PySys_SetObject(b"mpcy_never_set", NULL)


def set_null_present():
    sys.mpcy_test_attr = 1
    PySys_SetObject(b"mpcy_test_attr", NULL)
    return hasattr(sys, "mpcy_test_attr")


def get_missing():
    return sys_get(b"mpcy_never_set")


def stdout_is_replaced_object():
    old = sys.stdout
    c = Collect()
    sys.stdout = c
    try:
        return sys.stdout is c and sys_get(b"stdout") is c
    finally:
        sys.stdout = old
