// range (rangeobject.h) with bounds beyond a machine word, as CPython's:
// MicroPython's range keeps its start, stop and step in mp_int_t and raises
// OverflowError for a larger int, where CPython's range takes any int
// (Cython's `for n in range(2**64, 2**65, k)` over Python objects calls the
// built-in). A call of `range` from C code whose arguments do not fit a
// machine word makes this range instead; its type derives from MicroPython's
// range, so isinstance(r, range) holds, and it does what that one does:
// iterate, len, bool, index, slice, `in`, ==, start/stop/step, repr.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t start, stop, step, len; // ints
} mpcy_range_t;

typedef struct {
    mp_obj_base_t base;
    mp_obj_t cur, stop, step;
    bool up; // step > 0
} mpcy_range_it_t;

static mp_obj_t mpcy_range_new(mp_obj_t start, mp_obj_t stop, mp_obj_t step);
extern const mp_obj_type_t mpcy_type_range;

static bool mpcy_int_less(mp_obj_t a, mp_obj_t b) {
    return mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, a, b));
}

static bool mpcy_int_is_zero(mp_obj_t a) {
    return mp_obj_is_small_int(a) && MP_OBJ_SMALL_INT_VALUE(a) == 0;
}

static mp_obj_t mpcy_int_add(mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(MP_BINARY_OP_ADD, a, b);
}

static mp_obj_t mpcy_int_mul(mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(MP_BINARY_OP_MULTIPLY, a, b);
}

// Does int x fit MicroPython's range (a machine word)?
static bool mpcy_int_fits_word(mp_obj_t x) {
    if (mp_obj_is_small_int(x)) {
        return true;
    }
    mp_int_t max = (mp_int_t)(((mp_uint_t)-1) >> 1);
    return !mpcy_int_less(x, mp_obj_new_int(-max - 1)) && !mpcy_int_less(mp_obj_new_int(max), x);
}

static mp_obj_t mpcy_range_it_next(mp_obj_t self_in) {
    mpcy_range_it_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->up ? !mpcy_int_less(self->cur, self->stop) : !mpcy_int_less(self->stop, self->cur)) {
        return MP_OBJ_STOP_ITERATION;
    }
    mp_obj_t r = self->cur;
    self->cur = mpcy_int_add(r, self->step);
    return r;
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_range_it, MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, mpcy_range_it_next);

static mp_obj_t mpcy_range_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    mpcy_range_t *self = MP_OBJ_TO_PTR(self_in);
    mpcy_range_it_t *it = mp_obj_malloc(mpcy_range_it_t, &mpcy_type_range_it);
    it->cur = self->start;
    it->stop = self->stop;
    it->step = self->step;
    it->up = mpcy_int_less(MP_OBJ_NEW_SMALL_INT(0), self->step);
    return MP_OBJ_FROM_PTR(it);
}

static void mpcy_range_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpcy_range_t *self = MP_OBJ_TO_PTR(self_in);
    mp_print_str(print, "range(");
    mp_obj_print_helper(print, self->start, PRINT_REPR);
    mp_print_str(print, ", ");
    mp_obj_print_helper(print, self->stop, PRINT_REPR);
    if (!(mp_obj_is_small_int(self->step) && MP_OBJ_SMALL_INT_VALUE(self->step) == 1)) {
        mp_print_str(print, ", ");
        mp_obj_print_helper(print, self->step, PRINT_REPR);
    }
    mp_print_str(print, ")");
}

static mp_obj_t mpcy_range_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mpcy_range_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(!mpcy_int_is_zero(self->len));
        case MP_UNARY_OP_LEN:
            // CPython's len() takes a Py_ssize_t; MicroPython's a small int.
            if (!mp_obj_is_small_int(self->len)) {
                mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("Python int too large to convert to C ssize_t"));
            }
            return self->len;
        default:
            return MP_OBJ_NULL;
    }
}

// The start, stop and step of a range of either kind.
static bool mpcy_range_parts(mp_obj_t r, mp_obj_t *start, mp_obj_t *len, mp_obj_t *step) {
    if (mp_obj_is_type(r, &mpcy_type_range)) {
        mpcy_range_t *o = MP_OBJ_TO_PTR(r);
        *start = o->start;
        *len = o->len;
        *step = o->step;
        return true;
    }
    #if MICROPY_PY_BUILTINS_RANGE_ATTRS
    if (mp_obj_is_type(r, &mp_type_range)) {
        *start = mp_load_attr(r, MP_QSTR_start);
        *step = mp_load_attr(r, MP_QSTR_step);
        *len = mp_obj_len(r);
        return true;
    }
    #endif
    return false;
}

static mp_obj_t mpcy_range_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mpcy_range_t *self = MP_OBJ_TO_PTR(lhs);
    if (op == MP_BINARY_OP_EQUAL) {
        // CPython's: the same sequence of numbers.
        mp_obj_t start, len, step;
        if (!mpcy_range_parts(rhs, &start, &len, &step)) {
            return MP_OBJ_NULL;
        }
        return mp_obj_new_bool(mp_obj_equal(self->len, len)
            && (mpcy_int_is_zero(len) || (mp_obj_equal(self->start, start)
                && (mp_obj_equal(len, MP_OBJ_NEW_SMALL_INT(1)) || mp_obj_equal(self->step, step)))));
    }
    if (op == MP_BINARY_OP_CONTAINS && mp_obj_is_int(rhs)) {
        // An int without iterating: within the bounds and on a step.
        bool up = mpcy_int_less(MP_OBJ_NEW_SMALL_INT(0), self->step);
        mp_obj_t lo = up ? self->start : self->stop, hi = up ? self->stop : self->start;
        bool in = up ? !mpcy_int_less(rhs, lo) && mpcy_int_less(rhs, hi) : mpcy_int_less(lo, rhs) && !mpcy_int_less(hi, rhs);
        if (in) {
            mp_obj_t off = mp_binary_op(MP_BINARY_OP_SUBTRACT, rhs, self->start);
            in = mpcy_int_is_zero(mp_binary_op(MP_BINARY_OP_MODULO, off, self->step));
        }
        return mp_obj_new_bool(in);
    }
    return MP_OBJ_NULL;
}

// A slice bound as CPython's _PySlice_GetLongIndices: None is the default,
// a negative one counts from the end, then clamped to [lower, upper].
static mp_obj_t mpcy_range_slice_bound(mp_obj_t v, mp_obj_t dflt, mp_obj_t len, mp_obj_t lower, mp_obj_t upper) {
    if (v == mp_const_none) {
        return dflt;
    }
    v = mpcy_check(PyNumber_Index(MPCY_PY(v)));
    if (mpcy_int_less(v, MP_OBJ_NEW_SMALL_INT(0))) {
        v = mpcy_int_add(v, len);
        return mpcy_int_less(v, lower) ? lower : v;
    }
    return mpcy_int_less(upper, v) ? upper : v;
}

static mp_obj_t mpcy_range_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL; // a range is immutable
    }
    mpcy_range_t *self = MP_OBJ_TO_PTR(self_in);
    if (mp_obj_is_type(index, &mp_type_slice)) {
        mp_obj_slice_t *sl = MP_OBJ_TO_PTR(index);
        mp_obj_t step = MP_OBJ_NEW_SMALL_INT(1);
        if (sl->step != mp_const_none) {
            step = mpcy_check(PyNumber_Index(MPCY_PY(sl->step)));
            if (mpcy_int_is_zero(step)) {
                mp_raise_ValueError(MP_ERROR_TEXT("slice step cannot be zero"));
            }
        }
        bool down = mpcy_int_less(step, MP_OBJ_NEW_SMALL_INT(0));
        mp_obj_t lower = down ? MP_OBJ_NEW_SMALL_INT(-1) : MP_OBJ_NEW_SMALL_INT(0);
        mp_obj_t upper = down ? mp_binary_op(MP_BINARY_OP_SUBTRACT, self->len, MP_OBJ_NEW_SMALL_INT(1)) : self->len;
        mp_obj_t start = mpcy_range_slice_bound(sl->start, down ? upper : lower, self->len, lower, upper);
        mp_obj_t stop = mpcy_range_slice_bound(sl->stop, down ? lower : upper, self->len, lower, upper);
        return mpcy_range_new(mpcy_int_add(self->start, mpcy_int_mul(start, self->step)),
            mpcy_int_add(self->start, mpcy_int_mul(stop, self->step)), mpcy_int_mul(self->step, step));
    }
    mp_obj_t i = mpcy_check(PyNumber_Index(MPCY_PY(index)));
    if (mpcy_int_less(i, MP_OBJ_NEW_SMALL_INT(0))) {
        i = mpcy_int_add(i, self->len);
    }
    if (mpcy_int_less(i, MP_OBJ_NEW_SMALL_INT(0)) || !mpcy_int_less(i, self->len)) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("range object index out of range"));
    }
    return mpcy_int_add(self->start, mpcy_int_mul(i, self->step));
}

static void mpcy_range_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only
    }
    mpcy_range_t *self = MP_OBJ_TO_PTR(self_in);
    if (attr == MP_QSTR_start) {
        dest[0] = self->start;
    } else if (attr == MP_QSTR_stop) {
        dest[0] = self->stop;
    } else if (attr == MP_QSTR_step) {
        dest[0] = self->step;
    }
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_range, MP_QSTR_range, MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    print, mpcy_range_print,
    unary_op, mpcy_range_unary_op,
    binary_op, mpcy_range_binary_op,
    subscr, mpcy_range_subscr,
    iter, mpcy_range_getiter,
    attr, mpcy_range_attr,
    parent, &mp_type_range);

// range(start, stop, step) of ints, step not 0: MicroPython's where the
// bounds fit a machine word, else the layer's.
static mp_obj_t mpcy_range_new(mp_obj_t start, mp_obj_t stop, mp_obj_t step) {
    if (mpcy_int_fits_word(start) && mpcy_int_fits_word(stop) && mpcy_int_fits_word(step)) {
        mp_obj_t args[3] = { start, stop, step };
        return MP_OBJ_TYPE_GET_SLOT(&mp_type_range, make_new)(&mp_type_range, 3, 0, args);
    }
    mpcy_range_t *o = mp_obj_malloc(mpcy_range_t, &mpcy_type_range);
    o->start = start;
    o->stop = stop;
    o->step = step;
    // len = (stop - start + step -/+ 1) // step, at least 0, as CPython's
    bool up = mpcy_int_less(MP_OBJ_NEW_SMALL_INT(0), step);
    mp_obj_t n = mpcy_int_add(mp_binary_op(MP_BINARY_OP_SUBTRACT, stop, start), step);
    n = mpcy_int_add(n, MP_OBJ_NEW_SMALL_INT(up ? -1 : 1));
    n = mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, n, step);
    o->len = mpcy_int_less(n, MP_OBJ_NEW_SMALL_INT(0)) ? MP_OBJ_NEW_SMALL_INT(0) : n;
    return MP_OBJ_FROM_PTR(o);
}

// A call of the built-in range from C code. MicroPython's range unless an
// argument is an int beyond a machine word.
mp_obj_t mpcy_range_call(size_t n_args, const mp_obj_t *args) {
    bool big = false;
    for (size_t i = 0; i < n_args && i < 3; i++) {
        big |= mp_obj_is_exact_type(args[i], &mp_type_int) && !mpcy_int_fits_word(args[i]);
    }
    if (!big || n_args > 3) {
        return MP_OBJ_TYPE_GET_SLOT(&mp_type_range, make_new)(&mp_type_range, n_args, 0, args);
    }
    mp_obj_t a[3];
    for (size_t i = 0; i < n_args; i++) {
        a[i] = mpcy_check(PyNumber_Index(MPCY_PY(args[i])));
    }
    mp_obj_t start = n_args == 1 ? MP_OBJ_NEW_SMALL_INT(0) : a[0];
    mp_obj_t stop = n_args == 1 ? a[0] : a[1];
    mp_obj_t step = n_args == 3 ? a[2] : MP_OBJ_NEW_SMALL_INT(1);
    if (mpcy_int_is_zero(step)) {
        mp_raise_ValueError(MP_ERROR_TEXT("range() arg 3 must not be zero"));
    }
    return mpcy_range_new(start, stop, step);
}
