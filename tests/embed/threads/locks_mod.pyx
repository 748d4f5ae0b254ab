# PyThread locks, cython.pymutex and thread-specific storage used by several
# threads at once (locks_test.py).
cimport cython
from cpython.pythread cimport (
    PyThread_type_lock, PyThread_allocate_lock, PyThread_free_lock,
    PyThread_acquire_lock, PyThread_release_lock, PyThread_get_thread_ident,
    WAIT_LOCK, NOWAIT_LOCK, PyThread_tss_create, PyThread_tss_set, PyThread_tss_get,
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
        PyThread_free_lock(self.lock)

    def acquire(self, bint blocking=True):
        # without the GIL: a blocking wait in CPython keeps the GIL otherwise
        cdef int r, wait = WAIT_LOCK if blocking else NOWAIT_LOCK
        with nogil:
            r = PyThread_acquire_lock(self.lock, wait)
        return r

    def acquire_timed(self, long long microseconds):
        cdef int r
        with nogil:
            r = PyThread_acquire_lock_timed(self.lock, microseconds, 0)
        return r

    def release(self):
        PyThread_release_lock(self.lock)


# ---- mutual exclusion: a read-modify-write of a C counter, stretched by a
# busy loop, without the GIL; each exclusion kind counts in its own variable
cdef extern from *:
    """
    static volatile long mpcy_counts[3];
    static volatile long mpcy_sink;
    static void mpcy_bump(int which) {
        long v = mpcy_counts[which];
        for (int k = 0; k < 200; k++) {
            mpcy_sink += k;
        }
        mpcy_counts[which] = v + 1;
    }
    """
    long counts "mpcy_counts"[3]
    void bump "mpcy_bump"(int which) nogil


def reset_counts():
    counts[0] = counts[1] = counts[2] = 0


def get_counts():
    return [counts[0], counts[1], counts[2]]


def add_pythread(Lock l, int n):
    cdef int i
    with nogil:
        for i in range(n):
            PyThread_acquire_lock(l.lock, WAIT_LOCK)
            bump(0)
            PyThread_release_lock(l.lock)


cdef class Guarded:
    cdef cython.pymutex mutex
    cdef cython.pythread_type_lock tlock

    def add_pymutex_nogil(self, int n):
        cdef int i
        with nogil:
            for i in range(n):
                with self.mutex:
                    bump(1)

    def add_tlock_gil(self, int n):
        # with the GIL: a wait for the lock must let the holder run
        cdef int i
        for i in range(n):
            with self.tlock:
                bump(2)

    def hold_mutex(self, callback):
        # the mutex held while Python code runs (and needs the GIL)
        with self.mutex:
            callback()

    def take_mutex(self):
        with self.mutex:
            return True


def ident():
    return PyThread_get_thread_ident()


# ---- thread-specific storage: one key, each thread's own value
cdef Py_tss_t key
cdef int slots[16]


def tss_setup():
    return PyThread_tss_create(&key)


def tss_roundtrip(int i):
    # NULL before this thread sets it, then its own slot
    before = PyThread_tss_get(&key) is NULL
    PyThread_tss_set(&key, &slots[i])
    return before, PyThread_tss_get(&key) == <void *>&slots[i]


def tss_mine(int i):
    return PyThread_tss_get(&key) == <void *>&slots[i]
