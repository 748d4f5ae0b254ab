// float (floatobject.h).
#include "mpcy.h"
#include "py/parsenum.h"
#include "py/unicode.h"

// mp_obj_new_float without raising (mpcy_float_obj_t: mpcy_mpprivate.h).
#if MICROPY_PY_BUILTINS_FLOAT
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
mp_obj_t mpcy_float_new_maybe(mp_float_t v) {
    return mp_obj_new_float(v);
}
#else
mp_obj_t mpcy_float_new_maybe(mp_float_t v) {
    mpcy_float_obj_t *o = mpcy_obj_new_maybe(&mp_type_float, sizeof(mpcy_float_obj_t));
    if (o == NULL) {
        return MP_OBJ_NULL;
    }
    o->value = v;
    return MP_OBJ_FROM_PTR(o);
}
#endif
#endif

PyObject *PyFloat_FromDouble(double v) {
    mp_obj_t r = mpcy_float_new_maybe((mp_float_t)v);
    if (r != MP_OBJ_NULL) {
        return MPCY_PY(r);
    }
    MPCY_TRY(NULL, r = mp_obj_new_float((mp_float_t)v));
    return MPCY_PY(r);
}

double PyFloat_AsDouble(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    if (mp_obj_is_float(x)) {
        return mp_obj_float_get(x);
    }
    if (mp_obj_is_small_int(x)) {
        return (double)MP_OBJ_SMALL_INT_VALUE(x);
    }
    if (mp_obj_is_int(x)) {
        return PyLong_AsDouble(o);
    }
    // Instances of Python subclasses of float and int: their native part.
    PyObject *base = mpcy_native(o, &mp_type_float);
    if (base != NULL) {
        return mp_obj_float_get(MPCY_OBJ(base));
    }
    base = mpcy_native(o, &mp_type_int);
    if (base != NULL) {
        return PyLong_AsDouble(base);
    }
    mp_float_t r = 0;
    bool ok = false;
    MPCY_TRY(-1.0, ok = mp_obj_get_float_maybe(x, &r));
    if (!ok) {
        unaryfunc f = (unaryfunc)mpcy_type_slot(mp_obj_get_type(x), Py_nb_float);
        if (f != NULL) {
            PyObject *fl = MPCY_NO_RAISE(f(o)); // a C slot: it returns its errors
            return fl ? PyFloat_AsDouble(fl) : -1.0;
        }
        // then __index__, as CPython
        mp_obj_t dest[2] = {MP_OBJ_NULL, MP_OBJ_NULL};
        if (!PyIndex_Check(o) && !mp_obj_is_str_or_bytes(x)) {
            MPCY_TRY(-1.0, mp_load_method_maybe(x, MP_QSTR___index__, dest));
        }
        if (PyIndex_Check(o) || dest[0] != MP_OBJ_NULL) {
            PyObject *i = PyNumber_Index(o);
            return i ? PyLong_AsDouble(i) : -1.0;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %s", mpcy_type_name(mp_obj_get_type(x)));
        return -1.0;
    }
    return r;
}

// The str, bytes or bytearray `o` is (of a subclass too: mpcy_native), else
// MP_OBJ_NULL: the text int() and float() parse.
mp_obj_t mpcy_text(PyObject *o) {
    PyObject *t = mpcy_as_native(o, &mp_type_str);
    if (t == NULL) {
        t = mpcy_as_native(o, &mp_type_bytes);
    }
    if (t == NULL) {
        t = mpcy_as_native(o, &mp_type_bytearray);
    }
    return MPCY_OBJ(t);
}

// Drop the underscores of s (n bytes) in place: its new length, or -1 if one
// is not between two digits (_Py_string_to_number_with_underscores).
static Py_ssize_t mpcy_drop_underscores(char *s, size_t n) {
    if (memchr(s, '_', n) == NULL) {
        return n;
    }
    char *out = s, prev = '\0';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c == '_' && !unichar_isdigit(prev)) || (prev == '_' && c != '_' && !unichar_isdigit(c))) {
            return -1;
        }
        if (c != '_') {
            *out++ = c;
        }
        prev = c;
    }
    *out = '\0';
    return prev == '_' ? -1 : out - s;
}

// float(text) for a str or a bytes-like object, as CPython's
// PyFloat_FromString: white space around, underscores between digits,
// correctly rounded (PyOS_string_to_double). Raises.
mp_obj_t mpcy_float_from_text(mp_obj_t text) {
    vstr_t v;
    vstr_init(&v, 32);
    mpcy_number_ascii(text, &v);
    char *s = vstr_null_terminated_str(&v);
    Py_ssize_t n = mpcy_drop_underscores(s, v.len);
    bool ok = n >= 0;
    const char *last = s + (ok ? n : 0);
    while (s < last && unichar_isspace(*s)) {
        s++;
    }
    while (s < last - 1 && unichar_isspace(last[-1])) {
        last--;
    }
    double x = -1.0;
    char *end = s;
    if (ok && s < last) {
        x = PyOS_string_to_double(s, &end, NULL);
    }
    vstr_clear(&v);
    if (end != last || s == last || !ok) {
        PyErr_Clear();
        mpcy_raise(&mp_type_ValueError, "could not convert string to float: %R", MPCY_PY(text));
    }
    if (x == -1.0 && PyErr_Occurred()) {
        mpcy_err_raise(); // MemoryError
    }
    return mp_obj_new_float((mp_float_t)x);
}

PyObject *PyFloat_FromString(PyObject *s) {
    mp_obj_t o = mpcy_text(s);
    if (o == MP_OBJ_NULL) {
        o = MPCY_OBJ(s);
        mp_buffer_info_t info;
        bool buffer = false;
        MPCY_TRY(NULL, buffer = mp_get_buffer(o, &info, MP_BUFFER_READ));
        if (!buffer) {
            PyErr_Format(PyExc_TypeError, "float() argument must be a string or a real number, not '%s'", mpcy_type_name(mp_obj_get_type(o)));
            return NULL;
        }
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_float_from_text(o));
    return MPCY_PY(r);
}

double PyFloat_GetMax(void) {
    return DBL_MAX;
}

double PyFloat_GetMin(void) {
    return DBL_MIN;
}

// ---- float's methods that MicroPython lacks (mpcy_native_attr) -------------------
#if MICROPY_PY_BUILTINS_FLOAT
static mp_float_t mpcy_float_self(qstr name, size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mpcy_noargs(&mp_type_float, name, n_args, kw);
    return mp_obj_float_get(args[0]);
}

static mp_obj_t mpcy_float_is_integer(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_float_t x = mpcy_float_self(MP_QSTR_is_integer, n_args, args, kw);
    return mp_obj_new_bool(isfinite(x) && MICROPY_FLOAT_C_FUN(floor)(x) == x);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_float_is_integer_obj, 1, mpcy_float_is_integer);

// CPython's float_as_integer_ratio: the mantissa doubled until it is whole.
static mp_obj_t mpcy_float_as_integer_ratio(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_float_t x = mpcy_float_self(MP_QSTR_as_integer_ratio, n_args, args, kw);
    if (isinf(x)) {
        mpcy_raise(&mp_type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(x)) {
        mpcy_raise(&mp_type_ValueError, "cannot convert NaN to integer ratio");
    }
    int exponent;
    mp_float_t part = MICROPY_FLOAT_C_FUN(frexp)(x, &exponent);
    for (int i = 0; i < 300 && part != MICROPY_FLOAT_C_FUN(floor)(part); i++) {
        part *= 2;
        exponent--;
    }
    mp_obj_t r[2] = { mp_obj_new_int_from_float(part), MP_OBJ_NEW_SMALL_INT(1) };
    mp_obj_t shift = MP_OBJ_NEW_SMALL_INT(exponent < 0 ? -exponent : exponent);
    r[exponent < 0] = mp_binary_op(MP_BINARY_OP_LSHIFT, r[exponent < 0], shift);
    return mp_obj_new_tuple(2, r);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_float_as_integer_ratio_obj, 1, mpcy_float_as_integer_ratio);

static mp_obj_t mpcy_float_conjugate(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mpcy_float_self(MP_QSTR_conjugate, n_args, args, kw);
    return args[0];
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_float_conjugate_obj, 1, mpcy_float_conjugate);

static const mp_rom_map_elem_t mpcy_float_methods_table[] = {
    { MP_ROM_QSTR(MP_QSTR_is_integer), MP_ROM_PTR(&mpcy_float_is_integer_obj) },
    { MP_ROM_QSTR(MP_QSTR_as_integer_ratio), MP_ROM_PTR(&mpcy_float_as_integer_ratio_obj) },
    { MP_ROM_QSTR(MP_QSTR_conjugate), MP_ROM_PTR(&mpcy_float_conjugate_obj) },
};
MP_DEFINE_CONST_DICT(mpcy_float_methods, mpcy_float_methods_table);
#endif
