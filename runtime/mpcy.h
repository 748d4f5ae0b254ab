// Internal declarations shared by the layer's runtime files.
#ifndef MPCY_INTERNAL_H
#define MPCY_INTERNAL_H
#include "Python.h"
#include "py/objfun.h"
#include "py/bc.h"

// A type created from a PyType_Spec: a MicroPython type followed by the
// CPython slots it was given (so PyType_GetSlot can answer).
typedef struct _mpcy_type_t {
    mp_obj_full_type_t mp;
    const char *tp_name;        // "module.Name", as CPython's tp_name
    Py_ssize_t basicsize;
    Py_ssize_t itemsize;
    unsigned long flags;
    Py_ssize_t dictoffset;
    Py_ssize_t vectorcalloffset;
    PyObject *module;
    PyObject *bases;            // tuple
    const mp_obj_type_t *base;  // first base (a MicroPython type)
    mp_obj_t inst_descrs;       // dict: instance descriptors named __module__ etc.
    void *slots[MPCY_SLOT_MAX];
} mpcy_type_t;

static inline mpcy_type_t *mpcy_spec_type(const mp_obj_type_t *t) {
    return MPCY_IS_SPEC_TYPE(t) ? (mpcy_type_t *)t : NULL;
}
// The slot of a spec type, or NULL (also for MicroPython's own types).
static inline void *mpcy_slot(const mp_obj_type_t *t, int slot) {
    mpcy_type_t *st = mpcy_spec_type(t);
    return st ? st->slots[slot] : NULL;
}

// A traceback object standing for an exception's own entries (pythonrun.c).
mp_obj_t mpcy_traceback_new(mp_obj_t exc);

// Errors
void mpcy_err_set(const mp_obj_type_t *type, const char *fmt, ...);
// Raise (nlr) with a message in PyUnicode_FromFormat's format (%R, %S, ...).
NORETURN void mpcy_raise(const mp_obj_type_t *type, const char *fmt, ...);
mp_obj_t mpcy_err_fetch(void);
mp_obj_t mpcy_exc_instance(PyObject *type, PyObject *value);

// Calls
mp_obj_t mpcy_call_vec(mp_obj_t fun, mp_obj_t const *args, size_t nargs, mp_obj_t kwnames);
PyObject *mpcy_tuple_from_array(size_t n, const mp_obj_t *items);
void mpcy_split_args(size_t n_args, size_t n_kw, const mp_obj_t *args, PyObject **targs, PyObject **kwargs);

// Numbers: int(text, base) with CPython's error message (raises).
mp_obj_t mpcy_long_from_text(const char *s, size_t len, int base, mp_obj_t text_obj);
// float(text) for str/bytes/bytearray with CPython's error message (raises).
mp_obj_t mpcy_float_from_text(mp_obj_t s);

// Raise CPython's "unhashable type" for a mutable built-in (raises).
void mpcy_check_hashable(mp_obj_t key);

// Strings
qstr mpcy_qstr(PyObject *name);
// A type's attribute, with object's pickling hooks that MicroPython lacks (typeobject.c).
mp_obj_t mpcy_type_load_attr(mp_obj_t type, qstr attr, bool raise);
// mp_load_attr, with the above for types (object.c).
mp_obj_t mpcy_load_attr(mp_obj_t o, qstr attr);
mp_obj_t mpcy_str_from_fmt(const char *fmt, va_list va);

// Types
void mpcy_generic_attr(mp_obj_t self, qstr attr, mp_obj_t *dest);
mp_obj_t mpcy_type_lookup(const mp_obj_type_t *type, qstr attr);

// The builtins module Cython uses (bltinmodule.c)
PyObject *mpcy_builtins_module(void);
void mpcy_install_hooks(void);
MP_DECLARE_CONST_FUN_OBJ_VAR(mpcy_object_init_obj);

// Python classes with a cdef class base (typeobject.c)
bool mpcy_has_spec_base(mp_obj_t bases);
mp_obj_t mpcy_type_from_class(mp_obj_t name, mp_obj_t bases, mp_obj_t dict);

// Keep object `o` visible to the GC up to this point: MicroPython's GC does
// not follow a pointer into the middle of a block (a tuple's items).
#define MPCY_KEEP_ALIVE(o) __asm__ volatile ("" : : "g"(o) : "memory")

// Roots: keep an allocation alive for as long as the interpreter runs.
void mpcy_keep(void *p);
extern mp_obj_t mpcy_keep_list;

// Names for messages
const char *mpcy_type_name(const mp_obj_type_t *t);
#endif

// Descriptors (descrobject.c)
PyObject *mpcy_getset_get(mp_obj_t descr, mp_obj_t self);
int mpcy_getset_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value);
PyObject *mpcy_member_get(mp_obj_t descr, mp_obj_t self);
int mpcy_member_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value);
// Call a PyMethodDef function with MicroPython's arguments.
mp_obj_t mpcy_call_methoddef(PyMethodDef *ml, PyObject *self, size_t n_args, size_t n_kw, const mp_obj_t *args);
