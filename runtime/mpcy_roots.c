// GC roots: what the layer keeps alive beyond the C stack. The keep list
// (MP_REGISTER_ROOT_POINTER mpcy_roots: type objects, module state, stub
// globals; one list per module init, so a failed init lets go of its own),
// and the static C variables of compiled modules, registered by their
// wrappers and scanned on every collection. See docs/design.md, "GC roots".
#include "mpcy.h"
#include "py/gc.h"

MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_roots);

// While a module's init runs, what it keeps goes to that module's own list
// (itself kept), so that a failed init lets go of all of it (importdl.c).
mp_obj_t mpcy_keep_list = MP_OBJ_NULL;

// Keep `p` alive for the interpreter's lifetime (a list in a GC root).
void mpcy_keep(void *p) {
    if (mpcy_keep_list != MP_OBJ_NULL) {
        mp_obj_list_append(mpcy_keep_list, MP_OBJ_FROM_PTR(p));
        return;
    }
    if (MP_STATE_VM(mpcy_roots) == MP_OBJ_NULL) {
        MP_STATE_VM(mpcy_roots) = mp_obj_new_list(0, NULL);
    }
    mp_obj_list_append(MP_STATE_VM(mpcy_roots), MP_OBJ_FROM_PTR(p));
}

// Static C variables of compiled modules that can hold objects (Cython's
// cdef globals and cached builtins, a C module's `static PyObject *`).
// MicroPython's collector scans no program data, so each module's wrapper
// lists its own (the driver finds them, mpcython static_objects) and registers
// them at init; every collection scans them. The list lives in the modules'
// own static memory, so it survives soft resets and needs no heap.
static mpcy_statics_t *mpcy_statics_head;

// The statics of the module whose init runs (its wrapper registers them just
// before Cython's init, which makes the string constants): only its text is
// looked at, so a string made at any other time costs one test.
static const mpcy_statics_t *mpcy_init_statics;

const mpcy_statics_t *mpcy_init_text_begin(void) {
    const mpcy_statics_t *prev = mpcy_init_statics;
    mpcy_init_statics = NULL;
    return prev;
}

void mpcy_init_text_end(const mpcy_statics_t *prev) {
    mpcy_init_statics = prev;
}

void mpcy_register_statics(mpcy_statics_t *s) {
    if (s->text != NULL) {
        mpcy_init_statics = s;
    }
    for (mpcy_statics_t *p = mpcy_statics_head; p != NULL; p = p->next) {
        if (p == s) {
            return;
        }
    }
    s->next = mpcy_statics_head;
    mpcy_statics_head = s;
}

// A str or bytes (TYPE) of the N bytes at S when they are the constant text
// of the module whose init runs, NUL-terminated there as Cython's strings
// are: the object points into the firmware (flash on a board) and nothing is
// copied into the heap. MP_OBJ_NULL for any other text.
mp_obj_t mpcy_static_text(const mp_obj_type_t *type, const char *s, size_t n) {
    const mpcy_statics_t *p = mpcy_init_statics;
    if (p == NULL || s < p->text || s + n >= p->text_end || s[n] != '\0') {
        return MP_OBJ_NULL;
    }
    mp_obj_str_t *o = mp_obj_malloc(mp_obj_str_t, type);
    o->hash = qstr_compute_hash((const byte *)s, n);
    o->len = n;
    o->data = (const byte *)s;
    return MP_OBJ_FROM_PTR(o);
}

void mpcy_gc_scan_statics(void) {
    #if MPCY_ERR_PER_THREAD
    mpcy_err_scan();
    #endif
    for (mpcy_statics_t *p = mpcy_statics_head; p != NULL; p = p->next) {
        for (size_t i = 0; i < p->n; i++) {
            gc_collect_root((void **)p->vars[i].addr, p->vars[i].size / sizeof(void *));
        }
    }
}

#if MPCY_GC_WRAP
// Ports collect with gc_collect_start(), their stack scan, gc_collect_end();
// the driver links with --wrap=gc_collect_start (runtime/micropython.mk) so
// the statics are scanned in every port without editing it. The embed port's
// gc_collect is the layer's own (pylifecycle.c).
void __wrap_gc_collect_start(void) {
    __real_gc_collect_start();
    mpcy_gc_scan_statics();
}
#endif

// The layer's roots when the heap they point into is gone (a soft reset,
// Py_FinalizeEx).
void mpcy_forget_roots(void) {
    MP_STATE_VM(mpcy_roots) = MP_OBJ_NULL;
    #if MPCY_ERR_PER_THREAD
    mpcy_err_forget();
    #else
    MP_STATE_VM(mpcy_err_cur) = MP_OBJ_NULL;
    MP_STATE_VM(mpcy_thread_dict) = MP_OBJ_NULL;
    #endif
    MP_STATE_VM(mpcy_builtins_optimised) = MP_OBJ_NULL;
    MP_STATE_VM(mpcy_warnings) = MP_OBJ_NULL;
    MP_STATE_VM(mpcy_sys) = MP_OBJ_NULL;
    MP_STATE_VM(mpcy_modules) = MP_OBJ_NULL;
    MP_STATE_VM(mpcy_fullargspec) = MP_OBJ_NULL;
    MP_STATE_VM(mpcy_traceback_last) = MP_OBJ_NULL;
    mpcy_module_last = NULL;
    mpcy_running_init = NULL;
    // MicroPython's, which Cython code sets too (PyErr_SetHandledException)
    MP_STATE_VM(cur_exception) = NULL;
}
