// Modules and import (moduleobject.h, import.h).
#include "mpcy.h"
#include "py/builtin.h"
#include "py/objlist.h"

mp_obj_module_t *mpcy_pending_stub;
const char *mpcy_pending_name;

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

int PyModule_AddFunctions(PyObject *m, PyMethodDef *functions) {
    PyObject *name = PyModule_GetNameObject(m);
    for (PyMethodDef *f = functions; f && f->ml_name; f++) {
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
        MPCY_TRY(NULL, mm->state = m_malloc0(def->m_size));
        mpcy_keep(mm->state);
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
        if (s->slot == Py_mod_exec && ((int (*)(PyObject *))s->value)(module) < 0) {
            if (!PyErr_Occurred()) {
                mpcy_err_set(&mpcy_type_SystemError, "execution of module %s failed without setting an exception", def->m_name);
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

// CPython's errors: TypeError for a non-module, SystemError without a name.
PyObject *PyModule_GetNameObject(PyObject *m) {
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *name = PyDict_GetItemString(PyModule_GetDict(m), "__name__");
    if (name == NULL || !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_SystemError, "nameless module");
        return NULL;
    }
    return name;
}

const char *PyModule_GetName(PyObject *m) {
    PyObject *n = PyModule_GetNameObject(m);
    return n ? PyUnicode_AsUTF8(n) : NULL;
}

PyObject *PyModule_GetFilenameObject(PyObject *m) {
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *f = PyDict_GetItemString(PyModule_GetDict(m), "__file__");
    if (f == NULL || !PyUnicode_Check(f)) {
        PyErr_SetString(PyExc_SystemError, "module filename missing");
    }
    return f;
}

PyModuleDef *PyModule_GetDef(PyObject *m) {
    return ((mpcy_module_t *)m)->def;
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
    return PyObject_SetAttrString(m, "__doc__", PyUnicode_FromString(doc));
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

// ---- soft reset -------------------------------------------------------------------
// On a board a soft reset (Ctrl-D, mpremote) frees the whole heap with
// gc_sweep_all(), which runs every finaliser, and starts a new VM; static
// memory stays. A stub that became a module, and the layer's root pointers,
// would point into the old heap. One of these objects per module stub, kept
// alive by the layer's roots, has a finaliser that only that sweep runs: it
// gives the stub its own globals back (so the next import calls __init__
// again) and notes that the VM is gone; the next module init then forgets the
// layer's roots (each MP_REGISTER_ROOT_POINTER of the layer is listed below).
typedef struct {
    mp_obj_base_t base;
    mp_obj_module_t *stub;
    mp_obj_dict_t *stub_globals;
} mpcy_reset_watch_t;

static bool mpcy_vm_gone;

static mp_obj_t mpcy_reset_watch_del(mp_obj_t self_in) {
    mpcy_reset_watch_t *w = MP_OBJ_TO_PTR(self_in);
    if (w->stub == NULL) {
        return mp_const_none; // the watch of a failed init, let go
    }
    w->stub->globals = w->stub_globals;
    mpcy_vm_gone = true;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_reset_watch_del_obj, mpcy_reset_watch_del);
static const mp_rom_map_elem_t mpcy_reset_watch_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&mpcy_reset_watch_del_obj) },
};
static MP_DEFINE_CONST_DICT(mpcy_reset_watch_locals, mpcy_reset_watch_locals_table);
static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_reset_watch, MP_QSTR_module, MP_TYPE_FLAG_NONE,
    locals_dict, &mpcy_reset_watch_locals);

// Called from a module stub's __init__ (MicroPython's built-in module init
// hook) on each import until it succeeds. The stub becomes the module.
mp_obj_t mpcy_module_init(PyObject *(*initfunc)(void), const char *name, mp_obj_module_t *stub) {
    mpcy_module_t *sm = (mpcy_module_t *)stub;
    static bool hooks;
    if (mpcy_vm_gone) {
        // First import after a soft reset: the old heap is gone.
        mpcy_vm_gone = false;
        mpcy_forget_roots();
        // MicroPython leaves the list of tracked allocations (PyMem_*) pointing
        // into the swept heap; the next m_tracked_calloc would write into a
        // reused block.
        MP_STATE_VM(m_tracked_head) = NULL;
        hooks = false;
    }
    if (sm->def != NULL) {
        if (!stub->globals->map.is_fixed) {
            return mp_const_none; // initialised in this VM
        }
        // Initialised before a soft reset (its watch gave the stub its own globals back).
        sm->def->m_base.m_copy = NULL;
        sm->def = NULL;
        sm->state = NULL;
    }
    if (!hooks) {
        mpcy_install_hooks();
        hooks = true;
    }
    // What this init keeps alive goes to a list of its own (see mpcy_keep).
    mp_obj_t prev_list = mpcy_keep_list;
    mpcy_keep_list = MP_OBJ_NULL;
    mp_obj_t mine = mp_obj_new_list(0, NULL);
    mpcy_keep(MP_OBJ_TO_PTR(mine));
    mpcy_keep_list = mine;
    mpcy_reset_watch_t *watch = mp_obj_malloc_with_finaliser(mpcy_reset_watch_t, &mpcy_type_reset_watch);
    watch->stub = stub;
    watch->stub_globals = stub->globals;
    mpcy_keep(watch);
    mp_obj_dict_t *const_globals = stub->globals;
    mpcy_pending_stub = stub;
    mpcy_pending_name = name;
    PyObject *r = NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        r = initfunc();
        nlr_pop();
    } else {
        mpcy_err_set_mp(MP_OBJ_FROM_PTR(nlr.ret_val));
    }
    mpcy_pending_stub = NULL;
    if (r != NULL && mp_obj_get_type(MPCY_OBJ(r)) == &mpcy_type_moduledef) {
        PyModuleDef *def = (PyModuleDef *)r;
        mpcy_pending_stub = stub;
        mpcy_pending_name = name;
        r = PyModule_FromDefAndSpec2(def, NULL, PYTHON_API_VERSION);
        mpcy_pending_stub = NULL;
        if (r != NULL && PyModule_ExecDef(r, def) < 0) {
            r = NULL;
        }
    }
    mpcy_keep_list = prev_list;
    if (r == NULL || MPCY_OBJ(r) != MP_OBJ_FROM_PTR(stub)) {
        // Failed: restore the stub so the next import tries again.
        stub->globals = const_globals;
        sm->def = NULL;
        sm->state = NULL;
        // Let go of all the module kept (roots are unordered: the last
        // entry takes its place), and forget it as CPython's import does
        // (Cython's init put it in sys.modules).
        watch->stub = NULL;
        mp_obj_list_t *roots = MP_OBJ_TO_PTR(MP_STATE_VM(mpcy_roots));
        for (size_t i = 0; i < roots->len; i++) {
            if (roots->items[i] == mine) {
                roots->items[i] = roots->items[--roots->len];
                roots->items[roots->len] = MP_OBJ_NULL;
                break;
            }
        }
        mp_map_t *loaded = &MP_STATE_VM(mp_loaded_modules_dict).map;
        mp_obj_t key = MP_OBJ_NEW_QSTR(qstr_from_str(name));
        mp_map_elem_t *e = mp_map_lookup(loaded, key, MP_MAP_LOOKUP);
        if (e != NULL && e->value == MP_OBJ_FROM_PTR(stub)) {
            mp_map_lookup(loaded, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
        }
        if (r != NULL) {
            mpcy_err_set(&mp_type_ImportError, "initialization of %s did not return its module", name);
        }
        mpcy_err_raise();
    }
    return mp_const_none;
}
