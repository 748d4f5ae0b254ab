# A PyThread lock with its calls as methods, results the C values; included
# by pythread_locks.pyx (one thread) and tests/embed/threads/locks_mod.pyx
# (several threads).
from cpython.pythread cimport (
    PyThread_type_lock, PyThread_allocate_lock, PyThread_free_lock,
    PyThread_acquire_lock, PyThread_release_lock, WAIT_LOCK, NOWAIT_LOCK,
)

cdef extern from "pythread.h":
    ctypedef long long PY_TIMEOUT_T
    int PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag) nogil


cdef class Lock:
    cdef PyThread_type_lock lock

    def __cinit__(self):
        self.lock = PyThread_allocate_lock()
        if self.lock is NULL:
            raise MemoryError()

    def __dealloc__(self):
        if self.lock is not NULL:
            PyThread_free_lock(self.lock)

    def acquire(self, bint blocking=True):
        # without the GIL: a blocking wait in CPython keeps the GIL otherwise
        cdef int r
        cdef int wait = WAIT_LOCK if blocking else NOWAIT_LOCK
        with nogil:
            r = PyThread_acquire_lock(self.lock, wait)
        return r

    def acquire_gil(self, bint blocking=True):
        return PyThread_acquire_lock(self.lock, WAIT_LOCK if blocking else NOWAIT_LOCK)

    def acquire_timed(self, long long microseconds):
        cdef int r
        with nogil:
            r = PyThread_acquire_lock_timed(self.lock, microseconds, 0)
        return r

    def release(self):
        PyThread_release_lock(self.lock)
