"""C API: PyMem_* and capsules (PyCapsule_*)."""

from cpython.ref cimport PyObject
from libc.string cimport memset, memcpy
from libc.stdint cimport SIZE_MAX

cdef extern from "Python.h":
    void *PyMem_Malloc(size_t n)
    void *PyMem_Calloc(size_t nelem, size_t elsize)
    void *PyMem_Realloc(void *p, size_t n)
    void PyMem_Free(void *p)
    void *PyMem_RawMalloc(size_t n)
    void PyMem_RawFree(void *p)
    void *PyObject_Malloc(size_t n)
    void PyObject_Free(void *p)
    PyObject *PyErr_Occurred()

    ctypedef void (*PyCapsule_Destructor)(object)
    object PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor)
    void *PyCapsule_GetPointer(object capsule, const char *name) except? NULL
    const char *PyCapsule_GetName(object capsule) except? NULL
    int PyCapsule_IsValid(object capsule, const char *name)
    void *PyCapsule_GetContext(object capsule) except? NULL
    int PyCapsule_SetContext(object capsule, void *context) except -1
    void *PyCapsule_Import(const char *name, int no_block) except NULL
    bint PyCapsule_CheckExact(object o)
    PyCapsule_Destructor PyCapsule_GetDestructor(object capsule)
    int PyCapsule_SetDestructor(object capsule, PyCapsule_Destructor destructor) except -1
    int PyCapsule_SetName(object capsule, const char *name) except -1
    int PyCapsule_SetPointer(object capsule, void *pointer) except -1


# ---- PyMem
def malloc_realloc(int n1, int n2):
    # the content survives PyMem_Realloc, growing and shrinking
    cdef unsigned char *p = <unsigned char *>PyMem_Malloc(n1)
    cdef int i
    if p is NULL:
        raise MemoryError()
    for i in range(n1):
        p[i] = (i * 7) & 0xff
    cdef unsigned char *q = <unsigned char *>PyMem_Realloc(p, n2)
    if q is NULL:
        PyMem_Free(p)
        raise MemoryError()
    ok = all(q[i] == ((i * 7) & 0xff) for i in range(min(n1, n2)))
    for i in range(n2):
        q[i] = 1
    total = sum(q[i] for i in range(n2))
    PyMem_Free(q)
    return ok, total

def realloc_null(int n):
    # PyMem_Realloc(NULL, n) is PyMem_Malloc(n)
    cdef char *p = <char *>PyMem_Realloc(NULL, n)
    ok = p is not NULL
    if p is not NULL:
        memset(p, 0, n)
    PyMem_Free(p)
    return ok

def zero_sizes():
    # a zero-size request still gives a unique non-NULL pointer
    cdef void *a = PyMem_Malloc(0)
    cdef void *b = PyMem_Calloc(0, 0)
    cdef void *c = PyMem_Realloc(PyMem_Malloc(4), 0)
    r = a is not NULL, b is not NULL, c is not NULL
    PyMem_Free(a)
    PyMem_Free(b)
    PyMem_Free(c)
    return r

def calloc_zeroed(size_t n, size_t size):
    cdef unsigned char *p = <unsigned char *>PyMem_Calloc(n, size)
    if p is NULL:
        raise MemoryError()
    r = sum(p[i] for i in range(n * size))
    PyMem_Free(p)
    return r, n * size

cdef expect_null(void *p, what):
    # a NULL block with no exception set (as CPython) becomes a MemoryError saying so
    pending = PyErr_Occurred() is not NULL
    if p is NULL:
        raise MemoryError("%s: NULL, exception pending: %s" % (what, pending))
    PyMem_Free(p)
    return 'allocated?!'

def calloc_overflow():
    # n * size does not fit a size_t
    return expect_null(PyMem_Calloc(SIZE_MAX // 2, 4), "calloc overflow")

def malloc_too_big():
    # more than PY_SSIZE_T_MAX bytes
    return expect_null(PyMem_Malloc(SIZE_MAX - 3), "malloc too big")

def realloc_too_big():
    # a failed PyMem_Realloc leaves the old block as it was
    cdef char *p = <char *>PyMem_Malloc(4)
    memcpy(p, b"abcd", 4)
    cdef void *q = PyMem_Realloc(p, SIZE_MAX - 3)
    r = q is NULL, p[:4], PyErr_Occurred() is NULL
    PyMem_Free(p if q is NULL else q)
    return r

def raw_and_object():
    cdef char *a = <char *>PyMem_RawMalloc(8)
    cdef char *b = <char *>PyObject_Malloc(8)
    memcpy(a, b"rawmem!", 8)
    memcpy(b, b"objmem!", 8)
    r = <bytes>a, <bytes>b
    PyMem_RawFree(a)
    PyObject_Free(b)
    return r

def free_null():
    PyMem_Free(NULL)
    return 'ok'

def many_live_blocks(int count):
    # blocks stay valid across Python allocations (and collections)
    cdef int **blocks = <int **>PyMem_Malloc(count * sizeof(int *))
    cdef int i, j
    for i in range(count):
        blocks[i] = <int *>PyMem_Calloc(16, sizeof(int))
        for j in range(16):
            blocks[i][j] = i + j
    junk = [str(i) * 5 for i in range(300)]
    total = 0
    for i in range(count):
        for j in range(16):
            total += blocks[i][j]
        PyMem_Free(blocks[i])
    PyMem_Free(blocks)
    return total


# ---- capsules
cdef int target = 42
cdef int other_target = 7
cdef char context_data[8]

cap = PyCapsule_New(&target, "capi_memory.cap", NULL)
cap_unnamed = PyCapsule_New(&other_target, NULL, NULL)
not_a_capsule = 5

def capsule_value(c, name):
    cdef const char *n = NULL
    if name is not None:
        n = name
    return (<int *>PyCapsule_GetPointer(c, n))[0]

def capsule_name(c):
    cdef const char *n = PyCapsule_GetName(c)
    return None if n is NULL else <bytes>n

def capsule_valid(c, name):
    cdef const char *n = NULL
    if name is not None:
        n = name
    return PyCapsule_IsValid(c, n), PyErr_Occurred() is NULL

def capsule_null_pointer():
    return PyCapsule_New(NULL, "x", NULL)

def capsule_context(c):
    before = PyCapsule_GetContext(c) is NULL
    PyCapsule_SetContext(c, context_data)
    after = PyCapsule_GetContext(c) == <void *>context_data
    PyCapsule_SetContext(c, NULL)
    return before, after

def capsule_get_context(c):
    return PyCapsule_GetContext(c) is NULL

def capsule_set_context(c):
    PyCapsule_SetContext(c, context_data)

def capsule_import(bytes name):
    return (<int *>PyCapsule_Import(name, 0))[0]

def capsule_checks(o):
    return PyCapsule_CheckExact(o)


cdef int destroyed = 0

cdef void count_destroyed(object c) noexcept:
    global destroyed
    destroyed += (<int *>PyCapsule_GetPointer(c, "capi_memory.tmp"))[0]

def capsules_dropped(int n):
    """n capsules with a destructor, dropped at once: CPython runs each
    destructor then, MicroPython when the collector frees the capsule."""
    for i in range(n):
        PyCapsule_New(&target, "capi_memory.tmp", count_destroyed)

def destroyed_total():
    return destroyed

def capsule_setters():
    c = PyCapsule_New(&target, "capi_memory.cap2", NULL)
    r = [PyCapsule_GetDestructor(c) is NULL]
    PyCapsule_SetDestructor(c, count_destroyed)
    r.append(PyCapsule_GetDestructor(c) is count_destroyed)
    PyCapsule_SetDestructor(c, NULL)
    PyCapsule_SetName(c, "capi_memory.renamed")
    r.append(<bytes>PyCapsule_GetName(c))
    PyCapsule_SetPointer(c, &other_target)
    r.append((<int *>PyCapsule_GetPointer(c, "capi_memory.renamed"))[0])
    return r

def capsule_set_null_pointer(c):
    PyCapsule_SetPointer(c, NULL)

def capsule_set_name(o):
    PyCapsule_SetName(o, "x")
