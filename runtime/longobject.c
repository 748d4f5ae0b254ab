// int (longobject.h): MicroPython's small ints and its long-int
// implementation, with CPython's conversions and messages.
#include "mpcy.h"
#include "py/mpz.h"
#include "py/binary.h"
#include "py/parsenum.h"
#include "py/unicode.h"

PyObject *PyLong_FromLong(long v) {
    if (MP_SMALL_INT_FITS(v)) {
        return MPCY_PY(MP_OBJ_NEW_SMALL_INT(v));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_int_from_ll(v));
    return MPCY_PY(r);
}

PyObject *PyLong_FromLongLong(long long v) {
    // Not MP_SMALL_INT_FITS: it tests the bits of an mp_int_t only, so on a
    // 32-bit target it takes 2**63-1 for a small int.
    if (v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX) {
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
    // CPython's messages (MicroPython says "can't convert inf to int").
    if (isinf(v)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(v)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    if (v > -9.2e18 && v < 9.2e18) {
        MPCY_TRY(NULL, r = mp_obj_new_int_from_ll((long long)v));
    } else {
        // Exact from the double's bits: mp_float_t may be single precision
        // (Cortex-M ports), which would lose the low bits (and overflow).
        union { double d;
                uint64_t u;
        } b = { .d = v };
        int shift = (int)((b.u >> 52) & 0x7ff) - 1075; // |v| = mant * 2**shift, shift > 0 here
        long long mant = (long long)((b.u & ((1ULL << 52) - 1)) | (1ULL << 52));
        MPCY_TRY(NULL, r = mp_binary_op(MP_BINARY_OP_LSHIFT, mp_obj_new_int_from_ll(v < 0 ? -mant : mant),
            MP_OBJ_NEW_SMALL_INT(shift)));
    }
    return MPCY_PY(r);
}

// CPython's underscores in an int literal, which MicroPython's parser takes
// anywhere: one right after a base prefix, else only between two digits.
static bool mpcy_int_underscores_ok(const char *s, size_t len, int base) {
    const char *p = s, *end = s + len;
    while (p < end && unichar_isspace(*p)) {
        p++;
    }
    while (end > p && unichar_isspace(end[-1])) {
        end--;
    }
    p += p < end && (*p == '+' || *p == '-');
    if (memchr(p, '_', end - p) == NULL) {
        return true;
    }
    if (end - p >= 2 && p[0] == '0') {
        unichar x = unichar_tolower((byte)p[1]);
        if ((x == 'x' && (base == 0 || base == 16)) || (x == 'o' && (base == 0 || base == 8))
            || (x == 'b' && (base == 0 || base == 2))) {
            p += 2;
            p += p < end && *p == '_';
        }
    }
    char prev = '_'; // none first
    for (; p < end; p++) {
        if (*p == '_' && prev == '_') {
            return false;
        }
        prev = *p;
    }
    return prev != '_';
}

// Parse an int literal (int(text, base)); a ValueError gets CPython's message,
// which shows `text_obj` (the str or bytes given, or NULL for a C string).
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
mp_obj_t mpcy_long_from_text(const char *s, size_t len, int base, mp_obj_t text_obj) {
    if ((base != 0 && base < 2) || base > 36) {
        mp_raise_ValueError(MP_ERROR_TEXT("int() arg 2 must be >= 2 and <= 36"));
    }
    mp_obj_t r = MP_OBJ_NULL, exc = MP_OBJ_NULL;
    if (mpcy_int_underscores_ok(s, len, base)) {
        // without them (MicroPython's long-int parse does not skip them)
        const char *digits = s;
        size_t n = len;
        if (memchr(s, '_', len) != NULL) {
            char *d = m_new(char, len);
            n = 0;
            for (size_t i = 0; i < len; i++) {
                if (s[i] != '_') {
                    d[n++] = s[i];
                }
            }
            digits = d;
        }
        MPCY_CATCH(exc, r = mp_parse_num_integer(digits, n, base, NULL));
        if (exc == MP_OBJ_NULL) {
            return r;
        }
        if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_ValueError))) {
            nlr_raise(exc);
        }
    }
    if (text_obj == MP_OBJ_NULL) {
        // At most 200 characters, as CPython; a bad UTF-8 tail is dropped.
        size_t n = len < 200 ? len : 200;
        while (n > 0 && !utf8_check((const byte *)s, n)) {
            n--;
        }
        text_obj = mp_obj_new_str(s, n);
        // PyLong_FromString names the base a prefix gave for base 0 (CPython's)
        const char *p = s;
        for (; p < s + len && unichar_isspace(*p); p++) {
        }
        p += p < s + len && (*p == '+' || *p == '-');
        if (base == 0) {
            unichar x = p + 1 < s + len && p[0] == '0' ? unichar_tolower((byte)p[1]) : 0;
            base = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 10;
        }
    }
    mpcy_raise(&mp_type_ValueError, "invalid literal for int() with base %d: %R", base, MPCY_PY(text_obj));
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyLong_FromString(const char *str, char **pend, int base) {
    mp_obj_t r = MP_OBJ_NULL;
    size_t len = strlen(str);
    MPCY_TRY(NULL, r = mpcy_long_from_text(str, len, base, MP_OBJ_NULL));
    if (pend) {
        *pend = (char *)str + len;
    }
    return MPCY_PY(r);
}

// The int value of `o` for the conversions below. Bools are ints, as in
// CPython. With `use_index` an object with __index__ is converted first (the
// PyLong_AsLong family); without, CPython asks for an int (PyLong_AsSsize_t,
// the unsigned conversions). NULL with the error set on failure.
static mp_obj_t mpcy_as_int(PyObject *o, bool use_index) {
    mp_obj_t x = MPCY_OBJ(o);
    if (mp_obj_is_int(x)) {
        return x;
    }
    if (mp_obj_is_bool(x)) {
        return MP_OBJ_NEW_SMALL_INT(x == mp_const_true);
    }
    // An instance of a subclass of int: its int part.
    PyObject *n = mpcy_native(o, &mp_type_int);
    if (n != NULL) {
        return MPCY_OBJ(n);
    }
    if (!use_index) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return MP_OBJ_NULL;
    }
    return MPCY_OBJ(PyNumber_Index(o));
}

// The low `n` bytes of int x in two's complement (MicroPython's helper only
// takes long ints).
static void mpcy_int_to_bytes(mp_obj_t x, bool big_endian, size_t n, byte *buf) {
    if (!mp_obj_is_small_int(x)) {
        mp_obj_int_to_bytes_impl(x, big_endian, n, buf);
        return;
    }
    mp_int_t v = MP_OBJ_SMALL_INT_VALUE(x);
    for (size_t i = 0; i < n; i++) {
        buf[big_endian ? n - 1 - i : i] = i < sizeof(v) ? (byte)(v >> (8 * i)) : (v < 0 ? 0xff : 0);
    }
}

// x in [lo, hi]? Then *out is its value. Runs MicroPython code: call under nlr.
static bool mpcy_int_to_ll(mp_obj_t x, long long lo, long long hi, long long *out) {
    if (mp_obj_is_small_int(x)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(x);
        *out = v;
        return v >= lo && v <= hi;
    }
    // Long ints: compare against the limits, then convert through bytes.
    if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE_EQUAL, x, mp_obj_new_int_from_ll(lo)))
        && mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS_EQUAL, x, mp_obj_new_int_from_ll(hi)))) {
        int64_t v = 0;
        mpcy_int_to_bytes(x, false, sizeof(v), (byte *)&v);
        *out = v;
        return true;
    }
    return false;
}

// The same for x >= 0 and [0, hi].
static bool mpcy_int_to_ull(mp_obj_t x, unsigned long long hi, unsigned long long *out) {
    if (mp_obj_is_small_int(x)) {
        *out = MP_OBJ_SMALL_INT_VALUE(x);
        return *out <= hi;
    }
    if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS_EQUAL, x, mp_obj_new_int_from_ull(hi)))) {
        uint64_t v = 0;
        mpcy_int_to_bytes(x, false, sizeof(v), (byte *)&v);
        *out = v;
        return true;
    }
    return false;
}

// Signed conversion: -1 with OverflowError `msg` out of range; with `overflow`
// given, -1 and *overflow = the sign instead of the error.
static long long mpcy_as_signed(PyObject *o, long long lo, long long hi, bool use_index, const char *msg, int *overflow) {
    long long r = 0;
    bool ok = false;
    int sign = 0;
    if (overflow) {
        *overflow = 0;
    }
    // A small int in range: no nlr frame.
    if (mp_obj_is_small_int(MPCY_OBJ(o))) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(MPCY_OBJ(o));
        if (v >= lo && v <= hi) {
            return v;
        }
    }
    MPCY_TRY(-1, {
        mp_obj_t x = mpcy_as_int(o, use_index);
        if (x == MP_OBJ_NULL) {
            ok = true;
            r = -1;
        } else {
            ok = mpcy_int_to_ll(x, lo, hi, &r);
            sign = mp_obj_int_sign(x);
        }
    });
    if (ok) {
        return r;
    }
    if (overflow) {
        *overflow = sign;
    } else {
        PyErr_SetString(PyExc_OverflowError, msg);
    }
    return -1;
}

MPCY_CLOBBER_CHECKED
static unsigned long long mpcy_as_unsigned(PyObject *o, unsigned long long hi, const char *neg_msg, const char *msg) {
    unsigned long long r = 0;
    const char *err = NULL;
    if (mp_obj_is_small_int(MPCY_OBJ(o))) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(MPCY_OBJ(o));
        if (v >= 0 && (unsigned long long)v <= hi) {
            return v;
        }
    }
    MPCY_TRY((unsigned long long)-1, {
        mp_obj_t x = mpcy_as_int(o, false);
        if (x == MP_OBJ_NULL) {
            r = (unsigned long long)-1;
        } else if (mp_obj_int_sign(x) < 0) {
            err = neg_msg;
        } else if (!mpcy_int_to_ull(x, hi, &r)) {
            err = msg;
        }
    });
    if (err != NULL) {
        PyErr_SetString(PyExc_OverflowError, err);
        return (unsigned long long)-1;
    }
    return r;
}
MPCY_CLOBBER_CHECKED_END

// Each with CPython 3.11's message: they differ between the functions.
long PyLong_AsLong(PyObject *o) {
    return mpcy_as_signed(o, LONG_MIN, LONG_MAX, true, "Python int too large to convert to C long", NULL);
}

long PyLong_AsLongAndOverflow(PyObject *o, int *overflow) {
    return mpcy_as_signed(o, LONG_MIN, LONG_MAX, true, NULL, overflow);
}

long long PyLong_AsLongLong(PyObject *o) {
    return mpcy_as_signed(o, LLONG_MIN, LLONG_MAX, true, "int too big to convert", NULL);
}

long long PyLong_AsLongLongAndOverflow(PyObject *o, int *overflow) {
    return mpcy_as_signed(o, LLONG_MIN, LLONG_MAX, true, NULL, overflow);
}

Py_ssize_t PyLong_AsSsize_t(PyObject *o) {
    return mpcy_as_signed(o, PY_SSIZE_T_MIN, PY_SSIZE_T_MAX, false, "Python int too large to convert to C ssize_t", NULL);
}

unsigned long PyLong_AsUnsignedLong(PyObject *o) {
    return mpcy_as_unsigned(o, ULONG_MAX, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long");
}

unsigned long long PyLong_AsUnsignedLongLong(PyObject *o) {
    return mpcy_as_unsigned(o, ULLONG_MAX, "can't convert negative int to unsigned", "int too big to convert");
}

size_t PyLong_AsSize_t(PyObject *o) {
    return mpcy_as_unsigned(o, SIZE_MAX, "can't convert negative value to size_t", "Python int too large to convert to C size_t");
}

unsigned long PyLong_AsUnsignedLongMask(PyObject *o) {
    return (unsigned long)PyLong_AsUnsignedLongLongMask(o);
}

MPCY_CLOBBER_CHECKED
unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *o) {
    uint64_t v = 0;
    bool failed = false;
    MPCY_TRY((unsigned long long)-1, {
        mp_obj_t x = mpcy_as_int(o, true);
        if (x == MP_OBJ_NULL) {
            failed = true;
        } else if (mp_obj_is_small_int(x)) {
            v = (uint64_t)(int64_t)MP_OBJ_SMALL_INT_VALUE(x);
        } else {
            // Two's complement of the low 64 bits.
            mp_obj_t m = mp_binary_op(MP_BINARY_OP_AND, x, mp_obj_new_int_from_ull(UINT64_MAX));
            mpcy_int_to_bytes(m, false, sizeof(v), (byte *)&v);
        }
    });
    return failed ? (unsigned long long)-1 : v;
}
MPCY_CLOBBER_CHECKED_END

void *PyLong_AsVoidPtr(PyObject *o) {
    return (void *)(uintptr_t)PyLong_AsUnsignedLongLong(o);
}

double PyLong_AsDouble(PyObject *o) {
    double r = -1.0;
    mp_obj_t x = mpcy_as_int(o, false);
    if (x == MP_OBJ_NULL) {
        return -1.0;
    }
    #if MICROPY_FLOAT_IMPL != MICROPY_FLOAT_IMPL_DOUBLE
    // mp_float_t is single precision here (it would round to 24 bits and
    // overflow past 2**128): x = (x >> k) * 2**k with x >> k in 64 bits.
    long long ll = 0;
    int k = 0;
    MPCY_TRY(-1.0, {
        while (!mpcy_int_to_ll(x, LLONG_MIN, LLONG_MAX, &ll)) {
            x = mp_binary_op(MP_BINARY_OP_RSHIFT, x, MP_OBJ_NEW_SMALL_INT(32));
            k += 32;
        }
    });
    r = (double)ll;
    for (; k > 0 && !isinf(r); k -= 32) {
        r *= 4294967296.0;
    }
    #else
    MPCY_TRY(-1.0, r = mp_obj_get_float(x));
    #endif
    if (isinf(r)) {
        // MicroPython rounds huge ints to inf; CPython refuses.
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return r;
}

int _PyLong_Sign(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    return mp_obj_is_bool(x) ? x == mp_const_true : mp_obj_int_sign(MPCY_OBJ(mpcy_as_native(o, &mp_type_int)));
}

static mp_obj_t mpcy_int_from_byte_array(const byte *bytes, size_t n, bool little_endian, bool is_signed) {
    mp_obj_t r = mp_obj_int_from_bytes_impl(!little_endian, n, bytes);
    if (is_signed && n > 0 && (bytes[little_endian ? n - 1 : 0] & 0x80)) {
        // Negative: subtract 2**(8n).
        mp_obj_t one = MP_OBJ_NEW_SMALL_INT(1);
        mp_obj_t big = mp_binary_op(MP_BINARY_OP_LSHIFT, one, MP_OBJ_NEW_SMALL_INT(8 * n));
        r = mp_binary_op(MP_BINARY_OP_SUBTRACT, r, big);
    }
    return r;
}

PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_int_from_byte_array(bytes, n, little_endian, is_signed));
    return MPCY_PY(r);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) as CPython's, for
// C code (Cython converts 128-bit C integers with it). MicroPython's knows
// byteorder only as the interned 'little' (a string C code makes is not)
// and has no signed=, so it read Cython's bytes in the wrong order.
static MPCY_QCONST mp_arg_t mpcy_from_bytes_args[] = {
    { MPCY_Q(MP_QSTR_bytes), MP_ARG_REQUIRED | MP_ARG_OBJ, { .u_obj = MP_OBJ_NULL } },
    { MPCY_Q(MP_QSTR_byteorder), MP_ARG_OBJ, { .u_rom_obj = MP_ROM_QSTR(MP_QSTR_big) } },
    { MPCY_Q(MP_QSTR_signed), MP_ARG_KW_ONLY | MP_ARG_BOOL, { .u_bool = false } },
};
MPCY_FIX_ARGS(mpcy_from_bytes_args);

static mp_obj_t mpcy_int_from_bytes(size_t n_args, const mp_obj_t *pos, mp_map_t *kw) {
    enum { ARG_bytes, ARG_byteorder, ARG_signed };
    mp_arg_val_t a[MP_ARRAY_SIZE(mpcy_from_bytes_args)];
    mp_arg_parse_all(n_args - 1, pos + 1, kw, MP_ARRAY_SIZE(mpcy_from_bytes_args), mpcy_from_bytes_args, a);
    mp_obj_t order = a[ARG_byteorder].u_obj;
    if (!mp_obj_is_str(order)) {
        mpcy_raise(&mp_type_TypeError, "from_bytes() argument 'byteorder' must be str, not %s", mpcy_type_name(mp_obj_get_type(order)));
    }
    size_t olen;
    const char *o = mp_obj_str_get_data(order, &olen);
    bool little = olen == 6 && memcmp(o, "little", 6) == 0;
    if (!little && !(olen == 3 && memcmp(o, "big", 3) == 0)) {
        mp_raise_ValueError(MP_ERROR_TEXT("byteorder must be either 'little' or 'big'"));
    }
    mp_obj_t src = a[ARG_bytes].u_obj;
    if (mp_obj_is_str(src)) {
        mpcy_raise(&mp_type_TypeError, "cannot convert 'str' object to bytes");
    }
    mp_buffer_info_t buf;
    if (!mp_get_buffer(src, &buf, MP_BUFFER_READ)) {
        // an iterable of ints, as bytes() takes it
        src = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytes), src);
        mp_get_buffer_raise(src, &buf, MP_BUFFER_READ);
    }
    mp_obj_t r = mpcy_int_from_byte_array(buf.buf, buf.len, little, a[ARG_signed].u_bool);
    mpcy_live_until(src);
    // a subclass (bool too) makes its own from the int, as CPython
    return pos[0] == MP_OBJ_FROM_PTR(&mp_type_int) ? r : mp_call_function_1(pos[0], r);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_int_from_bytes_obj, 2, mpcy_int_from_bytes);

MPCY_CLOBBER_CHECKED
int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian, int is_signed) {
    mp_obj_t x = MPCY_OBJ(v);
    const char *err = NULL;
    MPCY_TRY(-1, {
        if (mp_obj_is_bool(x)) {
            x = MP_OBJ_NEW_SMALL_INT(x == mp_const_true);
        }
        int sign = mp_obj_int_sign(x);
        mp_obj_t lim = mp_binary_op(MP_BINARY_OP_LSHIFT, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(8 * n - (is_signed ? 1 : 0)));
        if (!is_signed && sign < 0) {
            err = "can't convert negative int to unsigned";
        } else if (sign >= 0 ? mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE_EQUAL, x, lim))
                   : mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, x, mp_unary_op(MP_UNARY_OP_NEGATIVE, lim)))) {
            err = "int too big to convert";
        } else {
            if (sign < 0) {
                x = mp_binary_op(MP_BINARY_OP_ADD, x, mp_binary_op(MP_BINARY_OP_LSHIFT, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(8 * n)));
            }
            memset(bytes, 0, n);
            mpcy_int_to_bytes(x, !little_endian, n, bytes);
        }
    });
    if (err != NULL) {
        // Set outside the nlr block: no return from inside MPCY_TRY.
        PyErr_SetString(PyExc_OverflowError, err);
        return -1;
    }
    return 0;
}
MPCY_CLOBBER_CHECKED_END

static int mpcy_native_little(int flags) {
    if (flags == -1 || (flags & 3) == 3) {
        return MP_ENDIANNESS_LITTLE;
    }
    return flags & 1;
}

Py_ssize_t PyLong_AsNativeBytes(PyObject *v, void *buffer, Py_ssize_t n, int flags) {
    mp_obj_t x = mpcy_as_int(v, flags != -1 && (flags & Py_ASNATIVEBYTES_ALLOW_INDEX));
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

// ---- int's methods that MicroPython lacks (mpcy_native_attr) ---------------------

// self (an int, or a bool) as an int, after CPython's check of a method
// taking no arguments.
static mp_obj_t mpcy_int_self(qstr name, size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mpcy_noargs(&mp_type_int, name, n_args, kw);
    return mp_obj_is_bool(args[0]) ? MP_OBJ_NEW_SMALL_INT(args[0] == mp_const_true) : args[0];
}

// The number of bits of v (bit_length) or of its one bits (bit_count).
static mp_int_t mpcy_bits(mp_uint_t v, bool ones) {
    mp_int_t n = 0;
    for (; v != 0; v >>= 1) {
        n += ones ? (mp_int_t)(v & 1) : 1;
    }
    return n;
}

// The same for abs(x), over the long-int implementation's public
// operations, 24 bits at a time.
static mp_obj_t mpcy_int_bits(mp_obj_t x, bool ones) {
    if (mp_obj_int_sign(x) < 0) {
        x = mp_unary_op(MP_UNARY_OP_NEGATIVE, x);
    }
    mp_int_t n = 0;
    while (!mp_obj_is_small_int(x)) {
        mp_obj_t low = mp_binary_op(MP_BINARY_OP_AND, x, MP_OBJ_NEW_SMALL_INT(0xffffff));
        n += ones ? mpcy_bits(MP_OBJ_SMALL_INT_VALUE(low), true) : 24;
        x = mp_binary_op(MP_BINARY_OP_RSHIFT, x, MP_OBJ_NEW_SMALL_INT(24));
    }
    return MP_OBJ_NEW_SMALL_INT(n + mpcy_bits(MP_OBJ_SMALL_INT_VALUE(x), ones));
}

static mp_obj_t mpcy_int_bit_length(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    return mpcy_int_bits(mpcy_int_self(MP_QSTR_bit_length, n_args, args, kw), false);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_int_bit_length_obj, 1, mpcy_int_bit_length);

static mp_obj_t mpcy_int_bit_count(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    return mpcy_int_bits(mpcy_int_self(MP_QSTR_bit_count, n_args, args, kw), true);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_int_bit_count_obj, 1, mpcy_int_bit_count);

static mp_obj_t mpcy_int_as_integer_ratio(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_obj_t r[2] = { mpcy_int_self(MP_QSTR_as_integer_ratio, n_args, args, kw), MP_OBJ_NEW_SMALL_INT(1) };
    return mp_obj_new_tuple(2, r);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_int_as_integer_ratio_obj, 1, mpcy_int_as_integer_ratio);

static mp_obj_t mpcy_int_conjugate(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    return mpcy_int_self(MP_QSTR_conjugate, n_args, args, kw);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_int_conjugate_obj, 1, mpcy_int_conjugate);

static const mp_rom_map_elem_t mpcy_long_methods_table[] = {
    { MP_ROM_QSTR(MP_QSTR_bit_length), MP_ROM_PTR(&mpcy_int_bit_length_obj) },
    { MP_ROM_QSTR(MP_QSTR_bit_count), MP_ROM_PTR(&mpcy_int_bit_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_as_integer_ratio), MP_ROM_PTR(&mpcy_int_as_integer_ratio_obj) },
    { MP_ROM_QSTR(MP_QSTR_conjugate), MP_ROM_PTR(&mpcy_int_conjugate_obj) },
};
MP_DEFINE_CONST_DICT(mpcy_long_methods, mpcy_long_methods_table);
