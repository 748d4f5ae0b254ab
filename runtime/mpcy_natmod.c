// The natmod flavour of the layer (include/mpcy_natmod.h, docs/embedded.md
// "Without rebuilding the firmware"): its state, what it finds in the
// firmware at import, and the module init mpy_init runs. Empty in every
// other build.
#include "mpcy.h"

#ifdef MPCY_NATMOD

MPCY_NATMOD_ROOT mpcy_natmod_state_t mpcy_natmod_state;

void mpcy_natmod_init_exceptions(void);

// A constant table's marker qstrs (MP_ROM_QSTR in include/mpcy_natmod.h)
// become the module's qstrs.
static mp_rom_obj_t mpcy_natmod_fix_qstr(mp_rom_obj_t o) {
    if (mp_obj_is_qstr(o) && MP_OBJ_QSTR_VALUE(o) >= MPCY_NATMOD_QMARK) {
        return MP_OBJ_NEW_QSTR(mp_native_qstr_table[MP_OBJ_QSTR_VALUE(o) - MPCY_NATMOD_QMARK]);
    }
    return o;
}

void mpcy_natmod_fix_table(mp_rom_map_elem_t *table, size_t n) {
    for (size_t i = 0; i < n; i++) {
        table[i].key = mpcy_natmod_fix_qstr(table[i].key);
        table[i].value = mpcy_natmod_fix_qstr(table[i].value);
    }
}

mp_obj_t mpcy_natmod_builtin(qstr name) {
    return mp_load_attr(mpcy_natmod_state.builtins, name);
}

// The types no builtin names, from objects of each (exec makes a generator
// function where the firmware has a compiler; without one those stay NULL
// and compare unequal to every type).
static void mpcy_natmod_find_types(void) {
    mp_obj_t *t = mpcy_natmod_state.types;
    t[MPCY_NATMOD_T_NoneType] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_const_none));
    t[MPCY_NATMOD_T_module] = MP_OBJ_FROM_PTR(mp_obj_get_type(mpcy_natmod_state.builtins));
    mp_obj_t list = mp_obj_new_list(0, NULL);
    t[MPCY_NATMOD_T_bound_meth] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_load_attr(list, MP_QSTR_append)));
    mp_obj_t set = mp_fun_table.new_set(0, NULL);
    t[MPCY_NATMOD_T_polymorph_iter] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_fun_table.getiter(set, NULL)));
    mp_obj_t dest[2];
    mp_load_method_maybe(mpcy_natmod_state.builtins, MP_QSTR_exec, dest);
    mp_obj_t exec = dest[0];
    if (exec != MP_OBJ_NULL) {
        static const char src[] = "def f():\n yield\ndef g():\n pass\n";
        mp_obj_t args[2] = { mp_obj_new_str(src, sizeof(src) - 1), mp_obj_new_dict(1) };
        mp_call_function_n_kw(exec, 2, 0, args);
        mp_obj_t f = mp_obj_subscr(args[1], MP_OBJ_NEW_QSTR(MP_QSTR_f), MP_OBJ_SENTINEL);
        t[MPCY_NATMOD_T_gen_wrap] = MP_OBJ_FROM_PTR(mp_obj_get_type(f));
        t[MPCY_NATMOD_T_gen_instance] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_call_function_n_kw(f, 0, 0, NULL)));
        mp_obj_t g = mp_obj_subscr(args[1], MP_OBJ_NEW_QSTR(MP_QSTR_g), MP_OBJ_SENTINEL);
        t[MPCY_NATMOD_T_fun_bc] = MP_OBJ_FROM_PTR(mp_obj_get_type(g));
    }
}

void mpcy_natmod_init(void) {
    mpcy_natmod_fixups();
    mpcy_natmod_state.builtins = mp_import_name(MP_QSTR_builtins, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mpcy_natmod_find_types();
    mpcy_natmod_init_exceptions();
}

mp_obj_dict_t *mpcy_natmod_module_init(PyObject *(*initfunc)(void), const char *name) {
    if (mpcy_natmod_state.builtins == MP_OBJ_NULL) {
        mpcy_natmod_init();
    }
    // The module Cython's init makes (PyModule_Create) is this stub, as for
    // a loadable module (importdl.c mpcy_module_load); import returns the
    // natmod's module, which gets the stub's globals.
    mpcy_module_t *stub = m_malloc(sizeof(mpcy_module_t));
    memset(stub, 0, sizeof(*stub));
    stub->mod.base.type = &mp_type_module;
    stub->mod.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
    mpcy_keep(stub);
    mpcy_pending_stub = &stub->mod;
    mpcy_pending_name = name;
    mp_obj_module_t *prev_init = mpcy_running_init;
    mpcy_running_init = &stub->mod;
    PyObject *r = NULL;
    mp_obj_t exc;
    MPCY_CATCH(exc, r = initfunc());
    if (exc != MP_OBJ_NULL) {
        PyErr_SetRaisedException(MPCY_PY(exc));
    }
    mpcy_pending_stub = NULL;
    mpcy_running_init = prev_init;
    if (r != NULL && MPCY_OBJ(r) != MP_OBJ_FROM_PTR(stub)) {
        PyErr_Format(PyExc_ImportError, "initialization of %s did not return its module", name);
        r = NULL;
    }
    if (r == NULL) {
        mpcy_err_raise();
    }
    return stub->mod.globals;
}

#endif
