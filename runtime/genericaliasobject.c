// types.GenericAlias (CPython's Objects/genericaliasobject.c): what
// `list[int]` and `classmethod(GenericAlias)` as a class's __class_getitem__
// make. MicroPython has none; libraries import it from `types` (the layer's
// stand-in, pythonrun.c). Its origin, arguments, repr, equality, hash and
// call are CPython's; attributes it does not have come from the origin. No
// TypeVar exists on MicroPython, so __parameters__ is always empty.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t origin;
    mp_obj_t args; // a tuple
} mpcy_generic_alias_t;

static mp_obj_t mpcy_generic_alias_new(mp_obj_t origin, mp_obj_t args) {
    mpcy_generic_alias_t *ga = mp_obj_malloc(mpcy_generic_alias_t, &mpcy_type_generic_alias);
    ga->origin = origin;
    ga->args = mp_obj_is_type(args, &mp_type_tuple) ? args : mp_obj_new_tuple(1, &args);
    return MP_OBJ_FROM_PTR(ga);
}

static mp_obj_t mpcy_generic_alias_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    if (n_kw != 0) {
        mp_raise_TypeError(MP_ERROR_TEXT("GenericAlias() takes no keyword arguments"));
    }
    if (n_args != 2) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("GenericAlias expected 2 arguments, got %d"), (int)n_args);
    }
    return mpcy_generic_alias_new(args[0], args[1]);
}

// One item of the repr as CPython's ga_repr_item: `...`, a class as
// module.name (the name alone for a built-in), anything else its repr.
static void mpcy_generic_alias_print_item(const mp_print_t *print, mp_obj_t o) {
    if (o == MP_OBJ_FROM_PTR(&mp_const_ellipsis_obj)) {
        mp_print_str(print, "...");
        return;
    }
    if (!mp_obj_is_type(o, &mp_type_type)) {
        mp_obj_print_helper(print, o, PRINT_REPR);
        return;
    }
    const mp_obj_type_t *t = MP_OBJ_TO_PTR(o);
    if (mpcy_spec_type(t) != NULL) {
        mp_print_str(print, mpcy_type_name(t)); // "module.Name" already
        return;
    }
    mp_obj_t mod = mpcy_type_own_attr(t, MP_QSTR___module__);
    if (mod != MP_OBJ_NULL && mp_obj_is_str(mod) && !mp_obj_str_equal(mod, MP_OBJ_NEW_QSTR(MP_QSTR_builtins))) {
        mp_printf(print, "%s.", mp_obj_str_get_str(mod));
    }
    mp_print_str(print, qstr_str(t->name));
}

static void mpcy_generic_alias_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpcy_generic_alias_t *ga = MP_OBJ_TO_PTR(self_in);
    mpcy_generic_alias_print_item(print, ga->origin);
    mp_print_str(print, "[");
    size_t n;
    mp_obj_t *items;
    mp_obj_tuple_get(ga->args, &n, &items);
    if (n == 0) {
        mp_print_str(print, "()");
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            mp_print_str(print, ", ");
        }
        mpcy_generic_alias_print_item(print, items[i]);
    }
    mp_print_str(print, "]");
}

static void mpcy_generic_alias_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpcy_generic_alias_t *ga = MP_OBJ_TO_PTR(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only, as in CPython
    }
    switch (MPCY_QSWITCH(attr)) {
        case MPCY_Q(MP_QSTR___origin__):
            dest[0] = ga->origin;
            return;
        case MPCY_Q(MP_QSTR___args__):
            dest[0] = ga->args;
            return;
        case MPCY_Q(MP_QSTR___parameters__):
            dest[0] = mp_const_empty_tuple;
            return;
        case MPCY_Q(MP_QSTR___bases__):
        case MPCY_Q(MP_QSTR___mro_entries__):
            return; // not the origin's (CPython's attr_exceptions)
        default:
            // everything else is the origin's, as CPython's ga_getattro
            mp_load_method_maybe(ga->origin, attr, dest);
            if (dest[1] != MP_OBJ_NULL) {
                dest[0] = mp_obj_new_bound_meth(dest[0], dest[1]);
                dest[1] = MP_OBJ_NULL;
            }
    }
}

// origin(*args, **kw), then result.__orig_class__ = self where it can be set.
MPCY_CLOBBER_CHECKED
static mp_obj_t mpcy_generic_alias_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_generic_alias_t *ga = MP_OBJ_TO_PTR(self_in);
    mp_obj_t r = mp_call_function_n_kw(ga->origin, n_args, n_kw, args);
    mp_obj_t exc;
    MPCY_CATCH(exc, mp_store_attr(r, MP_QSTR___orig_class__, self_in));
    if (exc != MP_OBJ_NULL && !mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_AttributeError))
        && !mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_TypeError))) {
        nlr_raise(exc);
    }
    return r;
}
MPCY_CLOBBER_CHECKED_END

static mp_obj_t mpcy_generic_alias_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op != MP_BINARY_OP_EQUAL || !mp_obj_is_type(rhs, &mpcy_type_generic_alias)) {
        return MP_OBJ_NULL;
    }
    mpcy_generic_alias_t *a = MP_OBJ_TO_PTR(lhs), *b = MP_OBJ_TO_PTR(rhs);
    return mp_obj_new_bool(mp_obj_equal(a->origin, b->origin) && mp_obj_equal(a->args, b->args));
}

static mp_obj_t mpcy_generic_alias_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mpcy_generic_alias_t *ga = MP_OBJ_TO_PTR(self_in);
    if (op != MP_UNARY_OP_HASH) {
        return MP_OBJ_NULL;
    }
    mp_int_t h = mp_obj_get_int_truncated(mp_unary_op(MP_UNARY_OP_HASH, ga->origin))
        ^ mp_obj_get_int_truncated(mp_unary_op(MP_UNARY_OP_HASH, ga->args));
    return MP_OBJ_NEW_SMALL_INT(h & MP_SMALL_INT_POSITIVE_MASK);
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_generic_alias, MP_QSTR_GenericAlias, MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    make_new, mpcy_generic_alias_make_new,
    print, mpcy_generic_alias_print,
    call, mpcy_generic_alias_call,
    attr, mpcy_generic_alias_attr,
    binary_op, mpcy_generic_alias_binary_op,
    unary_op, mpcy_generic_alias_unary_op);

PyObject *Py_GenericAlias(PyObject *origin, PyObject *args) {
    MPCY_CHECK_INIT("Py_GenericAlias");
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_generic_alias_new(MPCY_OBJ(origin), MPCY_OBJ(args)));
    return MPCY_PY(r);
}
