"""Thread locks (pythread.h), cython.pymutex and cython.pythread_type_lock,
thread ids and thread-specific storage, as one thread sees them (several
threads: tests/embed/threads/locks_test.py)."""

cimport cython
from cpython.pythread cimport (
    PyThread_type_lock, PyThread_allocate_lock, PyThread_free_lock,
    PyThread_acquire_lock, PyThread_release_lock, PyThread_get_thread_ident,
    WAIT_LOCK, NOWAIT_LOCK, PY_LOCK_ACQUIRED, PY_LOCK_FAILURE,
    PyThread_tss_alloc, PyThread_tss_free, PyThread_tss_create,
    PyThread_tss_delete, PyThread_tss_is_created, PyThread_tss_set, PyThread_tss_get,
    PyThread_create_key, PyThread_delete_key, PyThread_set_key_value,
    PyThread_get_key_value, PyThread_delete_key_value,
)

cdef extern from "pythread.h":
    ctypedef long long PY_TIMEOUT_T
    int PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag) nogil
    # CPython's may be called without the GIL; Cython's pxd does not say so.
    unsigned long ident_c "PyThread_get_thread_ident"() nogil


cdef class Lock:
    """A PyThread lock with its calls as methods; results are the C values."""
    cdef PyThread_type_lock lock

    def __cinit__(self):
        self.lock = PyThread_allocate_lock()
        if self.lock is NULL:
            raise MemoryError()

    def __dealloc__(self):
        if self.lock is not NULL:
            PyThread_free_lock(self.lock)

    def acquire(self, bint blocking=True):
        return PyThread_acquire_lock(self.lock, WAIT_LOCK if blocking else NOWAIT_LOCK)

    def acquire_nogil(self, bint blocking=True):
        cdef int r
        cdef int wait = WAIT_LOCK if blocking else NOWAIT_LOCK
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


def lock_states():
    l = Lock()
    out = [l.acquire(), l.acquire(False), l.acquire_nogil(False), l.acquire_timed(0),
           l.acquire_timed(2000)]
    l.release()
    out += [l.acquire_timed(2000), l.acquire_nogil(False)]
    l.release()
    out += [l.acquire_nogil(True), l.acquire(False)]
    l.release()
    out += [l.acquire_timed(-1), l.acquire_timed(0)]
    l.release()
    return out


def lock_constants():
    return [WAIT_LOCK, NOWAIT_LOCK, PY_LOCK_FAILURE, PY_LOCK_ACQUIRED]


def two_locks_independent():
    a = Lock()
    b = Lock()
    return [a.acquire(False), b.acquire(False), a.acquire(False), b.acquire(False)]


def ident():
    return PyThread_get_thread_ident()


def ident_nogil():
    cdef unsigned long i
    with nogil:
        i = ident_c()
    return i


# ---- cython.pymutex and cython.pythread_type_lock
cdef cython.pymutex module_mutex
cdef int module_count = 0


def count_with_module_mutex(int n):
    global module_count
    for i in range(n):
        with module_mutex:
            module_count += 1
    return module_count


cdef class Counter:
    cdef cython.pymutex mutex
    cdef cython.pythread_type_lock tlock
    cdef public int value

    def add(self, int n):
        for i in range(n):
            with self.mutex:
                self.value += 1
        return self.value

    def add_nogil(self, int n):
        with nogil:
            for i in range(n):
                with self.mutex:
                    self.value += 1
        return self.value

    def add_tlock(self, int n):
        for i in range(n):
            with self.tlock:
                self.value += 1
        return self.value

    def locked_raise(self):
        with self.mutex:
            self.value += 100
            raise ValueError("raised while holding the mutex")

    def mutex_free(self):
        # the lock is free again after a with block left by an exception
        cdef int r
        with nogil:
            with self.mutex:
                r = 1
        return r == 1


# ---- thread-specific storage
cdef Py_tss_t module_key
cdef int value_a = 1, value_b = 2


def tss_module_key():
    out = [PyThread_tss_is_created(&module_key), PyThread_tss_create(&module_key),
           PyThread_tss_is_created(&module_key), PyThread_tss_get(&module_key) is NULL,
           PyThread_tss_set(&module_key, &value_a)]
    out += [PyThread_tss_get(&module_key) == <void *>&value_a,
            PyThread_tss_create(&module_key),  # already made: 0, the value stays
            PyThread_tss_get(&module_key) == <void *>&value_a,
            PyThread_tss_set(&module_key, NULL), PyThread_tss_get(&module_key) is NULL]
    PyThread_tss_delete(&module_key)
    out += [PyThread_tss_is_created(&module_key)]
    out += [PyThread_tss_create(&module_key), PyThread_tss_get(&module_key) is NULL]
    PyThread_tss_delete(&module_key)
    return out


def tss_alloc_keys():
    cdef Py_tss_t *a = PyThread_tss_alloc()
    cdef Py_tss_t *b = PyThread_tss_alloc()
    if a is NULL or b is NULL:
        raise MemoryError()
    out = [PyThread_tss_is_created(a), PyThread_tss_create(a), PyThread_tss_create(b)]
    PyThread_tss_set(a, &value_a)
    PyThread_tss_set(b, &value_b)
    out += [PyThread_tss_get(a) == <void *>&value_a, PyThread_tss_get(b) == <void *>&value_b]
    PyThread_tss_delete(a)
    # a key made after a delete reads NULL, also where the old key had a value
    PyThread_tss_create(a)
    out += [PyThread_tss_get(a) is NULL, PyThread_tss_get(b) == <void *>&value_b]
    PyThread_tss_free(a)
    PyThread_tss_free(b)
    return out


def old_tls_keys():
    cdef int k = PyThread_create_key()
    out = [k != -1, PyThread_get_key_value(k) is NULL, PyThread_set_key_value(k, &value_a),
           PyThread_get_key_value(k) == <void *>&value_a]
    PyThread_delete_key_value(k)
    out += [PyThread_get_key_value(k) is NULL]
    PyThread_delete_key(k)
    return out
