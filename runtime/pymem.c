// Memory (pymem.h): PyMem_* are MicroPython's tracked allocations, scanned
// by the GC and alive until freed. A small header keeps the requested size for
// PyMem_Realloc.
#include "mpcy.h"
#include "py/gc.h"

#define MPCY_MEM_HDR 8

#ifdef MPCY_NATMOD
// A natmod reaches no tracked allocations (the firmware's list and
// gc_nbytes are out of reach): PyMem blocks are GC blocks on a list of the
// natmod's own, whose head is a root (MPCY_NATMOD_ROOT), so they live until
// PyMem_Free as in every build. The pointer a caller holds is inside its
// block, which alone would not keep the block (the collector honours only
// pointers to a block's start).
typedef struct mpcy_natmod_mem {
    struct mpcy_natmod_mem *prev, *next;
} mpcy_natmod_mem_t;
MPCY_NATMOD_ROOT mpcy_natmod_mem_t *mpcy_natmod_mem_head;

void *PyMem_Malloc(size_t n) {
    if (n > (size_t)PY_SSIZE_T_MAX - MPCY_MEM_HDR - sizeof(mpcy_natmod_mem_t)) {
        return NULL;
    }
    mpcy_natmod_mem_t *node = m_malloc_maybe(sizeof(mpcy_natmod_mem_t) + MPCY_MEM_HDR + n);
    if (node == NULL) {
        return NULL;
    }
    char *p = (char *)(node + 1);
    memset(p, 0, n + MPCY_MEM_HDR);
    MPCY_DLIST_PUSH(mpcy_natmod_mem_head, node);
    *(size_t *)p = n;
    return p + MPCY_MEM_HDR;
}
#else
static ptrdiff_t mpcy_tracked_hdr = -1; // from a tracked node to its data

// As CPython, failures answer NULL and set no exception (the caller raises
// MemoryError); more than PY_SSIZE_T_MAX bytes always fails.
void *PyMem_Malloc(size_t n) {
    if (n > (size_t)PY_SSIZE_T_MAX - MPCY_MEM_HDR) {
        return NULL;
    }
    char *p = m_tracked_calloc(n + MPCY_MEM_HDR, 1);
    if (p == NULL) {
        return NULL;
    }
    if (mpcy_tracked_hdr < 0) {
        mpcy_tracked_hdr = p - (char *)MPCY_TRACKED_HEAD; // the new node is the head
    }
    *(size_t *)p = n;
    return p + MPCY_MEM_HDR;
}
#endif

void *PyMem_Calloc(size_t nelem, size_t elsize) {
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) {
        return NULL;
    }
    return PyMem_Malloc(nelem * elsize);
}

void *PyMem_Realloc(void *p, size_t n) {
    if (p == NULL) {
        return PyMem_Malloc(n);
    }
    size_t old = *(size_t *)((char *)p - MPCY_MEM_HDR);
    void *q = PyMem_Malloc(n);
    if (q != NULL) {
        memcpy(q, p, old < n ? old : n);
        PyMem_Free(p);
    }
    return q;
}

#ifdef MPCY_NATMOD
void PyMem_Free(void *p) {
    if (p != NULL) {
        mpcy_natmod_mem_t *node = (mpcy_natmod_mem_t *)((char *)p - MPCY_MEM_HDR) - 1;
        MPCY_DLIST_UNLINK(mpcy_natmod_mem_head, node);
        m_free(node);
    }
}

// PyObject_Malloc is PyMem_Malloc (pymem.h): a block on the list is given
// back; an object (tp_free, PyObject_Del) is left to the collector. The
// natmod cannot ask the heap whether P starts a block: the list is walked.
void PyObject_Free(void *p) {
    for (mpcy_natmod_mem_t *node = mpcy_natmod_mem_head; p != NULL && node != NULL; node = node->next) {
        if ((char *)(node + 1) + MPCY_MEM_HDR == (char *)p) {
            PyMem_Free(p);
            return;
        }
    }
}
#else
void PyMem_Free(void *p) {
    if (p != NULL) {
        m_tracked_free((char *)p - MPCY_MEM_HDR);
    }
}

// PyObject_Malloc is PyMem_Malloc (pymem.h): PyObject_Free gives such a
// block back. Objects themselves (tp_free, PyObject_Del) belong to the GC:
// nothing to do. The two are told apart in O(1): an object starts a heap
// block, PyMem data lies inside its block, after the tracked-allocation node
// and the size header.
void PyObject_Free(void *p) {
    // In a finaliser (heap locked) this is tp_free of the object being
    // collected, and the tracked list may be half swept (a soft reset frees
    // everything): nothing is unlinked then.
    if (p == NULL || mpcy_tracked_hdr < 0 || gc_is_locked() || gc_nbytes(p) != 0) {
        return;
    }
    if (gc_nbytes((char *)p - MPCY_MEM_HDR - mpcy_tracked_hdr) != 0) {
        PyMem_Free(p);
    }
}
#endif
