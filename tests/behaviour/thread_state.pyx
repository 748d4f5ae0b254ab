"""Thread state (pystate.h): PyThreadState_Swap as Cython's lock code asks
it whether this thread holds the GIL (several threads at once:
tests/embed/threads/tracebacks_test.py); PyThreadState_GetDict, one per
thread (tests/behaviour/thread_gil_calls_test.py)."""

from cpython.ref cimport PyObject

cdef extern from "Python.h":
    ctypedef struct PyThreadState
    PyThreadState *PyThreadState_Swap(PyThreadState *ts) nogil
    PyThreadState *PyThreadState_Get()
    PyObject *PyThreadState_GetDict()


def thread_dict():
    cdef PyObject *d = PyThreadState_GetDict()  # borrowed
    return None if d is NULL else <object>d


def swap_states():
    # Nothing touches Python objects while the state is swapped out.
    cdef PyThreadState *ts = PyThreadState_Swap(NULL)
    cdef PyThreadState *again = PyThreadState_Swap(NULL)
    cdef PyThreadState *back = PyThreadState_Swap(ts)
    cdef bint same = ts == PyThreadState_Get()
    cdef PyThreadState *inside
    with nogil:
        inside = PyThreadState_Swap(NULL)
    return [ts != NULL, again == NULL, back == NULL, same, inside == NULL]
