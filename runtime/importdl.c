// Running a module's PyInit_ function on import (CPython's importdl.c): the
// module object it creates is the module's stub (static for built-in
// modules, on the heap for inittab and .so modules); single- and multi-phase
// init; a failed init lets go of all it kept, so the next import tries again.
#include "mpcy.h"

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
        // reused block. (A natmod has no tracked allocations.)
        #ifndef MPCY_NATMOD
        MPCY_TRACKED_HEAD = NULL;
        #endif
        hooks = false;
    }
    if (sm->def != NULL) {
        if (!mpcy_stub_is_static(stub)) {
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
    mp_obj_module_t *prev_init = mpcy_running_init;
    mpcy_running_init = stub;
    const mpcy_statics_t *prev_text = mpcy_init_text_begin();
    PyObject *r = mpcy_module_call_init(initfunc, stub, name);
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
    mpcy_running_init = prev_init;
    mpcy_init_text_end(prev_text);
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
            PyErr_Format(PyExc_ImportError, "initialization of %s did not return its module", name);
        }
        mpcy_err_raise();
    }
    return mp_const_none;
}

mp_obj_t mpcy_module_load(PyObject *(*initfunc)(void), const char *name) {
    // A heap stub takes the place of the static one of built-in modules.
    mpcy_module_t *stub = m_new0(mpcy_module_t, 1);
    stub->mod.base.type = &mp_type_module;
    stub->mod.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
    qstr q = qstr_from_str(name);
    mpcy_module_init(initfunc, qstr_str(q), &stub->mod);
    mp_obj_t m = MP_OBJ_FROM_PTR(stub);
    mp_obj_dict_store(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), MP_OBJ_NEW_QSTR(q), m);
    return m;
}
