// A probe of the natmod flavour of the layer on a stock MicroPython (issue 19;
// docs/embedded.md, "The natmod flavour of the layer"): what the layer does
// at import, without a Cython module, until one links. Not a test: run by
// hand with tools/natmod_probe_run.py, which says how.
#include "Python.h"
#include "mpcy_glue.h"

extern const mp_obj_type_t mpcy_type_moduledef;

// What the import made: an exception type MicroPython lacks (zeroed data
// filled at import), a name interned at run time, a constant type of the
// layer completed by its fix function, the builtins module found at import.
static mp_obj_t natmod_probe_made(void) {
    mp_obj_t items[4] = {
        PyExc_SystemError,
        MP_OBJ_NEW_QSTR(qstr_from_str("made_at_runtime")),
        MP_OBJ_FROM_PTR(&mpcy_type_moduledef),
        mpcy_natmod_state.builtins,
    };
    return mp_obj_new_tuple(4, items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(natmod_probe_made_obj, natmod_probe_made);

// An error set in the indicator (the module's .bss) and raised from it.
static mp_obj_t natmod_probe_raise(void) {
    mp_obj_t msg = mp_obj_new_str("from the layer", 14);
    PyErr_SetRaisedException(MPCY_PY(mp_call_function_n_kw(PyExc_SystemError, 1, 0, &msg)));
    mpcy_err_raise();
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(natmod_probe_raise_obj, natmod_probe_raise);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
    mpcy_natmod_init();
    mp_store_global(MP_QSTR_made, MP_OBJ_FROM_PTR(&natmod_probe_made_obj));
    mp_store_global(MP_QSTR_raise_it, MP_OBJ_FROM_PTR(&natmod_probe_raise_obj));
    MP_DYNRUNTIME_INIT_EXIT
}
