// Capsules (pycapsule.h): a C pointer in an object; Cython keeps cdef class
// vtables and cimported functions in them.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    void *pointer;
    const char *name;
    void *context;
} mpcy_capsule_t;

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_capsule, MP_QSTR_PyCapsule, MP_TYPE_FLAG_NONE);

PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor) {
    (void)destructor; // the GC frees capsules; no destructor runs
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    mpcy_capsule_t *c = NULL;
    MPCY_TRY(NULL, c = mp_obj_malloc(mpcy_capsule_t, &mpcy_type_capsule));
    c->pointer = pointer;
    c->name = name;
    c->context = NULL;
    return MPCY_PY(MP_OBJ_FROM_PTR(c));
}

static mpcy_capsule_t *mpcy_capsule(PyObject *o, const char *name) {
    if (o == NULL || !PyCapsule_CheckExact(o)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with invalid PyCapsule object");
        return NULL;
    }
    mpcy_capsule_t *c = MP_OBJ_TO_PTR(MPCY_OBJ(o));
    if ((name == NULL) != (c->name == NULL) || (name && strcmp(name, c->name))) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return c;
}

void *PyCapsule_GetPointer(PyObject *capsule, const char *name) {
    mpcy_capsule_t *c = mpcy_capsule(capsule, name);
    return c ? c->pointer : NULL;
}

const char *PyCapsule_GetName(PyObject *capsule) {
    if (capsule == NULL || !PyCapsule_CheckExact(capsule)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetName called with invalid PyCapsule object");
        return NULL;
    }
    return ((mpcy_capsule_t *)MP_OBJ_TO_PTR(MPCY_OBJ(capsule)))->name;
}

int PyCapsule_IsValid(PyObject *capsule, const char *name) {
    mpcy_capsule_t *c = mpcy_capsule(capsule, name);
    if (c == NULL) {
        PyErr_Clear();
    }
    return c != NULL;
}

void *PyCapsule_GetContext(PyObject *capsule) {
    if (capsule == NULL || !PyCapsule_CheckExact(capsule)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetContext called with invalid PyCapsule object");
        return NULL;
    }
    return ((mpcy_capsule_t *)MP_OBJ_TO_PTR(MPCY_OBJ(capsule)))->context;
}

int PyCapsule_SetContext(PyObject *capsule, void *context) {
    if (!PyCapsule_CheckExact(capsule)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetContext called with invalid PyCapsule object");
        return -1;
    }
    ((mpcy_capsule_t *)MP_OBJ_TO_PTR(MPCY_OBJ(capsule)))->context = context;
    return 0;
}

void *PyCapsule_Import(const char *name, int no_block) {
    (void)no_block;
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_ImportError, "PyCapsule_Import: name has no module");
        return NULL;
    }
    const char *module = NULL;
    MPCY_TRY(NULL, module = qstr_str(qstr_from_strn(name, dot - name)));
    PyObject *m = PyImport_ImportModule(module);
    if (m == NULL) {
        // CPython's one error for any failed import here
        PyErr_Format(PyExc_ImportError, "PyCapsule_Import could not import module \"%s\"", module);
        return NULL;
    }
    PyObject *c = PyObject_GetAttrString(m, dot + 1);
    if (c == NULL) {
        return NULL;
    }
    if (!PyCapsule_IsValid(c, name)) {
        PyErr_Format(PyExc_AttributeError, "PyCapsule_Import \"%s\" is not valid", name);
        return NULL;
    }
    return PyCapsule_GetPointer(c, name);
}
