// Memory: PyMem_* are tracked GC allocations (scanned, kept until freed).
#ifndef MPCY_PYMEM_H
#define MPCY_PYMEM_H
void *PyMem_Malloc(size_t n);
void *PyMem_Calloc(size_t nelem, size_t elsize);
void *PyMem_Realloc(void *p, size_t n);
void PyMem_Free(void *p);
#define PyMem_RawMalloc PyMem_Malloc
#define PyMem_RawCalloc PyMem_Calloc
#define PyMem_RawRealloc PyMem_Realloc
#define PyMem_RawFree PyMem_Free
#define PyObject_Malloc PyMem_Malloc
#define PyObject_Calloc PyMem_Calloc
#define PyObject_Realloc PyMem_Realloc
void PyObject_Free(void *p);
#define PyMem_New(type, n) ((type *)PyMem_Malloc((n) * sizeof(type)))
#define PyMem_Resize(p, type, n) ((p) = (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_Del PyMem_Free
#define PyObject_Del PyObject_Free
#endif
