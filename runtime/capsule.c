// Capsules (pycapsule.h): a C pointer in an object; Cython keeps cdef class
// vtables and cimported functions in them.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    void *pointer;
    const char *name;
    void *context;
    PyCapsule_Destructor destructor;
} mpcy_capsule_t;

// The destructor runs when the collector frees the capsule (a finaliser:
// the heap is locked then, as for __dealloc__), as CPython's capsule_dealloc.
static mp_obj_t mpcy_capsule_del(mp_obj_t self_in) {
    mpcy_capsule_t *c = MP_OBJ_TO_PTR(self_in);
    PyCapsule_Destructor d = c->destructor;
    c->destructor = NULL;
    if (d != NULL) {
        mpcy_run_finaliser(d, self_in);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_capsule_del_obj, mpcy_capsule_del);
static const mp_rom_map_elem_t mpcy_capsule_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&mpcy_capsule_del_obj) },
};
static MP_DEFINE_CONST_DICT(mpcy_capsule_locals, mpcy_capsule_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_capsule, MP_QSTR_PyCapsule, MP_TYPE_FLAG_NONE,
    locals_dict, &mpcy_capsule_locals);

PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor) {
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    mpcy_capsule_t *c = NULL;
    // (every capsule has a finaliser: PyCapsule_SetDestructor may come later)
    MPCY_TRY(NULL, c = mp_obj_malloc_with_finaliser(mpcy_capsule_t, &mpcy_type_capsule));
    c->pointer = pointer;
    c->name = name;
    c->context = NULL;
    c->destructor = destructor;
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

// The capsule for the functions that do not check its name.
static mpcy_capsule_t *mpcy_capsule_any(PyObject *o, const char *func) {
    if (o == NULL || !PyCapsule_CheckExact(o)) {
        PyErr_Format(PyExc_ValueError, "%s called with invalid PyCapsule object", func);
        return NULL;
    }
    return MP_OBJ_TO_PTR(MPCY_OBJ(o));
}

const char *PyCapsule_GetName(PyObject *capsule) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_GetName");
    return c ? c->name : NULL;
}

PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *capsule) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_GetDestructor");
    return c ? c->destructor : NULL;
}

int PyCapsule_SetDestructor(PyObject *capsule, PyCapsule_Destructor destructor) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_SetDestructor");
    if (c == NULL) {
        return -1;
    }
    c->destructor = destructor;
    return 0;
}

int PyCapsule_SetName(PyObject *capsule, const char *name) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_SetName");
    if (c == NULL) {
        return -1;
    }
    c->name = name;
    return 0;
}

int PyCapsule_SetPointer(PyObject *capsule, void *pointer) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_SetPointer");
    if (c == NULL) {
        return -1;
    }
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
        return -1;
    }
    c->pointer = pointer;
    return 0;
}

int PyCapsule_IsValid(PyObject *capsule, const char *name) {
    mpcy_capsule_t *c = mpcy_capsule(capsule, name);
    if (c == NULL) {
        PyErr_Clear();
    }
    return c != NULL;
}

void *PyCapsule_GetContext(PyObject *capsule) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_GetContext");
    return c ? c->context : NULL;
}

int PyCapsule_SetContext(PyObject *capsule, void *context) {
    mpcy_capsule_t *c = mpcy_capsule_any(capsule, "PyCapsule_SetContext");
    if (c == NULL) {
        return -1;
    }
    c->context = context;
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
