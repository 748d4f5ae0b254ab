# PyThread locks, cython.pymutex and thread-specific storage used by several
# threads at once (locks_test.py).
cimport cython
from cpython.pythread cimport (
    PyThread_acquire_lock, PyThread_release_lock, PyThread_get_thread_ident,
    WAIT_LOCK, PyThread_tss_create, PyThread_tss_set, PyThread_tss_get,
)

include "../../behaviour/pythread_lock.pxi"


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
