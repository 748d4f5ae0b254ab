// What a C library leaves to the system (the process, its heap), for ports
// with no operating system (see micropython.mk): the Cortex-M3 board, which
// links no C library, and the RISC-V board, whose picolibc has an abort()
// that needs a process (_exit, kill) and a malloc over an sbrk region of its
// own. All weak: a port's own definition (stm32 has abort()) wins.
#include <stddef.h>
#include "py/runtime.h"

// Py_FatalError's abort(): no process to end; MicroPython's own last resort.
MP_WEAK MP_NORETURN void abort(void) {
    mp_printf(&mp_plat_print, "abort() called\n");
    nlr_jump_fail(NULL);
}

// malloc and friends (cdef code's libc.stdlib, Cython's memoryview buffers):
// blocks from MicroPython's heap through PyMem_*, which keeps them alive
// until free() (MICROPY_TRACKED_ALLOC) and records their size for realloc.
void *PyMem_Malloc(size_t n);
void *PyMem_Calloc(size_t nelem, size_t elsize);
void *PyMem_Realloc(void *p, size_t n);
void PyMem_Free(void *p);

MP_WEAK void *malloc(size_t n) {
    return PyMem_Malloc(n);
}

MP_WEAK void *calloc(size_t nelem, size_t elsize) {
    return PyMem_Calloc(nelem, elsize);
}

MP_WEAK void *realloc(void *p, size_t n) {
    return PyMem_Realloc(p, n);
}

MP_WEAK void free(void *p) {
    PyMem_Free(p);
}
