// Capsules: a C pointer in an object (Cython keeps cdef class vtables in them).
#ifndef MPCY_PYCAPSULE_H
#define MPCY_PYCAPSULE_H
typedef void (*PyCapsule_Destructor)(PyObject *);
PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor);
void *PyCapsule_GetPointer(PyObject *capsule, const char *name);
const char *PyCapsule_GetName(PyObject *capsule);
int PyCapsule_IsValid(PyObject *capsule, const char *name);
void *PyCapsule_GetContext(PyObject *capsule);
int PyCapsule_SetContext(PyObject *capsule, void *context);
PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *capsule);
int PyCapsule_SetDestructor(PyObject *capsule, PyCapsule_Destructor destructor);
int PyCapsule_SetName(PyObject *capsule, const char *name);
int PyCapsule_SetPointer(PyObject *capsule, void *pointer);
void *PyCapsule_Import(const char *name, int no_block);
#define PyCapsule_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mpcy_type_capsule)
#endif
