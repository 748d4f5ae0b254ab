// cdef classes with a built-in base (`cdef class D(dict)`, `list`, `set`,
// `Exception`, `float`, ...): the built-in part of their instances.
//
// Cython's struct of such a class starts with the base's (PyDictObject, ...),
// which the layer defines as mpcy_subnative_t: MicroPython's own layout of an
// instance of a Python subclass of a built-in type, the built-in object apart
// in `native` (mp_obj_instance_t's subobj[0]). The type is flagged
// MP_TYPE_FLAG_INSTANCE_TYPE, so MicroPython's super() and exceptions find the
// built-in part where they look for it (runtime/mpcy_mpprivate.h). Cython
// reaches the base through its type object (PyType_GetSlot(&PyDict_Type,
// Py_tp_new)(t, args, kw)): the slots below are what a built-in type answers.
// The spec type's MicroPython slots fall back to the built-in part for what
// the class does not define (mpcy_spectype.c), as py/objtype.c's instance
// slots do.
#include "mpcy.h"

// Built-in types whose __new__ makes an empty object that __init__ fills (as
// CPython's dict, list, set and bytearray); every other base takes the
// arguments in __new__ (int, float, str, frozenset; exceptions keep them as
// their args there too).
bool mpcy_native_filled_by_init(const mp_obj_type_t *t) {
    return t == &mp_type_dict || t == &mp_type_list
           #if MICROPY_PY_BUILTINS_SET
           || t == &mp_type_set
           #endif
           #if MICROPY_PY_BUILTINS_BYTEARRAY
           || t == &mp_type_bytearray
           #endif
    ;
}

void mpcy_native_base_check(const char *name, const mp_obj_type_t *base) {
    const char *why = NULL;
    if (mp_obj_is_instance_type(base)) {
        why = "it is a Python class"; // only PyType_FromSpecWithBases in C can ask
    } else if (!MP_OBJ_TYPE_HAS_SLOT(base, make_new)) {
        why = "it has no constructor";
    }
    if (why != NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("cdef class %s: MicroPython cannot subclass '%q' (%s)"), name, base->name, why);
    }
}

// A new built-in object of type `t` from args and kw (none when `empty`). An
// argument with a built-in part of type `t` is given as that part: MicroPython's
// dict() copies only a dict, not a subclass's instance (CountingDict(other)).
static PyObject *mpcy_native_make(const mp_obj_type_t *t, PyObject *args, PyObject *kw, bool empty) {
    if (empty) {
        return PyObject_CallNoArgs((PyObject *)t);
    }
    if (PyTuple_GET_SIZE(args) == 1 && !mp_obj_is_exact_type(MPCY_OBJ(PyTuple_GET_ITEM(args, 0)), t)) {
        PyObject *part = mpcy_native(PyTuple_GET_ITEM(args, 0), t);
        if (part != NULL) {
            args = PyTuple_Pack(1, part);
            if (args == NULL) {
                return NULL;
            }
        }
    }
    return PyObject_Call((PyObject *)t, args, kw);
}

// tp_new of a built-in type: for the type itself, a new object; for a cdef
// class with it as base, an instance whose built-in part is made.
PyObject *mpcy_slot_native_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    mpcy_type_t *st = mpcy_spec_type(type);
    const mp_obj_type_t *nb = st != NULL ? st->native : type;
    if (nb == NULL) {
        PyErr_Format(PyExc_TypeError, "'%s' has no built-in base", mpcy_type_name(type));
        return NULL;
    }
    PyObject *native = mpcy_native_make(nb, args, kw, mpcy_native_filled_by_init(nb));
    if (native == NULL || st == NULL) {
        return native;
    }
    allocfunc alloc = (allocfunc)mpcy_slot(st, Py_tp_alloc);
    mpcy_subnative_t *o = (mpcy_subnative_t *)MPCY_NO_RAISE(alloc(type, 0)); // a C slot: it returns its errors
    if (o == NULL) {
        return NULL;
    }
    o->members.all_keys_are_qstrs = 1; // what mp_map_init(&members, 0) leaves; alloc zeroed the rest
    o->native = MPCY_OBJ(native);
    return (PyObject *)o;
}

// tp_init of a built-in type: remakes the built-in part from the arguments
// where __init__ fills it (dict.__init__, list.__init__, ...) or sets its args
// (BaseException.__init__); nothing for the others (object.__init__).
int mpcy_slot_native_init(PyObject *self, PyObject *args, PyObject *kw) {
    mpcy_type_t *st = mpcy_spec_type(mp_obj_get_type(MPCY_OBJ(self)));
    const mp_obj_type_t *nb = st != NULL ? st->native : NULL;
    if (nb == NULL) {
        PyErr_Format(PyExc_TypeError, "__init__ of the built-in type of a '%s' object cannot be called from C",
            mpcy_type_name(mp_obj_get_type(MPCY_OBJ(self))));
        return -1;
    }
    if (!mpcy_native_filled_by_init(nb) && !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(nb), MP_OBJ_FROM_PTR(&mp_type_BaseException))) {
        return 0;
    }
    PyObject *native = mpcy_native_make(nb, args, kw, false);
    if (native == NULL) {
        return -1;
    }
    ((mpcy_subnative_t *)self)->native = MPCY_OBJ(native);
    return 0;
}

static mp_obj_t mpcy_native_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    PyObject *targs = MPCY_PY(mp_obj_new_tuple(n_args - 1, args + 1));
    if (mpcy_slot_native_init(MPCY_PY(args[0]), targs, MPCY_PY(mpcy_kw_dict(kw))) < 0) {
        mpcy_err_raise();
    }
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_native_init_obj, 1, mpcy_native_init);

// tp_dealloc of a built-in type: the collector frees the memory.
void mpcy_slot_native_dealloc(PyObject *self) {
    (void)self;
}
