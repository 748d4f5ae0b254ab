// Memory: PyMem_* are tracked GC allocations (scanned, kept until freed).
#ifndef MPCY_PYMEM_H
#define MPCY_PYMEM_H
void *PyMem_Malloc(size_t n);
void *PyMem_Calloc(size_t nelem, size_t elsize);
void *PyMem_Realloc(void *p, size_t n);
void PyMem_Free(void *p);
// The raw domain is the C library's, as in CPython: usable before
// Py_Initialize and without the GIL (Py_DecodeLocale's result is freed with
// PyMem_RawFree); the GC does not scan it.
static inline void *PyMem_RawMalloc(size_t n) {
    return malloc(n ? n : 1);
}
static inline void *PyMem_RawCalloc(size_t nelem, size_t elsize) {
    return nelem && elsize ? calloc(nelem, elsize) : malloc(1);
}
static inline void *PyMem_RawRealloc(void *p, size_t n) {
    return realloc(p, n ? n : 1);
}
static inline void PyMem_RawFree(void *p) {
    free(p);
}
#define PyObject_Malloc PyMem_Malloc
#define PyObject_Calloc PyMem_Calloc
#define PyObject_Realloc PyMem_Realloc
void PyObject_Free(void *p);
#define PyMem_New(type, n) ((type *)PyMem_Malloc((n) * sizeof(type)))
#define PyMem_Resize(p, type, n) ((p) = (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_Del PyMem_Free
#define PyObject_Del PyObject_Free
#endif
