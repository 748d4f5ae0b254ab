// The abstract object protocols (abstract.h): numbers, sequences, mappings,
// iterators and buffers. Calls: call.c.
#include "mpcy.h"
#include "py/binary.h"
#include "py/objtype.h"

// + and -, as both number fast paths below compute them into R.
#define MPCY_ARITH_CASES(x, y, r) \
    case MP_BINARY_OP_ADD: \
        r = (x) + (y); \
        break; \
    case MP_BINARY_OP_SUBTRACT: \
        r = (x) - (y); \
        break;

// The six comparisons, as both number fast paths below answer them.
#define MPCY_COMPARE_CASES(x, y) \
    case MP_BINARY_OP_LESS: \
        return mp_obj_new_bool((x) < (y)); \
    case MP_BINARY_OP_MORE: \
        return mp_obj_new_bool((x) > (y)); \
    case MP_BINARY_OP_LESS_EQUAL: \
        return mp_obj_new_bool((x) <= (y)); \
    case MP_BINARY_OP_MORE_EQUAL: \
        return mp_obj_new_bool((x) >= (y)); \
    case MP_BINARY_OP_EQUAL: \
        return mp_obj_new_bool((x) == (y)); \
    case MP_BINARY_OP_NOT_EQUAL: \
        return mp_obj_new_bool((x) != (y));

// ---- fast paths (no nlr frame; see mpcy.h) ---------------------------------------
static mp_obj_t mpcy_small_int_binop(mp_binary_op_t op, mp_obj_t a, mp_obj_t b) {
    mp_int_t x = MP_OBJ_SMALL_INT_VALUE(a), y = MP_OBJ_SMALL_INT_VALUE(b), r;
    switch (op) {
        MPCY_ARITH_CASES(x, y, r)
        case MP_BINARY_OP_MULTIPLY:
            // (not py/smallint.h's mp_small_int_mul_overflow: its signature
            // changed in 1.26)
            if (__builtin_mul_overflow(x, y, &r)) {
                return MP_OBJ_NULL;
            }
            break;
        case MP_BINARY_OP_FLOOR_DIVIDE:
            if (y == 0) {
                return MP_OBJ_NULL;
            }
            r = mp_small_int_floor_divide(x, y);
            break;
        case MP_BINARY_OP_MODULO:
            if (y == 0) {
                return MP_OBJ_NULL;
            }
            r = mp_small_int_modulo(x, y);
            break;
        case MP_BINARY_OP_AND:
            return MP_OBJ_NEW_SMALL_INT(x & y);
        case MP_BINARY_OP_OR:
            return MP_OBJ_NEW_SMALL_INT(x | y);
        case MP_BINARY_OP_XOR:
            return MP_OBJ_NEW_SMALL_INT(x ^ y);
        case MP_BINARY_OP_LSHIFT:
            // as MicroPython: a shift that leaves the small-int range goes to a long int
            // (from bit width - 1 on, MIN >> y is -1 and lets -1 through)
            if (y < 0 || y >= (mp_int_t)(sizeof(mp_int_t) * 8 - 1) || x > (MP_SMALL_INT_MAX >> y) || x < (MP_SMALL_INT_MIN >> y)) {
                return MP_OBJ_NULL;
            }
            return MP_OBJ_NEW_SMALL_INT((mp_int_t)((mp_uint_t)x << y));
        case MP_BINARY_OP_RSHIFT:
            if (y < 0) {
                return MP_OBJ_NULL;
            }
            return MP_OBJ_NEW_SMALL_INT(x >> (y >= (mp_int_t)(sizeof(mp_int_t) * 8) ? (mp_int_t)(sizeof(mp_int_t) * 8 - 1) : y));
            MPCY_COMPARE_CASES(x, y)
        default:
            return MP_OBJ_NULL;
    }
    return MP_SMALL_INT_FITS(r) ? MP_OBJ_NEW_SMALL_INT(r) : MP_OBJ_NULL;
}

#if MICROPY_PY_BUILTINS_FLOAT
static bool mpcy_float_operand(mp_obj_t o, mp_float_t *v) {
    if (mp_obj_is_small_int(o)) {
        *v = (mp_float_t)MP_OBJ_SMALL_INT_VALUE(o);
        return true;
    }
    if (mp_obj_is_float(o)) {
        *v = mp_obj_float_get(o);
        return true;
    }
    return false;
}

// As MicroPython's float binary op for these operators.
static mp_obj_t mpcy_float_binop(mp_binary_op_t op, mp_obj_t a, mp_obj_t b) {
    mp_float_t x, y, r;
    if (!mpcy_float_operand(a, &x) || !mpcy_float_operand(b, &y)) {
        return MP_OBJ_NULL;
    }
    switch (op) {
        MPCY_ARITH_CASES(x, y, r)
        case MP_BINARY_OP_MULTIPLY:
            r = x * y;
            break;
        case MP_BINARY_OP_TRUE_DIVIDE:
            if (y == 0) {
                return MP_OBJ_NULL;
            }
            r = x / y;
            break;
            MPCY_COMPARE_CASES(x, y)
        default:
            return MP_OBJ_NULL;
    }
    return mpcy_float_new_maybe(r);
}
#endif

mp_obj_t mpcy_binary_op_fast(mp_binary_op_t op, mp_obj_t a, mp_obj_t b) {
    // ints and floats are immutable: an in-place operator is the plain one
    // (MicroPython lists both runs in the same order, py/runtime0.h)
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        op += MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR;
    }
    if (mp_obj_is_small_int(a) && mp_obj_is_small_int(b)) {
        return mpcy_small_int_binop(op, a, b);
    }
    if (mp_obj_is_bool(a) && mp_obj_is_bool(b) && op >= MP_BINARY_OP_OR && op <= MP_BINARY_OP_AND) {
        // bool's own &, |, ^ give a bool (MicroPython's give an int)
        bool x = a == mp_const_true, y = b == mp_const_true;
        return mp_obj_new_bool(op == MP_BINARY_OP_OR ? (x | y) : op == MP_BINARY_OP_XOR ? (x ^ y) : (x & y));
    }
    #if MICROPY_PY_BUILTINS_FLOAT
    if (mp_obj_is_float(a) || mp_obj_is_float(b)) {
        return mpcy_float_binop(op, a, b);
    }
    #endif
    return MP_OBJ_NULL;
}

// ---- numbers ------------------------------------------------------------------

// Whether a class between Python class t and its base `stop` defines `name`
// itself (the built-in part answers no reflected method).
static bool mpcy_defines_below(const mp_obj_type_t *t, const mp_obj_type_t *stop, qstr name) {
    if (t == stop || !mp_obj_is_instance_type(t)) {
        return false;
    }
    if (MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)
        && mp_map_lookup(&MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP) != NULL) {
        return true;
    }
    if (!MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
        return false;
    }
    const void *parent = MP_OBJ_TYPE_GET_SLOT(t, parent);
    if (((mp_obj_base_t *)parent)->type != &mp_type_tuple) {
        return mpcy_defines_below(parent, stop, name);
    }
    const mp_obj_tuple_t *bases = parent;
    for (size_t i = 0; i < bases->len; i++) {
        if (mpcy_defines_below(MP_OBJ_TO_PTR(bases->items[i]), stop, name)) {
            return true;
        }
    }
    return false;
}

// Whether CPython asks b's reflected method (`rop`) before a's own: when b's
// type is a subclass of a's that overrides it, and for `+=` and `*=` on a list
// or bytearray when b is a class of its own (CPython's list has no number
// slots, so b's __radd__ comes before the sequence's in-place concat).
// MicroPython asks a first and then only when a's type does not support b.
static bool mpcy_reflected_first(mp_binary_op_t op, const mp_obj_type_t *ta, const mp_obj_type_t *tb, mp_binary_op_t rop) {
    if (ta == tb || !MP_OBJ_TYPE_HAS_SLOT(tb, binary_op)) {
        return false;
    }
    bool user_b = mp_obj_is_instance_type(tb) || MPCY_IS_SPEC_TYPE(tb);
    if (op == MP_BINARY_OP_INPLACE_ADD || op == MP_BINARY_OP_INPLACE_MULTIPLY) {
        return user_b && (ta == &mp_type_list || ta == &mp_type_bytearray);
    }
    if (op < MP_BINARY_OP_OR || op > MP_BINARY_OP_POWER || !user_b
        || !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(tb), MP_OBJ_FROM_PTR(ta))) {
        return false;
    }
    qstr name = mp_binary_op_method_name[rop];
    if (mp_obj_is_instance_type(tb)) {
        return mpcy_defines_below(tb, ta, name);
    }
    // A cdef class: its slot's wrapper (descrobject.c) differs from a's.
    mp_obj_t da[2], db[2];
    mp_load_method_maybe(MP_OBJ_FROM_PTR(tb), name, db);
    if (db[0] == MP_OBJ_NULL) {
        return false;
    }
    mp_load_method_maybe(MP_OBJ_FROM_PTR(ta), name, da);
    return da[0] != db[0];
}

static bool mpcy_is_number_type(const mp_obj_type_t *t) {
    #if MICROPY_PY_BUILTINS_FLOAT
    if (t == &mp_type_float) {
        return true;
    }
    #endif
    return t == &mp_type_int || t == &mp_type_bool;
}

// The int or float part of an instance of a subclass of int or float, or NULL.
static mp_obj_t mpcy_number_part(mp_obj_t o) {
    PyObject *n = mpcy_native(MPCY_PY(o), &mp_type_int);
    #if MICROPY_PY_BUILTINS_FLOAT
    n = n != NULL ? n : mpcy_native(MPCY_PY(o), &mp_type_float);
    #endif
    return MPCY_OBJ(n);
}

// a op b after the fast path, with CPython's order of the two operands'
// methods. Raises.
static mp_obj_t mpcy_binary_op(mp_binary_op_t op, mp_obj_t a, mp_obj_t b) {
    const mp_obj_type_t *ta = mp_obj_get_type(a), *tb = mp_obj_get_type(b);
    if (ta == tb || !(mp_obj_is_instance_type(tb) || MPCY_IS_SPEC_TYPE(tb))) {
        return mp_binary_op(op, a, b); // what follows needs b of a class of its own
    }
    mp_binary_op_t plain = op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER
        ? op - MP_BINARY_OP_INPLACE_OR + MP_BINARY_OP_OR : op;
    mp_binary_op_t rop = plain + MP_BINARY_OP_REVERSE_OR - MP_BINARY_OP_OR;
    if (mpcy_reflected_first(op, ta, tb, rop)) {
        mp_obj_t r = MP_OBJ_TYPE_GET_SLOT(tb, binary_op)(rop, b, a);
        if (r != MP_OBJ_NULL && r != mp_const_notimplemented) {
            return r;
        }
    }
    // A built-in a with an instance of a Python subclass of its type that
    // leaves the operator to the built-in part (`1 + IntSub(2)`, `[1] +
    // ListSub()`): MicroPython's reflected try hands the built-in part the
    // reflected operator, which no built-in type implements. a's own operator
    // first (it may use b's methods, as '%r' % b does), then b's built-in part.
    if (plain >= MP_BINARY_OP_OR && plain <= MP_BINARY_OP_POWER && !mp_obj_is_instance_type(ta) && !MPCY_IS_SPEC_TYPE(ta)
        && mp_obj_is_instance_type(tb) && !mpcy_defines_below(tb, NULL, rop)) {
        mp_obj_t nb = MPCY_OBJ(mpcy_native(MPCY_PY(b), ta));
        if (nb == MP_OBJ_NULL && mpcy_is_number_type(ta)) {
            nb = mpcy_number_part(b); // the number types mix
        }
        if (nb != MP_OBJ_NULL && nb != b) {
            mp_binary_op_fun_t f = MP_OBJ_TYPE_GET_SLOT_OR_NULL(ta, binary_op);
            mp_obj_t r = f != NULL ? f(op, a, b) : MP_OBJ_NULL;
            return r != MP_OBJ_NULL ? r : mp_binary_op(op, a, nb);
        }
    }
    return mp_binary_op(op, a, b);
}

// Apart, so that the fast path's callers set up no nlr frame.
static MP_NOINLINE PyObject *mpcy_binop_slow(mp_binary_op_t op, PyObject *a, PyObject *b) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_binary_op(op, MPCY_OBJ(a), MPCY_OBJ(b)));
    return MPCY_PY(r);
}

static inline MP_ALWAYSINLINE PyObject *mpcy_binop(mp_binary_op_t op, PyObject *a, PyObject *b) {
    mp_obj_t r = mpcy_binary_op_fast(op, MPCY_OBJ(a), MPCY_OBJ(b));
    return r != MP_OBJ_NULL ? MPCY_PY(r) : mpcy_binop_slow(op, a, b);
}
#define MPCY_BINOP(name, op) \
    PyObject *name(PyObject * a, PyObject * b) { \
        return mpcy_binop(op, a, b); \
    }
MPCY_BINOP(PyNumber_Add, MP_BINARY_OP_ADD)
MPCY_BINOP(PyNumber_Subtract, MP_BINARY_OP_SUBTRACT)
MPCY_BINOP(PyNumber_MatrixMultiply, MP_BINARY_OP_MAT_MULTIPLY)
MPCY_BINOP(PyNumber_FloorDivide, MP_BINARY_OP_FLOOR_DIVIDE)
MPCY_BINOP(PyNumber_TrueDivide, MP_BINARY_OP_TRUE_DIVIDE)
MPCY_BINOP(PyNumber_Remainder, MP_BINARY_OP_MODULO)
MPCY_BINOP(PyNumber_Lshift, MP_BINARY_OP_LSHIFT)
MPCY_BINOP(PyNumber_Rshift, MP_BINARY_OP_RSHIFT)
MPCY_BINOP(PyNumber_And, MP_BINARY_OP_AND)
MPCY_BINOP(PyNumber_Or, MP_BINARY_OP_OR)
MPCY_BINOP(PyNumber_Xor, MP_BINARY_OP_XOR)
MPCY_BINOP(PyNumber_InPlaceAdd, MP_BINARY_OP_INPLACE_ADD)
MPCY_BINOP(PyNumber_InPlaceSubtract, MP_BINARY_OP_INPLACE_SUBTRACT)
MPCY_BINOP(PyNumber_InPlaceMatrixMultiply, MP_BINARY_OP_INPLACE_MAT_MULTIPLY)
MPCY_BINOP(PyNumber_InPlaceFloorDivide, MP_BINARY_OP_INPLACE_FLOOR_DIVIDE)
MPCY_BINOP(PyNumber_InPlaceTrueDivide, MP_BINARY_OP_INPLACE_TRUE_DIVIDE)
MPCY_BINOP(PyNumber_InPlaceRemainder, MP_BINARY_OP_INPLACE_MODULO)
MPCY_BINOP(PyNumber_InPlaceLshift, MP_BINARY_OP_INPLACE_LSHIFT)
MPCY_BINOP(PyNumber_InPlaceRshift, MP_BINARY_OP_INPLACE_RSHIFT)
MPCY_BINOP(PyNumber_InPlaceAnd, MP_BINARY_OP_INPLACE_AND)
MPCY_BINOP(PyNumber_InPlaceOr, MP_BINARY_OP_INPLACE_OR)
MPCY_BINOP(PyNumber_InPlaceXor, MP_BINARY_OP_INPLACE_XOR)

// divmod(a, b): MicroPython reflects no divmod, so when a's type has none
// for b, b's own: a cdef class's nb_divmod (called as (a, b), as CPython's
// slots are) or a Python class's __rdivmod__.
MPCY_CLOBBER_CHECKED
PyObject *PyNumber_Divmod(PyObject * a, PyObject * b) {
    mp_obj_t x = MPCY_OBJ(a), y = MPCY_OBJ(b), r = mpcy_binary_op_fast(MP_BINARY_OP_DIVMOD, x, y);
    if (r != MP_OBJ_NULL) {
        return MPCY_PY(r);
    }
    const mp_obj_type_t *ta = mp_obj_get_type(x), *tb = mp_obj_get_type(y);
    if (tb == ta) { // (also two small ints, which int's slot does not take)
        return mpcy_binop(MP_BINARY_OP_DIVMOD, a, b);
    }
    mp_binary_op_fun_t fa = MP_OBJ_TYPE_GET_SLOT_OR_NULL(ta, binary_op);
    if (fa != NULL) {
        MPCY_TRY(NULL, r = fa(MP_BINARY_OP_DIVMOD, x, y));
        if (r != MP_OBJ_NULL) {
            return MPCY_PY(r);
        }
    }
    binaryfunc fb = (binaryfunc)mpcy_type_slot(tb, Py_nb_divmod);
    if (fb != NULL) {
        PyObject *res = MPCY_NO_RAISE(fb(a, b)); // a C slot: it returns its errors
        if (res != Py_NotImplemented) {
            return res;
        }
    } else {
        mp_obj_t dest[3];
        MPCY_TRY(NULL, {
            mp_load_method_maybe(y, MP_QSTR___rdivmod__, dest);
            if (dest[0] != MP_OBJ_NULL) {
                dest[2] = x;
                r = mp_call_method_n_kw(1, 0, dest);
            }
        });
        if (r != MP_OBJ_NULL && r != mp_const_notimplemented) {
            return MPCY_PY(r);
        }
    }
    return mpcy_binop(MP_BINARY_OP_DIVMOD, a, b); // MicroPython's TypeError
}
MPCY_CLOBBER_CHECKED_END

// a * b, with what MicroPython lacks: repetition of a bytearray (bytes(a) * n
// as a bytearray), and CPython's in-place repetition of a list or bytearray
// (MicroPython's list *= n makes a new list).
static mp_obj_t mpcy_multiply(mp_obj_t a, mp_obj_t b, bool inplace) {
    bool ba = mp_obj_is_type(a, &mp_type_bytearray), bb = mp_obj_is_type(b, &mp_type_bytearray);
    mp_obj_t r;
    if ((ba && mp_obj_is_int(b)) || (bb && mp_obj_is_int(a))) {
        mp_obj_t bytes = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytes), ba ? a : b);
        r = mp_binary_op(MP_BINARY_OP_MULTIPLY, bytes, ba ? b : a);
        r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytearray), r);
    } else {
        r = mpcy_binary_op(inplace ? MP_BINARY_OP_INPLACE_MULTIPLY : MP_BINARY_OP_MULTIPLY, a, b);
    }
    if (inplace && r != a && (ba || (mp_obj_is_type(a, &mp_type_list) && mp_obj_is_type(r, &mp_type_list)))) {
        // a[:] = a * n
        mpcy_subscr(a, mp_obj_new_slice(mp_const_none, mp_const_none, mp_const_none), r);
        r = a;
    }
    return r;
}

MPCY_CLOBBER_CHECKED
PyObject *PyNumber_Multiply(PyObject *a, PyObject *b) {
    mp_obj_t r = mpcy_binary_op_fast(MP_BINARY_OP_MULTIPLY, MPCY_OBJ(a), MPCY_OBJ(b));
    if (r == MP_OBJ_NULL) {
        MPCY_TRY(NULL, r = mpcy_multiply(MPCY_OBJ(a), MPCY_OBJ(b), false));
    }
    return MPCY_PY(r);
}

PyObject *PyNumber_InPlaceMultiply(PyObject *a, PyObject *b) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_multiply(MPCY_OBJ(a), MPCY_OBJ(b), true));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

// pow(a, b, mod): MicroPython's builtin takes only ints, so a spec type's
// nb_power (left operand first, then the right one, as CPython) gets the modulus.
static PyObject *mpcy_power3(PyObject *a, PyObject *b, PyObject *c, int slot) {
    ternaryfunc fa = (ternaryfunc)mpcy_type_slot(mp_obj_get_type(MPCY_OBJ(a)), slot);
    ternaryfunc fb = (ternaryfunc)mpcy_type_slot(mp_obj_get_type(MPCY_OBJ(b)), Py_nb_power);
    // C slots: they return their errors.
    if (fa != NULL) {
        PyObject *r = MPCY_NO_RAISE(fa(a, b, c));
        if (r != Py_NotImplemented) {
            return r;
        }
    }
    if (fb != NULL && (void *)fb != (void *)fa) {
        PyObject *r = MPCY_NO_RAISE(fb(a, b, c));
        if (r != Py_NotImplemented) {
            return r;
        }
    }
    return Py_NotImplemented;
}

static PyObject *mpcy_power(PyObject *a, PyObject *b, PyObject *c, mp_binary_op_t op) {
    mp_obj_t r = MP_OBJ_NULL;
    if (c != NULL && c != Py_None) {
        PyObject *res = mpcy_power3(a, b, c, op == MP_BINARY_OP_POWER ? Py_nb_power : Py_nb_inplace_power);
        if (res == Py_NotImplemented && op == MP_BINARY_OP_INPLACE_POWER) {
            res = mpcy_power3(a, b, c, Py_nb_power);
        }
        if (res != Py_NotImplemented) {
            return res;
        }
    }
    MPCY_TRY(NULL, {
        if (c == NULL || c == Py_None) {
            r = mpcy_binary_op(op, MPCY_OBJ(a), MPCY_OBJ(b));
        } else {
            // (before MicroPython's pow: 1.25's mpz divides by a zero modulus)
            if (MPCY_OBJ(c) == MP_OBJ_NEW_SMALL_INT(0) && mp_obj_is_int(MPCY_OBJ(a)) && mp_obj_is_int(MPCY_OBJ(b))) {
                mp_raise_ValueError(MP_ERROR_TEXT("pow() 3rd argument cannot be 0"));
            }
            mp_obj_t args[3] = { MPCY_OBJ(a), MPCY_OBJ(b), MPCY_OBJ(c) };
            r = mp_call_function_n_kw(mp_load_global(MP_QSTR_pow), 3, 0, args);
        }
    });
    return MPCY_PY(r);
}

PyObject *PyNumber_Power(PyObject *a, PyObject *b, PyObject *c) {
    return mpcy_power(a, b, c, MP_BINARY_OP_POWER);
}

PyObject *PyNumber_InPlacePower(PyObject *a, PyObject *b, PyObject *c) {
    return mpcy_power(a, b, c, MP_BINARY_OP_INPLACE_POWER);
}

static PyObject *mpcy_unop(mp_unary_op_t op, PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_unary_op(op, MPCY_OBJ(o)));
    return MPCY_PY(r);
}
#define MPCY_UNOP(name, op) \
    PyObject *name(PyObject * o) { \
        return mpcy_unop(op, o); \
    }
MPCY_UNOP(PyNumber_Negative, MP_UNARY_OP_NEGATIVE)
MPCY_UNOP(PyNumber_Positive, MP_UNARY_OP_POSITIVE)
MPCY_UNOP(PyNumber_Invert, MP_UNARY_OP_INVERT)
MPCY_UNOP(PyNumber_Absolute, MP_UNARY_OP_ABS)

int PyNumber_Check(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    return PyLong_Check(o) || PyFloat_Check(o) || PyComplex_Check(o)
           || mpcy_type_slot(mp_obj_get_type(x), Py_nb_index) || mpcy_type_slot(mp_obj_get_type(x), Py_nb_int)
           || mpcy_type_slot(mp_obj_get_type(x), Py_nb_float);
}

int PyIndex_Check(PyObject *o) {
    const mp_obj_type_t *t = mp_obj_get_type(MPCY_OBJ(o));
    return PyLong_Check(o) || mpcy_type_slot(t, Py_nb_index) != NULL
           || (mp_obj_is_instance_type(t) && mpcy_class_has(t, MP_QSTR___index__));
}

// An exact int: ints as they are, bools as 0/1, else __index__ (the nb_index
// slot of a spec type, or a Python class's method).
MPCY_CLOBBER_CHECKED
PyObject *PyNumber_Index(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    if (mp_obj_is_int(x)) {
        return o;
    }
    if (mp_obj_is_bool(x)) {
        return MPCY_PY(MP_OBJ_NEW_SMALL_INT(x == mp_const_true));
    }
    // An instance of a Python subclass of int: its int part.
    PyObject *base = mpcy_native(o, &mp_type_int);
    if (base != NULL) {
        return base;
    }
    const mp_obj_type_t *t = mp_obj_get_type(x);
    unaryfunc f = (unaryfunc)mpcy_type_slot(t, Py_nb_index);
    mp_obj_t r = MP_OBJ_NULL;
    bool found = f != NULL;
    if (found) {
        PyObject *i = MPCY_NO_RAISE(f(o)); // a C slot: it returns its errors
        r = MPCY_OBJ(i);
        if (r == MP_OBJ_NULL) {
            return NULL;
        }
    } else if (!mp_obj_is_float(x) && !mp_obj_is_str_or_bytes(x)) {
        MPCY_TRY(NULL, {
            mp_obj_t dest[2];
            mp_load_method_maybe(x, MP_QSTR___index__, dest);
            if (dest[0] != MP_OBJ_NULL) {
                found = true;
                r = mp_call_method_n_kw(0, 0, dest);
            }
        });
    }
    if (!found) {
        PyErr_Format(PyExc_TypeError, "'%s' object cannot be interpreted as an integer", mpcy_type_name(t));
        return NULL;
    }
    if (mp_obj_is_bool(r)) {
        return MPCY_PY(MP_OBJ_NEW_SMALL_INT(r == mp_const_true));
    }
    if (!mp_obj_is_int(r)) {
        PyErr_Format(PyExc_TypeError, "__index__ returned non-int (type %s)", mpcy_type_name(mp_obj_get_type(r)));
        return NULL;
    }
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
PyObject *PyNumber_Long(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t text = mpcy_text(o);
    if (text != MP_OBJ_NULL) {
        // int(text): Unicode digits and white space too, CPython's message
        // for a malformed literal.
        MPCY_TRY(NULL, {
            vstr_t v;
            vstr_init(&v, 16);
            mpcy_number_ascii(text, &v);
            r = mpcy_long_from_text(v.buf, v.len, 10, text);
            vstr_clear(&v);
        });
        return MPCY_PY(r);
    }
    const mp_obj_type_t *t = mp_obj_get_type(x);
    bool own = mp_obj_is_instance_type(t) && mpcy_class_has(t, MP_QSTR___int__); // before a float base
    PyObject *f = own ? NULL : mpcy_native(o, &mp_type_float); // of a subclass too: MicroPython's int() refuses it
    if (f != NULL) {
        return PyLong_FromDouble(mp_obj_float_get(MPCY_OBJ(f))); // CPython's messages for nan, inf
    }
    mp_obj_t exc;
    MPCY_CATCH(exc, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_int), x));
    if (exc == MP_OBJ_NULL) {
        return MPCY_PY(r);
    }
    // MicroPython's int() knows __int__ only; CPython's also takes __index__,
    // and names what it accepts when neither exists.
    if (mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_TypeError)) && !mp_obj_is_float(x)) {
        mp_obj_t dest[2] = {MP_OBJ_NULL, MP_OBJ_NULL};
        if (PyIndex_Check(o)) {
            return PyNumber_Index(o);
        }
        MPCY_TRY(NULL, mp_load_method_maybe(x, MP_QSTR___int__, dest));
        if (dest[0] == MP_OBJ_NULL && mpcy_type_slot(mp_obj_get_type(x), Py_nb_int) == NULL) {
            PyErr_Format(PyExc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                mpcy_type_name(mp_obj_get_type(x)));
            return NULL;
        }
    }
    PyErr_SetRaisedException(MPCY_PY(exc));
    return NULL;
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyNumber_Float(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t text = mpcy_text(o);
    PyObject *number = NULL;
    const mp_obj_type_t *t = mp_obj_get_type(x);
    if (text != MP_OBJ_NULL) {
        MPCY_TRY(NULL, r = mpcy_float_from_text(text));
    } else if (mp_obj_is_instance_type(t) && mpcy_class_has(t, MP_QSTR___float__)) {
        // a Python class's own __float__, also over a float or int base's
        MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_float), x));
    } else if ((number = mpcy_native(o, &mp_type_float)) != NULL || (number = mpcy_native(o, &mp_type_int)) != NULL) {
        // An instance of a subclass of float or int: its number (MicroPython's
        // float() refuses it).
        return PyFloat_FromDouble(PyFloat_AsDouble(number));
    } else {
        MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_float), x));
    }
    return MPCY_PY(r);
}

Py_ssize_t PyNumber_AsSsize_t(PyObject *o, PyObject *exc) {
    PyObject *i = PyNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    Py_ssize_t r = PyLong_AsSsize_t(i);
    if (r == -1 && PyErr_Occurred()) {
        if (exc == NULL && PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            return _PyLong_Sign(i) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
        }
        if (exc != NULL && PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_Format(exc, "cannot fit '%s' into an index-sized integer", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        }
    }
    return r;
}

// ---- sequences, mappings, items -------------------------------------------------
PyObject *PyObject_GetItem(PyObject *o, PyObject *key) {
    mp_obj_t r = MP_OBJ_NULL;
    if (mp_obj_is_small_int(MPCY_OBJ(key))) {
        r = mpcy_seq_item_fast(MPCY_OBJ(o), MP_OBJ_SMALL_INT_VALUE(MPCY_OBJ(key)));
        if (r != MP_OBJ_NULL) {
            return MPCY_PY(r);
        }
    }
    MPCY_TRY(NULL, r = mpcy_subscr(MPCY_OBJ(o), MPCY_OBJ(key), MP_OBJ_SENTINEL));
    return MPCY_PY(r);
}

static int mpcy_list_store_check(PyObject *o, Py_ssize_t i);

int PyObject_SetItem(PyObject *o, PyObject *key, PyObject *v) {
    if (mp_obj_is_small_int(MPCY_OBJ(key)) && mpcy_list_store_fast(MPCY_OBJ(o), MP_OBJ_SMALL_INT_VALUE(MPCY_OBJ(key)), MPCY_OBJ(v))) {
        return 0;
    }
    if (mp_obj_is_small_int(MPCY_OBJ(key)) && mpcy_list_store_check(o, MP_OBJ_SMALL_INT_VALUE(MPCY_OBJ(key))) < 0) {
        return -1;
    }
    MPCY_TRY(-1, mpcy_subscr(MPCY_OBJ(o), MPCY_OBJ(key), MPCY_OBJ(v)));
    return 0;
}

int PyObject_DelItem(PyObject *o, PyObject *key) {
    if (mp_obj_is_small_int(MPCY_OBJ(key)) && mpcy_list_store_check(o, MP_OBJ_SMALL_INT_VALUE(MPCY_OBJ(key))) < 0) {
        return -1;
    }
    MPCY_TRY(-1, mpcy_subscr(MPCY_OBJ(o), MPCY_OBJ(key), MP_OBJ_NULL));
    return 0;
}

int PyObject_DelItemString(PyObject *o, const char *key) {
    MPCY_TRY(-1, mp_obj_subscr(MPCY_OBJ(o), mp_obj_new_str(key, strlen(key)), MP_OBJ_NULL));
    return 0;
}

// Whether `o` is a view of a dict (its type is private to py/objdict.c).
static bool mpcy_is_dict_view(mp_obj_t o) {
    static const mp_obj_type_t *view_type;
    if (view_type == NULL) {
        mp_obj_t dest[2];
        mp_load_method(MP_OBJ_FROM_PTR(&mp_const_empty_dict_obj), MP_QSTR_keys, dest);
        view_type = mp_obj_get_type(mp_call_method_n_kw(0, 0, dest));
    }
    return mp_obj_get_type(o) == view_type;
}

Py_ssize_t PyObject_Size(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, {
        mp_obj_t x = MPCY_OBJ(o);
        r = mp_obj_len_maybe(x);
        if (r == MP_OBJ_NULL) {
            // len(d.keys()), which MicroPython's views lack; else its TypeError
            r = mp_obj_len(mpcy_is_dict_view(x) ? ((mpcy_dict_view_t *)MP_OBJ_TO_PTR(x))->dict : x);
        }
    });
    return MP_OBJ_SMALL_INT_VALUE(r);
}

MPCY_CLOBBER_CHECKED
Py_ssize_t PyObject_LengthHint(PyObject *o, Py_ssize_t dflt) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, r = mp_obj_len_maybe(MPCY_OBJ(o)));
    return r == MP_OBJ_NULL ? dflt : MP_OBJ_SMALL_INT_VALUE(r);
}
MPCY_CLOBBER_CHECKED_END

int PySequence_Check(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    if (PyDict_Check(o)) {
        return 0;
    }
    return MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(x), subscr) && !mp_obj_is_type(x, &mp_type_dict);
}

Py_ssize_t PySequence_Size(PyObject *o) {
    return PyObject_Size(o);
}

Py_ssize_t PyMapping_Size(PyObject *o) {
    return PyObject_Size(o);
}

// CPython's errors for an item access by index on a non-sequence: a dict
// would look the index up as a key, an int has no items. `what` completes
// "'int' object ..." for the second case.
static int mpcy_seq_item_check(PyObject *o, const char *what) {
    if (PyDict_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s is not a sequence", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        return -1;
    }
    if (!PySequence_Check(o)) {
        PyErr_Format(PyExc_TypeError, "'%s' object %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))), what);
        return -1;
    }
    return 0;
}

// A store or delete at index i of a list: CPython's message when out of range
// (MicroPython's says "list index out of range").
static int mpcy_list_store_check(PyObject *o, Py_ssize_t i) {
    if (PyList_CheckExact(o)) {
        Py_ssize_t n = PyList_GET_SIZE(o);
        if (i < -n || i >= n) {
            PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
            return -1;
        }
    }
    return 0;
}

PyObject *PySequence_GetItem(PyObject *o, Py_ssize_t i) {
    mp_obj_t item = mpcy_seq_item_fast(MPCY_OBJ(o), i);
    if (item != MP_OBJ_NULL) {
        return MPCY_PY(item);
    }
    if (mpcy_seq_item_check(o, "does not support indexing") < 0) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_subscr(MPCY_OBJ(o), mp_obj_new_int(i), MP_OBJ_SENTINEL));
    return MPCY_PY(r);
}

int PySequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v) {
    if (mpcy_list_store_fast(MPCY_OBJ(o), i, MPCY_OBJ(v))) {
        return 0;
    }
    if (mpcy_seq_item_check(o, "does not support item assignment") < 0 || mpcy_list_store_check(o, i) < 0) {
        return -1;
    }
    MPCY_TRY(-1, mp_obj_subscr(MPCY_OBJ(o), mp_obj_new_int(i), MPCY_OBJ(v)));
    return 0;
}

int PySequence_DelItem(PyObject *o, Py_ssize_t i) {
    if (mpcy_seq_item_check(o, "doesn't support item deletion") < 0 || mpcy_list_store_check(o, i) < 0) {
        return -1;
    }
    MPCY_TRY(-1, mp_obj_subscr(MPCY_OBJ(o), mp_obj_new_int(i), MP_OBJ_NULL));
    return 0;
}

static mp_obj_t mpcy_slice(Py_ssize_t lo, Py_ssize_t hi) {
    return mp_obj_new_slice(MP_OBJ_NEW_SMALL_INT(lo), hi >= MP_SMALL_INT_MAX ? mp_const_none : MP_OBJ_NEW_SMALL_INT(hi), mp_const_none);
}

MPCY_CLOBBER_CHECKED
PyObject *PySequence_GetSlice(PyObject *o, Py_ssize_t lo, Py_ssize_t hi) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t x = MPCY_OBJ(o);
    bool is_list = mp_obj_is_exact_type(x, &mp_type_list);
    if (is_list || mp_obj_is_exact_type(x, &mp_type_tuple)) {
        // o[lo:hi] of a list or tuple: copied directly, without a slice object.
        size_t len;
        mp_obj_t *items;
        if (is_list) {
            mp_obj_list_get(x, &len, &items);
        } else {
            mp_obj_tuple_get(x, &len, &items);
        }
        Py_ssize_t n = len;
        lo = lo < 0 ? (lo + n < 0 ? 0 : lo + n) : (lo > n ? n : lo);
        hi = hi < 0 ? (hi + n < 0 ? 0 : hi + n) : (hi > n ? n : hi);
        if (hi < lo) {
            hi = lo;
        }
        MPCY_TRY(NULL, r = is_list ? mp_obj_new_list(hi - lo, items + lo) : mp_obj_new_tuple(hi - lo, items + lo));
        mpcy_live_until(o);
        return MPCY_PY(r);
    }
    MPCY_TRY(NULL, r = mp_obj_subscr(MPCY_OBJ(o), mpcy_slice(lo, hi), MP_OBJ_SENTINEL));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

int PySequence_SetSlice(PyObject *o, Py_ssize_t lo, Py_ssize_t hi, PyObject *v) {
    MPCY_TRY(-1, mpcy_subscr(MPCY_OBJ(o), mpcy_slice(lo, hi), v ? MPCY_OBJ(v) : MP_OBJ_NULL));
    return 0;
}

int PySequence_DelSlice(PyObject *o, Py_ssize_t lo, Py_ssize_t hi) {
    return PySequence_SetSlice(o, lo, hi, NULL);
}

int PySequence_Contains(PyObject *o, PyObject *v) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, r = mp_binary_op(MP_BINARY_OP_IN, MPCY_OBJ(v), MPCY_OBJ(o)));
    return r == mp_const_true;
}

// CPython's _PySequence_IterSearch: iterate (any iterable) and compare.
// Counts the matches, or answers the index of the first one (-1: none).
MPCY_CLOBBER_CHECKED
static Py_ssize_t mpcy_iter_search(PyObject *o, PyObject *v, bool count) {
    Py_ssize_t i = 0, n = 0;
    MPCY_TRY(-1, {
        mp_obj_t it = mpcy_getiter(MPCY_OBJ(o));
        mp_obj_t x;
        while ((x = mpcy_iternext(it)) != MP_OBJ_STOP_ITERATION) {
            if (x == MPCY_OBJ(v) || mp_obj_equal(x, MPCY_OBJ(v))) {
                if (!count) {
                    n = 1;
                    break;
                }
                n++;
            }
            i++;
        }
    });
    return count ? n : n ? i : -1;
}
MPCY_CLOBBER_CHECKED_END

Py_ssize_t PySequence_Index(PyObject *o, PyObject *v) {
    Py_ssize_t i = mpcy_iter_search(o, v, false);
    if (i == -1 && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
    }
    return i;
}

Py_ssize_t PySequence_Count(PyObject *o, PyObject *v) {
    return mpcy_iter_search(o, v, true);
}

MPCY_CLOBBER_CHECKED
PyObject *PySequence_Tuple(PyObject *o) {
    if (PyTuple_CheckExact(o)) {
        return o;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_tuple), MPCY_OBJ(o)));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

PyObject *PySequence_List(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_list), MPCY_OBJ(o)));
    return MPCY_PY(r);
}

PyObject *PySequence_Fast(PyObject *o, const char *msg) {
    if (PyList_CheckExact(o) || PyTuple_CheckExact(o)) {
        return o;
    }
    PyObject *r = PySequence_List(o);
    if (r == NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_SetString(PyExc_TypeError, msg);
    }
    return r;
}

// Concatenation and repetition are for sequences only (1 + 2 is no
// concatenation); lists repeat in place as in CPython.
static int mpcy_seq_op_check(PyObject *o, const char *what) {
    if (!PySequence_Check(o)) {
        PyErr_Format(PyExc_TypeError, "'%s' object can't be %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))), what);
        return -1;
    }
    return 0;
}

PyObject *PySequence_Concat(PyObject *a, PyObject *b) {
    return mpcy_seq_op_check(a, "concatenated") < 0 ? NULL : PyNumber_Add(a, b);
}

PyObject *PySequence_InPlaceConcat(PyObject *a, PyObject *b) {
    return mpcy_seq_op_check(a, "concatenated") < 0 ? NULL : PyNumber_InPlaceAdd(a, b);
}

PyObject *PySequence_Repeat(PyObject *o, Py_ssize_t n) {
    if (mpcy_seq_op_check(o, "repeated") < 0) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_multiply(MPCY_OBJ(o), mp_obj_new_int(n), false));
    return MPCY_PY(r);
}

PyObject *PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t n) {
    if (mpcy_seq_op_check(o, "repeated") < 0) {
        return NULL;
    }
    return PyNumber_InPlaceMultiply(o, MPCY_PY(MP_OBJ_NEW_SMALL_INT(n)));
}

int PyMapping_Check(PyObject *o) {
    return MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(MPCY_OBJ(o)), subscr);
}

static PyObject *mpcy_call_method0(PyObject *o, qstr name) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t dest[2];
        mp_load_method(MPCY_OBJ(o), name, dest);
        r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_list), mp_call_method_n_kw(0, 0, dest));
    });
    return MPCY_PY(r);
}

PyObject *PyMapping_Keys(PyObject *o) {
    return mpcy_call_method0(o, MP_QSTR_keys);
}

PyObject *PyMapping_Values(PyObject *o) {
    return mpcy_call_method0(o, MP_QSTR_values);
}

PyObject *PyMapping_Items(PyObject *o) {
    return mpcy_call_method0(o, MP_QSTR_items);
}

PyObject *PyMapping_GetItemString(PyObject *o, const char *key) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_subscr(MPCY_OBJ(o), mp_obj_new_str(key, strlen(key)), MP_OBJ_SENTINEL));
    return MPCY_PY(r);
}

int PyMapping_SetItemString(PyObject *o, const char *key, PyObject *v) {
    MPCY_TRY(-1, mp_obj_subscr(MPCY_OBJ(o), mp_obj_new_str(key, strlen(key)), MPCY_OBJ(v)));
    return 0;
}

// o[key] succeeds (not: key in o); errors are swallowed.
int PyMapping_HasKey(PyObject *o, PyObject *key) {
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *r = PyObject_GetItem(o, key);
    PyErr_SetRaisedException(saved);
    return r != NULL;
}

int PyMapping_HasKeyString(PyObject *o, const char *key) {
    PyObject *r = PyMapping_GetItemString(o, key);
    if (r == NULL) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

// ---- iterators -------------------------------------------------------------------
PyObject *PyObject_GetIter(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_getiter(MPCY_OBJ(o)));
    return MPCY_PY(r);
}

int PyIter_Check(PyObject *o) {
    // as CPython: the type has tp_iternext (a Python class: __next__)
    return PyType_GetSlot((PyTypeObject *)mp_obj_get_type(MPCY_OBJ(o)), Py_tp_iternext) != NULL;
}

// NULL with no error set at the end, as CPython.
PyObject *PyIter_Next(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_iternext(MPCY_OBJ(o)));
    return r == MP_OBJ_STOP_ITERATION ? NULL : MPCY_PY(r);
}

int PyIter_NextItem(PyObject *o, PyObject **item) {
    *item = PyIter_Next(o);
    return *item != NULL ? 1 : (PyErr_Occurred() ? -1 : 0);
}

// mp_resume(ITER, ARG): a Python class's own __next__ (asyncio's awaitables)
// called after one lookup, where mp_resume looks in the instance first.
static inline mp_vm_return_kind_t mpcy_resume(mp_obj_t iter, mp_obj_t arg, mp_obj_t *r) {
    mp_obj_t dest[2];
    if (arg == mp_const_none && mpcy_own_next(iter, dest)) {
        *r = mp_call_method_n_kw(0, 0, dest);
        return MP_VM_RETURN_YIELD;
    }
    return mp_resume(iter, arg, MP_OBJ_NULL, r);
}

// Resumes ITER as MicroPython's yield from does; an iterator's or send()
// method's StopIteration(value) is a return, as CPython.
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception only
PySendResult PyIter_Send(PyObject *iter, PyObject *arg, PyObject **presult) {
    mp_obj_t r = MP_OBJ_NULL, exc;
    mp_vm_return_kind_t k = MP_VM_RETURN_NORMAL;
    MPCY_CATCH(exc, k = mpcy_resume(MPCY_OBJ(iter), MPCY_OBJ(arg), &r));
    if (exc != MP_OBJ_NULL) {
        k = MP_VM_RETURN_EXCEPTION;
        r = exc;
    }
    *presult = MPCY_PY(r);
    if (k == MP_VM_RETURN_YIELD) {
        return PYGEN_NEXT;
    }
    if (k == MP_VM_RETURN_EXCEPTION) {
        *presult = NULL;
        const mp_obj_type_t *t = ((mp_obj_base_t *)MP_OBJ_TO_PTR(r))->type; // an exception
        if (t == &mp_type_StopIteration || mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
            *presult = MPCY_PY(mp_obj_exception_get_value(r));
            return PYGEN_RETURN;
        }
        PyErr_SetRaisedException(MPCY_PY(r));
        return PYGEN_ERROR;
    }
    return PYGEN_RETURN;
}
MPCY_CLOBBER_CHECKED_END

// ---- buffers ----------------------------------------------------------------------
// MicroPython gives str a buffer (its UTF-8 bytes); CPython does not.
static bool mpcy_has_buffer(mp_obj_t o) {
    const mp_obj_type_t *t = mp_obj_get_type(o);
    return MP_OBJ_TYPE_HAS_SLOT(t, buffer) && !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(&mp_type_str));
}

int PyObject_CheckBuffer(PyObject *o) {
    return mpcy_has_buffer(MPCY_OBJ(o));
}

// A MicroPython buffer's typecode as a struct format (array('i') is "i").
static char *mpcy_buffer_format(char typecode) {
    static const char codes[] = "b\0B\0h\0H\0i\0I\0l\0L\0q\0Q\0f\0d\0";
    for (const char *c = codes; *c; c += 2) {
        if (*c == typecode) {
            return (char *)c;
        }
    }
    return (char *)"B";
}

int PyObject_GetBuffer(PyObject *o, Py_buffer *view, int flags) {
    getbufferproc f = (getbufferproc)mpcy_type_slot(mp_obj_get_type(MPCY_OBJ(o)), Py_bf_getbuffer);
    if (f != NULL) {
        return MPCY_NO_RAISE(f(o, view, flags)); // a C slot: it returns its errors
    }
    mp_buffer_info_t info;
    if (!mpcy_has_buffer(MPCY_OBJ(o)) || !mp_get_buffer(MPCY_OBJ(o), &info, MP_BUFFER_READ)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%s'", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        return -1;
    }
    // Asked apart: a read-only memoryview refusing MP_BUFFER_WRITE leaves its
    // buffer without the view's offset (py/objarray.c).
    mp_buffer_info_t w;
    bool writable = mp_get_buffer(MPCY_OBJ(o), &w, MP_BUFFER_WRITE);
    if (PyBuffer_FillInfo(view, o, info.buf, info.len, !writable, flags) < 0) {
        return -1;
    }
    // bytes and bytearray are "B"; MicroPython's array and memoryview carry
    // their item type.
    size_t itemsize = 1;
    MPCY_TRY(-1, itemsize = mp_binary_get_size('@', info.typecode, NULL));
    if (itemsize > 1 || info.typecode != 'B') {
        view->itemsize = itemsize;
        view->mpcy_shape_strides[0] = info.len / itemsize;
        view->mpcy_shape_strides[1] = itemsize;
        if (flags & PyBUF_FORMAT) {
            view->format = mpcy_buffer_format(info.typecode);
        }
    }
    return 0;
}

// CPython's: a 1-D contiguous view of bytes; shape and strides point into the
// view itself (CPython uses len and itemsize), so they live as long as it does.
int PyBuffer_FillInfo(Py_buffer *view, PyObject *o, void *buf, Py_ssize_t len, int readonly, int flags) {
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    memset(view, 0, sizeof(*view));
    view->obj = o;
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->ndim = 1;
    view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? (char *)"B" : NULL;
    view->mpcy_shape_strides[0] = len;
    view->mpcy_shape_strides[1] = 1;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &view->mpcy_shape_strides[0] : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->mpcy_shape_strides[1] : NULL;
    return 0;
}

void PyBuffer_Release(Py_buffer *view) {
    if (view->obj != NULL) {
        releasebufferproc rel = (releasebufferproc)mpcy_type_slot(mp_obj_get_type(MPCY_OBJ(view->obj)), Py_bf_releasebuffer);
        if (rel != NULL) {
            MPCY_NO_RAISE(rel(view->obj, view)); // a C slot
        }
    }
    view->obj = NULL;
}

int PyBuffer_IsContiguous(const Py_buffer *view, char fort) {
    (void)fort;
    // The layer's views are one-dimensional (or scalars).
    return view->strides == NULL || view->ndim == 0 || view->strides[0] == view->itemsize;
}
