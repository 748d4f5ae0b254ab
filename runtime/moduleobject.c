// Modules (moduleobject.h): PyModule_*, PyState_*. Import: import.c; running a
// module's PyInit_ function: importdl.c.
#include "mpcy.h"
#include "py/builtin.h"
#include "py/objlist.h"

mp_obj_module_t *mpcy_pending_stub;
const char *mpcy_pending_name;
mp_obj_module_t *mpcy_running_init;
mpcy_module_t *mpcy_module_last;

// The modules the layer made (a list): only they have a def and a state
// after MicroPython's module struct. A module of MicroPython's (a const
// struct of two words, or one on the heap) must not be read past its end.
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_modules);

static mpcy_module_t *mpcy_layer_module(PyObject *m) {
    if (MP_STATE_VM(mpcy_modules) != MP_OBJ_NULL) {
        size_t n;
        mp_obj_t *items;
        mp_obj_list_get(MP_STATE_VM(mpcy_modules), &n, &items);
        for (size_t i = 0; i < n; i++) {
            if (items[i] == MPCY_OBJ(m)) {
                return MP_OBJ_TO_PTR(items[i]);
            }
        }
    }
    return NULL;
}

void *mpcy_module_state(PyObject *m) {
    mpcy_module_t *lm = mpcy_layer_module(m);
    if (lm != NULL) {
        mpcy_module_last = lm;
        return lm->state;
    }
    // A module of MicroPython's has none (CPython: NULL). But Cython's
    // `from x import *` asks for the state of module x where it means its
    // own (CPython's default build keeps no module state, which hides it):
    // as import * is only allowed at module level, that is the module whose
    // init is running.
    lm = (mpcy_module_t *)mpcy_running_init;
    return lm != NULL ? lm->state : NULL;
}

// -Wclobbered checked: r is set only when initfunc returned; after a raise it
// still holds the NULL set before the frame.
MPCY_CLOBBER_CHECKED
PyObject *mpcy_module_call_init(PyObject *(*initfunc)(void), mp_obj_module_t *stub, const char *name) {
    mpcy_pending_stub = stub;
    mpcy_pending_name = name;
    PyObject *r = NULL;
    mp_obj_t exc;
    MPCY_CATCH(exc, r = initfunc());
    if (exc != MP_OBJ_NULL) {
        PyErr_SetRaisedException(MPCY_PY(exc));
    }
    // An init that failed before PyModule_Create leaves the stub pending.
    mpcy_pending_stub = NULL;
    return r;
}
MPCY_CLOBBER_CHECKED_END

static mpcy_module_t *mpcy_new_module(const char *name) {
    mpcy_module_t *m;
    // Cython's def carries the last component of a dotted name.
    const char *dot = mpcy_pending_stub ? strrchr(mpcy_pending_name, '.') : NULL;
    bool stub = false;
    if (mpcy_pending_stub != NULL && (!strcmp(name, mpcy_pending_name) || (dot && !strcmp(name, dot + 1)))) {
        m = (mpcy_module_t *)mpcy_pending_stub;
        mpcy_pending_stub = NULL;
        name = mpcy_pending_name;
        stub = true;
    } else {
        m = m_new0(mpcy_module_t, 1);
        m->mod.base.type = &mp_type_module;
    }
    if (MP_STATE_VM(mpcy_modules) == MP_OBJ_NULL) {
        MP_STATE_VM(mpcy_modules) = mp_obj_new_list(0, NULL);
    }
    if (mpcy_layer_module(MPCY_PY(MP_OBJ_FROM_PTR(m))) == NULL) { // a stub is made again after a failed init
        mp_obj_list_append(MP_STATE_VM(mpcy_modules), MP_OBJ_FROM_PTR(m));
    }
    m->mod.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(4));
    mp_obj_dict_store(MP_OBJ_FROM_PTR(m->mod.globals), MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_OBJ_NEW_QSTR(qstr_from_str(name)));
    if (stub) {
        // Static stubs are not scanned by the GC: keep what they point to
        // (a module on the heap keeps its globals itself).
        mpcy_keep(m->mod.globals);
    }
    return m;
}

PyObject *PyModule_New(const char *name) {
    mpcy_module_t *m = NULL;
    MPCY_TRY(NULL, m = mpcy_new_module(name));
    return MPCY_PY(MP_OBJ_FROM_PTR(m));
}

PyObject *PyModule_NewObject(PyObject *name) {
    const char *s = PyUnicode_AsUTF8(name);
    return s ? PyModule_New(s) : NULL;
}

int PyModule_AddFunctions(PyObject *m, const PyMethodDef *functions) {
    PyObject *name = PyModule_GetNameObject(m);
    for (const PyMethodDef *f = functions; f && f->ml_name; f++) {
        PyObject *fn = PyCFunction_NewEx(f, m, name);
        if (fn == NULL || PyModule_AddObjectRef(m, f->ml_name, fn) < 0) {
            return -1;
        }
    }
    return 0;
}

PyObject *PyModule_Create2(PyModuleDef *def, int apiver) {
    (void)apiver;
    PyObject *m = PyModule_New(def->m_name);
    if (m == NULL) {
        return NULL;
    }
    mpcy_module_t *mm = (mpcy_module_t *)m;
    mm->def = def;
    if (def->m_size > 0) {
        MPCY_TRY(NULL, {
            mm->state = m_malloc0(def->m_size);
            mpcy_keep(mm->state);
        });
    }
    if (def->m_doc != NULL && PyModule_SetDocString(m, def->m_doc) < 0) {
        return NULL;
    }
    if (def->m_methods != NULL && PyModule_AddFunctions(m, def->m_methods) < 0) {
        return NULL;
    }
    return m;
}

int PyModule_ExecDef(PyObject *module, PyModuleDef *def) {
    for (PyModuleDef_Slot *s = def->m_slots; s && s->slot; s++) {
        // Py_mod_exec: a C function, which returns its errors.
        if (s->slot == Py_mod_exec && MPCY_NO_RAISE(((int (*)(PyObject *))s->value)(module)) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError, "execution of module %s failed without setting an exception", def->m_name);
            }
            return -1;
        }
    }
    return 0;
}

// Multi-phase init: PyInit returns the def itself, marked with this type.
MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_moduledef, MP_QSTR_moduledef, MP_TYPE_FLAG_NONE);

PyObject *PyModuleDef_Init(PyModuleDef *def) {
    def->m_base.ob_base.type = &mpcy_type_moduledef;
    return (PyObject *)def;
}

PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int apiver) {
    (void)spec;
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    for (PyModuleDef_Slot *s = def->m_slots; s && s->slot; s++) {
        if (s->slot == Py_mod_create) {
            create = s->value;
        }
    }
    if (create == NULL) {
        return PyModule_Create2(def, apiver);
    }
    // The layer passes the module name as the spec; Cython only reads .name.
    PyErr_SetString(PyExc_NotImplementedError, "PyModule_FromDefAndSpec2 with Py_mod_create");
    return NULL;
}

PyObject *PyModule_GetDict(PyObject *m) {
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return MPCY_PY(MP_OBJ_FROM_PTR(((mp_obj_module_t *)MP_OBJ_TO_PTR(MPCY_OBJ(m)))->globals));
}

// A str entry KEY of module M's dict; CPython's errors: TypeError for a
// non-module, SystemError (MISSING) when the entry is not a str.
static PyObject *mpcy_module_str(PyObject *m, const char *key, const char *missing) {
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *s = PyDict_GetItemString(PyModule_GetDict(m), key);
    if (s == NULL || !PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_SystemError, missing);
        return NULL;
    }
    return s;
}

PyObject *PyModule_GetNameObject(PyObject *m) {
    return mpcy_module_str(m, "__name__", "nameless module");
}

const char *PyModule_GetName(PyObject *m) {
    PyObject *n = PyModule_GetNameObject(m);
    return n ? PyUnicode_AsUTF8(n) : NULL;
}

PyObject *PyModule_GetFilenameObject(PyObject *m) {
    return mpcy_module_str(m, "__file__", "module filename missing");
}

PyModuleDef *PyModule_GetDef(PyObject *m) {
    mpcy_module_t *lm = mpcy_layer_module(m);
    return lm != NULL ? lm->def : NULL;
}

int PyModule_AddObjectRef(PyObject *m, const char *name, PyObject *v) {
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        }
        return -1;
    }
    PyObject *d = PyModule_GetDict(m);
    return d ? PyDict_SetItemString(d, name, v) : -1;
}

int PyModule_AddObject(PyObject *m, const char *name, PyObject *v) {
    return PyModule_AddObjectRef(m, name, v);
}

int PyModule_Add(PyObject *m, const char *name, PyObject *v) {
    return PyModule_AddObjectRef(m, name, v);
}

int PyModule_AddIntConstant(PyObject *m, const char *name, long v) {
    return PyModule_AddObjectRef(m, name, PyLong_FromLong(v));
}

int PyModule_AddStringConstant(PyObject *m, const char *name, const char *v) {
    return PyModule_AddObjectRef(m, name, PyUnicode_FromString(v));
}

int PyModule_AddType(PyObject *m, PyTypeObject *t) {
    return PyModule_AddObjectRef(m, qstr_str(t->name), (PyObject *)t);
}

int PyModule_SetDocString(PyObject *m, const char *doc) {
    // A NULL value would delete __doc__ (and report KeyError, not the MemoryError).
    PyObject *v = PyUnicode_FromString(doc);
    return v ? PyObject_SetAttrString(m, "__doc__", v) : -1;
}

#if MPCY_EMBED
// The defs of the modules initialised in this interpreter (C heap): after
// Py_FinalizeEx a new interpreter must not find the old module objects.
static PyModuleDef **mpcy_defs;
static size_t mpcy_defs_len;

static void mpcy_remember_def(PyModuleDef *def) {
    for (size_t i = 0; i < mpcy_defs_len; i++) {
        if (mpcy_defs[i] == def) {
            return;
        }
    }
    PyModuleDef **d = realloc(mpcy_defs, (mpcy_defs_len + 1) * sizeof(*d));
    if (d == NULL) {
        Py_FatalError("PyState_AddModule: out of memory");
    }
    mpcy_defs = d;
    mpcy_defs[mpcy_defs_len++] = def;
}

void mpcy_forget_modules(void) {
    for (size_t i = 0; i < mpcy_defs_len; i++) {
        mpcy_defs[i]->m_base.m_copy = NULL;
    }
    mpcy_defs_len = 0;
}
#endif

int PyState_AddModule(PyObject *module, PyModuleDef *def) {
    #if MPCY_EMBED
    mpcy_remember_def(def);
    #endif
    def->m_base.m_copy = module;
    MPCY_TRY(-1, mpcy_keep(module));
    return 0;
}

int PyState_RemoveModule(PyModuleDef *def) {
    def->m_base.m_copy = NULL;
    return 0;
}
