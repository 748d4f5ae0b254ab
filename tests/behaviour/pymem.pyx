"""PyMem_Malloc / PyMem_Realloc / PyMem_Free."""

from cpython.mem cimport PyMem_Malloc, PyMem_Realloc, PyMem_Free

def squares(int n):
    cdef long* buf = <long*>PyMem_Malloc(n * sizeof(long))
    cdef int i
    if not buf:
        raise MemoryError()
    try:
        for i in range(n):
            buf[i] = <long>i * i
        return [buf[i] for i in range(n)]
    finally:
        PyMem_Free(buf)

def grow(int start, int end):
    cdef int* buf = <int*>PyMem_Malloc(start * sizeof(int))
    cdef int* tmp
    cdef int i
    cdef long total = 0
    if not buf:
        raise MemoryError()
    for i in range(start):
        buf[i] = i
    tmp = <int*>PyMem_Realloc(buf, end * sizeof(int))
    if not tmp:
        PyMem_Free(buf)
        raise MemoryError()
    buf = tmp
    for i in range(start, end):
        buf[i] = i
    for i in range(end):
        total += buf[i]
    PyMem_Free(buf)
    return total

def many_blocks(int count, int size):
    # allocate lots of blocks, keep them alive together, verify, free
    cdef char** blocks = <char**>PyMem_Malloc(count * sizeof(char*))
    cdef int i, j
    cdef long total = 0
    if not blocks:
        raise MemoryError()
    for i in range(count):
        blocks[i] = <char*>PyMem_Malloc(size)
        if not blocks[i]:
            raise MemoryError()
        for j in range(size):
            blocks[i][j] = <char>((i + j) % 100)
    # Python allocations in between must not disturb the blocks
    junk = [str(i) * 3 for i in range(200)]
    for i in range(count):
        for j in range(size):
            total += blocks[i][j]
        PyMem_Free(blocks[i])
    PyMem_Free(blocks)
    return total, len(junk)

def free_null():
    PyMem_Free(NULL)
    return "ok"

def zero_size():
    cdef void* p = PyMem_Malloc(0)
    cdef bint ok = p != NULL
    PyMem_Free(p)
    return ok

def huge():
    cdef void* p = PyMem_Malloc(<size_t>1 << 62)
    if p == NULL:
        raise MemoryError("huge allocation failed")
    PyMem_Free(p)
    return "allocated?!"

cdef class Buffer:
    cdef double* data
    cdef Py_ssize_t n

    def __cinit__(self, Py_ssize_t n):
        self.data = <double*>PyMem_Malloc(n * sizeof(double))
        if not self.data:
            raise MemoryError()
        self.n = n
        cdef Py_ssize_t i
        for i in range(n):
            self.data[i] = i / 2.0

    def total(self):
        cdef double t = 0
        cdef Py_ssize_t i
        for i in range(self.n):
            t += self.data[i]
        return t

    def __dealloc__(self):
        PyMem_Free(self.data)
