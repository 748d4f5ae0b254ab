// int and float conversions (longobject.h, floatobject.h).
#include "mpcy.h"
#include "py/mpz.h"
#include "py/binary.h"
#include "py/parsenum.h"

PyObject *PyLong_FromLong(long v) {
    if (MP_SMALL_INT_FITS(v)) {
        return MPCY_PY(MP_OBJ_NEW_SMALL_INT(v));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_int_from_ll(v));
    return MPCY_PY(r);
}

PyObject *PyLong_FromLongLong(long long v) {
    if (MP_SMALL_INT_FITS(v)) {
        return MPCY_PY(MP_OBJ_NEW_SMALL_INT(v));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_int_from_ll(v));
    return MPCY_PY(r);
}

PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) {
    if (v <= (unsigned long long)MP_SMALL_INT_MAX) {
        return MPCY_PY(MP_OBJ_NEW_SMALL_INT(v));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_int_from_ull(v));
    return MPCY_PY(r);
}

PyObject *PyLong_FromUnsignedLong(unsigned long v) {
    return PyLong_FromUnsignedLongLong(v);
}

PyObject *PyLong_FromSsize_t(Py_ssize_t v) {
    return PyLong_FromLongLong(v);
}

PyObject *PyLong_FromSize_t(size_t v) {
    return PyLong_FromUnsignedLongLong(v);
}

PyObject *PyLong_FromVoidPtr(void *p) {
    return PyLong_FromUnsignedLongLong((uintptr_t)p);
}

PyObject *PyLong_FromDouble(double v) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_int_from_float(v));
    return MPCY_PY(r);
}

PyObject *PyLong_FromString(const char *str, char **pend, int base) {
    mp_obj_t r = MP_OBJ_NULL;
    size_t len = strlen(str);
    MPCY_TRY(NULL, r = mp_parse_num_integer(str, len, base, NULL));
    if (pend) {
        *pend = (char *)str + len;
    }
    return MPCY_PY(r);
}

// An int (or an object with __index__) for the conversions below.
static mp_obj_t mpcy_as_int(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    if (mp_obj_is_int(x)) {
        return x;
    }
    if (mp_obj_is_float(x) || mpcy_slot(mp_obj_get_type(x), Py_nb_index) == NULL) {
        mpcy_err_set(&mp_type_TypeError, "'%s' object cannot be interpreted as an integer", mpcy_type_name(mp_obj_get_type(x)));
        return MP_OBJ_NULL;
    }
    return MPCY_OBJ(PyNumber_Index(o));
}

// Signed conversion with a range check: 0 on success, -1 with the error set.
static int mpcy_int_to_ll(mp_obj_t x, long long lo, long long hi, long long *out, const char *ctype) {
    if (mp_obj_is_small_int(x)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(x);
        if (v >= lo && v <= hi) {
            *out = v;
            return 0;
        }
    } else {
        // Long ints: compare against the limits, then convert through bytes.
        mp_obj_t vlo = mp_obj_new_int_from_ll(lo), vhi = mp_obj_new_int_from_ll(hi);
        if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE_EQUAL, x, vlo))
            && mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS_EQUAL, x, vhi))) {
            int64_t v = 0;
            mp_obj_int_to_bytes_impl(x, false, sizeof(v), (byte *)&v);
            *out = v;
            return 0;
        }
    }
    mpcy_err_set(&mp_type_OverflowError, "Python int too large to convert to C %s", ctype);
    return -1;
}

static int mpcy_int_to_ull(mp_obj_t x, unsigned long long hi, unsigned long long *out, const char *ctype) {
    if (mp_obj_int_sign(x) < 0) {
        mpcy_err_set(&mp_type_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    if (mp_obj_is_small_int(x) && (unsigned long long)MP_OBJ_SMALL_INT_VALUE(x) <= hi) {
        *out = MP_OBJ_SMALL_INT_VALUE(x);
        return 0;
    }
    if (!mp_obj_is_small_int(x) && mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS_EQUAL, x, mp_obj_new_int_from_ull(hi)))) {
        uint64_t v = 0;
        mp_obj_int_to_bytes_impl(x, false, sizeof(v), (byte *)&v);
        *out = v;
        return 0;
    }
    mpcy_err_set(&mp_type_OverflowError, "Python int too large to convert to C %s", ctype);
    return -1;
}

#define MPCY_AS_SIGNED(name, ctype, lo, hi, cname) \
    ctype name(PyObject *o) { \
        long long r = -1; \
        int ok = -1; \
        MPCY_TRY(-1, { \
            mp_obj_t x = mpcy_as_int(o); \
            if (x != MP_OBJ_NULL) { \
                ok = mpcy_int_to_ll(x, (lo), (hi), &r, cname); \
            } \
        }); \
        return ok < 0 ? (ctype)-1 : (ctype)r; \
    }
MPCY_AS_SIGNED(PyLong_AsLong, long, LONG_MIN, LONG_MAX, "long")
MPCY_AS_SIGNED(PyLong_AsLongLong, long long, LLONG_MIN, LLONG_MAX, "long long")
MPCY_AS_SIGNED(PyLong_AsSsize_t, Py_ssize_t, PY_SSIZE_T_MIN, PY_SSIZE_T_MAX, "ssize_t")

#define MPCY_AS_UNSIGNED(name, ctype, hi, cname) \
    ctype name(PyObject *o) { \
        unsigned long long r = 0; \
        int ok = -1; \
        MPCY_TRY((ctype)-1, { \
            mp_obj_t x = mpcy_as_int(o); \
            if (x != MP_OBJ_NULL) { \
                ok = mpcy_int_to_ull(x, (hi), &r, cname); \
            } \
        }); \
        return ok < 0 ? (ctype)-1 : (ctype)r; \
    }
MPCY_AS_UNSIGNED(PyLong_AsUnsignedLong, unsigned long, ULONG_MAX, "unsigned long")
MPCY_AS_UNSIGNED(PyLong_AsUnsignedLongLong, unsigned long long, ULLONG_MAX, "unsigned long long")
MPCY_AS_UNSIGNED(PyLong_AsSize_t, size_t, SIZE_MAX, "size_t")

long PyLong_AsLongAndOverflow(PyObject *o, int *overflow) {
    *overflow = 0;
    long r = PyLong_AsLong(o);
    if (r == -1 && PyErr_ExceptionMatches(PyExc_OverflowError)) {
        PyErr_Clear();
        *overflow = _PyLong_Sign(o);
    }
    return r;
}

long long PyLong_AsLongLongAndOverflow(PyObject *o, int *overflow) {
    *overflow = 0;
    long long r = PyLong_AsLongLong(o);
    if (r == -1 && PyErr_ExceptionMatches(PyExc_OverflowError)) {
        PyErr_Clear();
        *overflow = _PyLong_Sign(o);
    }
    return r;
}

unsigned long PyLong_AsUnsignedLongMask(PyObject *o) {
    return (unsigned long)PyLong_AsUnsignedLongLongMask(o);
}

unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *o) {
    uint64_t v = 0;
    MPCY_TRY((unsigned long long)-1, {
        mp_obj_t x = mpcy_as_int(o);
        if (x == MP_OBJ_NULL) {
            return (unsigned long long)-1;
        }
        if (mp_obj_is_small_int(x)) {
            v = (uint64_t)(int64_t)MP_OBJ_SMALL_INT_VALUE(x);
        } else {
            // Two's complement of the low 64 bits.
            mp_obj_t m = mp_binary_op(MP_BINARY_OP_AND, x, mp_obj_new_int_from_ull(UINT64_MAX));
            mp_obj_int_to_bytes_impl(m, false, sizeof(v), (byte *)&v);
        }
    });
    return v;
}

void *PyLong_AsVoidPtr(PyObject *o) {
    return (void *)(uintptr_t)PyLong_AsUnsignedLongLong(o);
}

double PyLong_AsDouble(PyObject *o) {
    double r = -1.0;
    MPCY_TRY(-1.0, r = mp_obj_get_float(MPCY_OBJ(o)));
    if (isinf(r)) {
        // MicroPython rounds huge ints to inf; CPython refuses.
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return r;
}

int _PyLong_Sign(PyObject *o) {
    return mp_obj_int_sign(MPCY_OBJ(o));
}

PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        r = mp_obj_int_from_bytes_impl(!little_endian, n, bytes);
        if (is_signed && n > 0 && (bytes[little_endian ? n - 1 : 0] & 0x80)) {
            // Negative: subtract 2**(8n).
            mp_obj_t one = MP_OBJ_NEW_SMALL_INT(1);
            mp_obj_t big = mp_binary_op(MP_BINARY_OP_LSHIFT, one, MP_OBJ_NEW_SMALL_INT(8 * n));
            r = mp_binary_op(MP_BINARY_OP_SUBTRACT, r, big);
        }
    });
    return MPCY_PY(r);
}

int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian, int is_signed) {
    mp_obj_t x = MPCY_OBJ(v);
    MPCY_TRY(-1, {
        int sign = mp_obj_int_sign(x);
        if (!is_signed && sign < 0) {
            mpcy_err_set(&mp_type_OverflowError, "can't convert negative int to unsigned");
            return -1;
        }
        mp_obj_t lim = mp_binary_op(MP_BINARY_OP_LSHIFT, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(8 * n - (is_signed ? 1 : 0)));
        bool too_big = sign >= 0 ? mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE_EQUAL, x, lim))
            : mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, x, mp_unary_op(MP_UNARY_OP_NEGATIVE, lim)));
        if (too_big) {
            mpcy_err_set(&mp_type_OverflowError, "int too big to convert");
            return -1;
        }
        if (sign < 0) {
            x = mp_binary_op(MP_BINARY_OP_ADD, x, mp_binary_op(MP_BINARY_OP_LSHIFT, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(8 * n)));
        }
        memset(bytes, 0, n);
        mp_obj_int_to_bytes_impl(x, !little_endian, n, bytes);
    });
    return 0;
}

static int mpcy_native_little(int flags) {
    if (flags == -1 || (flags & 3) == 3) {
        return MP_ENDIANNESS_LITTLE;
    }
    return flags & 1;
}

Py_ssize_t PyLong_AsNativeBytes(PyObject *v, void *buffer, Py_ssize_t n, int flags) {
    mp_obj_t x = mpcy_as_int(v);
    if (x == MP_OBJ_NULL) {
        return -1;
    }
    int is_signed = flags == -1 || !(flags & Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
    if (flags != -1 && (flags & Py_ASNATIVEBYTES_REJECT_NEGATIVE) && mp_obj_int_sign(x) < 0) {
        PyErr_SetString(PyExc_ValueError, "Cannot convert negative int");
        return -1;
    }
    if (_PyLong_AsByteArray((PyLongObject *)MPCY_PY(x), buffer, n, mpcy_native_little(flags), is_signed || mp_obj_int_sign(x) < 0) < 0) {
        // Report the size needed, as CPython does, when it does not fit.
        PyErr_Clear();
        return n + 1;
    }
    return n;
}

PyObject *PyLong_FromNativeBytes(const void *buffer, size_t n, int flags) {
    return _PyLong_FromByteArray(buffer, n, mpcy_native_little(flags), !(flags != -1 && (flags & Py_ASNATIVEBYTES_UNSIGNED_BUFFER)));
}

PyObject *PyLong_FromUnsignedNativeBytes(const void *buffer, size_t n, int flags) {
    return _PyLong_FromByteArray(buffer, n, mpcy_native_little(flags), 0);
}

// ---- float ------------------------------------------------------------------------
PyObject *PyFloat_FromDouble(double v) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_float(v));
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
    mp_float_t r = 0;
    bool ok = false;
    MPCY_TRY(-1.0, ok = mp_obj_get_float_maybe(x, &r));
    if (!ok) {
        unaryfunc f = (unaryfunc)mpcy_slot(mp_obj_get_type(x), Py_nb_float);
        if (f != NULL) {
            PyObject *fl = f(o);
            return fl ? PyFloat_AsDouble(fl) : -1.0;
        }
        mpcy_err_set(&mp_type_TypeError, "must be real number, not %s", mpcy_type_name(mp_obj_get_type(x)));
        return -1.0;
    }
    return r;
}

PyObject *PyFloat_FromString(PyObject *s) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_float), MPCY_OBJ(s)));
    return MPCY_PY(r);
}

double PyFloat_GetMax(void) {
    return DBL_MAX;
}

double PyFloat_GetMin(void) {
    return DBL_MIN;
}

#if MICROPY_PY_BUILTINS_COMPLEX
PyObject *PyComplex_FromDoubles(double real, double imag) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_complex(real, imag));
    return MPCY_PY(r);
}

double PyComplex_RealAsDouble(PyObject *o) {
    mp_float_t re, im;
    MPCY_TRY(-1.0, mp_obj_get_complex(MPCY_OBJ(o), &re, &im));
    return re;
}

double PyComplex_ImagAsDouble(PyObject *o) {
    mp_float_t re, im;
    MPCY_TRY(-1.0, mp_obj_get_complex(MPCY_OBJ(o), &re, &im));
    return im;
}
#endif
