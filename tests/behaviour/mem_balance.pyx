"""PyMem_* balance (issue 7): every block from PyMem_Malloc/Calloc/Realloc is
returned by PyMem_Free, also on failure paths; on MicroPython the layer's
tracked allocations are counted (tests/reliability/leaks.py uses
tracked_blocks() too), on CPython the count is 0."""

cdef extern from "Python.h":
    void *PyMem_Malloc(size_t n)
    void *PyMem_Calloc(size_t nelem, size_t elsize)
    void *PyMem_Realloc(void *p, size_t n)
    void PyMem_Free(void *p)

cdef extern from *:
    """
    #ifdef MPCY_PYTHON_H
    // py/malloc.c keeps MicroPython's tracked allocations (PyMem_*) in a
    // list whose nodes start with these two links.
    struct mpcy_rel_tracked { struct mpcy_rel_tracked *prev, *next; };
    static Py_ssize_t mpcy_rel_tracked_blocks(void) {
        Py_ssize_t n = 0;
        for (struct mpcy_rel_tracked *p = (struct mpcy_rel_tracked *)MP_STATE_VM(m_tracked_head); p; p = p->next) {
            n++;
        }
        return n;
    }
    #else
    static Py_ssize_t mpcy_rel_tracked_blocks(void) { return 0; }
    #endif
    """
    Py_ssize_t mpcy_rel_tracked_blocks()


def tracked_blocks():
    return mpcy_rel_tracked_blocks()


def churn(int n):
    """Allocations of many sizes, grown, shrunk and freed; failures too."""
    cdef void *blocks[64]
    cdef void *q
    cdef int i, failed = 0
    for i in range(64):
        blocks[i] = PyMem_Malloc(<size_t>(i * 37 % 500))
    for i in range(0, 64, 2):
        q = PyMem_Realloc(blocks[i], <size_t>(i * 91 + n))
        if q != NULL:
            blocks[i] = q
    for i in range(1, 64, 4):
        # a request that cannot be met leaves the block as it was
        q = PyMem_Realloc(blocks[i], <size_t>-1 // 2)
        if q == NULL:
            failed += 1
        else:
            blocks[i] = q
    q = PyMem_Calloc(<size_t>-1 // 4, 8)  # overflows: NULL
    if q == NULL:
        failed += 1
    PyMem_Free(NULL)
    for i in range(64):
        PyMem_Free(blocks[i])
    return failed


def cycle(int rounds):
    cdef int i, failed = 0
    for i in range(rounds):
        failed += churn(i)
    return failed
