// CPython's str() and repr() of exceptions (its Objects/exceptions.c) for
// Cython code's str(), repr() and format(): MicroPython's printer writes
// "E('a',)" for one argument, a KeyError's key without quotes, an OSError's
// errno name ("[Errno 2] ENOENT: ..."), and the OSError subclasses the layer
// adds as a tuple. print() and '%s' % e stay MicroPython's (docs/exceptions.md).
#include "mpcy.h"

typedef struct {
    qstr name;
    int slot;
} mpcy_text_method_t;

// A class on the way that defines the method itself (a Python method or a
// cdef class's slot): its own text, as in CPython.
static mp_obj_t mpcy_defines_text(const mp_obj_type_t *t, void *ctx) {
    const mpcy_text_method_t *m = ctx;
    return mpcy_type_slot(t, m->slot) != NULL || mpcy_type_own_attr(t, m->name) != MP_OBJ_NULL ? mp_const_true : MP_OBJ_NULL;
}

// OSError_str: "[Errno N] text", then ": 'file'" and " -> 'file2'" when given.
static bool mpcy_oserror_str(const mp_print_t *print, const mp_obj_tuple_t *a) {
    if (a->len < 2 || a->len > 5) {
        return false;
    }
    mp_print_str(print, "[Errno ");
    mp_obj_print_helper(print, a->items[0], PRINT_STR);
    mp_print_str(print, "] ");
    mp_obj_print_helper(print, a->items[1], PRINT_STR);
    if (a->len >= 3 && a->items[2] != mp_const_none) {
        mp_print_str(print, ": ");
        mp_obj_print_helper(print, a->items[2], PRINT_REPR);
        if (a->len == 5 && a->items[4] != mp_const_none) {
            mp_print_str(print, " -> ");
            mp_obj_print_helper(print, a->items[4], PRINT_REPR);
        }
    }
    return true;
}

mp_obj_t mpcy_exception_text(mp_obj_t o, mp_print_kind_t kind) {
    if (mp_obj_is_small_int(o) || mp_obj_is_qstr(o) || !mp_obj_is_exception_instance(o)) {
        return MP_OBJ_NULL;
    }
    const mp_obj_type_t *t = mp_obj_get_type(o);
    mpcy_text_method_t m = {MP_QSTR___repr__, Py_tp_repr};
    if (kind == PRINT_STR) {
        m = (mpcy_text_method_t) {MP_QSTR___str__, Py_tp_str};
    }
    if (mpcy_type_walk(t, mpcy_defines_text, &m) != MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    const mp_obj_tuple_t *a = MP_OBJ_TO_PTR(mp_load_attr(o, MP_QSTR_args));
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    bool os = mp_obj_exception_match(o, MP_OBJ_FROM_PTR(&mp_type_OSError));
    if (kind == PRINT_REPR) {
        // an OSError's args are (errno, strerror) when a file name follows
        size_t n = os && a->len > 2 && a->len <= 5 && a->items[2] != mp_const_none ? 2 : a->len;
        mp_printf(&print, "%q(", t->name);
        for (size_t i = 0; i < n; i++) {
            mp_print_str(&print, i ? ", " : "");
            mp_obj_print_helper(&print, a->items[i], PRINT_REPR);
        }
        mp_print_str(&print, ")");
    } else if (a->len == 1) {
        // KeyError_str: the key as in the KeyError's message
        bool key = mp_obj_exception_match(o, MP_OBJ_FROM_PTR(&mp_type_KeyError));
        mp_obj_print_helper(&print, a->items[0], key ? PRINT_REPR : PRINT_STR);
    } else if (a->len > 1 && !(os && mpcy_oserror_str(&print, a))) {
        mp_obj_print_helper(&print, MP_OBJ_FROM_PTR(a), PRINT_REPR);
    }
    return mp_obj_new_str_from_utf8_vstr(&vstr);
}
