// mpcyfuzz: a libFuzzer target over the layer's conversion and
// argument-parsing entry points (issue 7), built into a unix MicroPython by
// tests/fuzz/run.py with clang -fsanitize=fuzzer-no-link,address,undefined.
//
// The interpreter is set up by MicroPython's own main(); fuzz_main.py then
// calls mpcyfuzz.run(argv, funcs, samples, allowed), which hands control to
// libFuzzer (LLVMFuzzerRunDriver).  Each input's first byte picks one of:
//   0  ints of any size (from the input bytes) through every PyLong_As*,
//      PyNumber_Index/Long, PyLong_FromString round trips: each answer is
//      checked against MicroPython's own arithmetic;
//   1  text through PyLong_FromString (any base) and PyFloat_FromString;
//   2  bytes through PyUnicode_FromStringAndSize / Decode* and the str API
//      (invalid UTF-8 must raise, never become a str);
//   3  Py_BuildValue with a format made from the input (ints, then strings);
//   4  a function of a Cython module (fuzzmod.pyx) called with arguments and
//      keyword names made from the input: Cython's generated argument
//      parsing and conversions;
//   5  floats (8 input bytes) through PyFloat_AsDouble, PyLong_FromDouble.
// Every call must either succeed or raise an allowed exception with the
// error indicator set; anything else (a wrong value, an error indicator left
// set, a crash or a sanitizer report) aborts: libFuzzer saves the input.
#include "Python.h"
#include "py/runtime.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/unicode.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *data, size_t size));

// Set only while run() is on the stack, which keeps them reachable.
static mp_obj_t fz_funcs, fz_samples, fz_allowed;

typedef struct {
    const uint8_t *p;
    size_t n;
} rd_t;

static unsigned rd_u8(rd_t *r) {
    if (r->n == 0) {
        return 0;
    }
    r->n--;
    return *r->p++;
}

static const uint8_t *rd_bytes(rd_t *r, size_t *len) {
    size_t want = rd_u8(r);
    if (want > r->n) {
        want = r->n;
    }
    const uint8_t *p = r->p;
    r->p += want;
    r->n -= want;
    *len = want;
    return p;
}

#define FZ_CHECK(cond) do { if (!(cond)) { \
                                fprintf(stderr, "mpcyfuzz: check failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); abort(); } \
} while (0)

// Is an exception type one of the allowed ones (a tuple of classes)?
static bool fz_is_allowed(mp_obj_t type) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(fz_allowed, &n, &items);
    for (size_t i = 0; i < n; i++) {
        if (mp_obj_is_subclass_fast(type, items[i])) {
            return true;
        }
    }
    return false;
}

// An error return must come with the error indicator set, of an allowed type.
static void fz_expect_error(void) {
    PyObject *e = PyErr_Occurred();
    FZ_CHECK(e != NULL);
    if (fz_allowed != MP_OBJ_NULL && !fz_is_allowed(MPCY_OBJ(e))) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        fprintf(stderr, "mpcyfuzz: unexpected exception %s\n", qstr_str(mp_obj_get_type(MPCY_OBJ(v ? v : t))->name));
        abort();
    }
    PyErr_Clear();
}

static void fz_no_error(void) {
    FZ_CHECK(PyErr_Occurred() == NULL);
}

static bool fz_eq(mp_obj_t a, mp_obj_t b) {
    return mp_obj_equal(a, b);
}

static bool fz_lt(mp_obj_t a, mp_obj_t b) {
    return mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, a, b));
}

// A PyLong_As* answer (FAILED: it returned the error value with an error set):
// an OverflowError exactly when x does not fit the C type, otherwise x itself.
static bool fz_converted(bool failed, bool fits, mp_obj_t got, mp_obj_t x) {
    if (failed) {
        bool overflowed = PyErr_ExceptionMatches(PyExc_OverflowError);
        PyErr_Clear();
        return !fits && overflowed;
    }
    return fits && fz_eq(got, x);
}

// ---- 0: ints through every PyLong_As*
static void fz_int_checks(mp_obj_t x) {
    PyObject *px = MPCY_PY(x);
    mp_obj_t lmin = mp_obj_new_int_from_ll(LONG_MIN), lmax = mp_obj_new_int_from_ll(LONG_MAX);
    mp_obj_t umax = mp_obj_new_int_from_ull(ULONG_MAX), zero = MP_OBJ_NEW_SMALL_INT(0);
    bool fits_long = !fz_lt(x, lmin) && !fz_lt(lmax, x);
    bool fits_ulong = !fz_lt(x, zero) && !fz_lt(umax, x);

    long l = PyLong_AsLong(px);
    FZ_CHECK(fz_converted(l == -1 && PyErr_Occurred(), fits_long, mp_obj_new_int_from_ll(l), x));
    long long ll = PyLong_AsLongLong(px);
    FZ_CHECK(fz_converted(ll == -1 && PyErr_Occurred(), fits_long, mp_obj_new_int_from_ll(ll), x));
    Py_ssize_t ss = PyLong_AsSsize_t(px);
    FZ_CHECK(fz_converted(ss == -1 && PyErr_Occurred(), fits_long, mp_obj_new_int_from_ll(ss), x));
    int overflow = 7;
    l = PyLong_AsLongAndOverflow(px, &overflow);
    fz_no_error();
    if (fits_long) {
        FZ_CHECK(overflow == 0 && fz_eq(mp_obj_new_int_from_ll(l), x));
    } else {
        FZ_CHECK(l == -1 && overflow == (fz_lt(x, zero) ? -1 : 1));
    }
    overflow = 7;
    ll = PyLong_AsLongLongAndOverflow(px, &overflow);
    fz_no_error();
    FZ_CHECK(fits_long ? overflow == 0 && fz_eq(mp_obj_new_int_from_ll(ll), x) : ll == -1 && overflow != 0);
    unsigned long ul = PyLong_AsUnsignedLong(px);
    FZ_CHECK(fz_converted(ul == (unsigned long)-1 && PyErr_Occurred(), fits_ulong, mp_obj_new_int_from_ull(ul), x));
    unsigned long long ull = PyLong_AsUnsignedLongLong(px);
    FZ_CHECK(fz_converted(ull == (unsigned long long)-1 && PyErr_Occurred(), fits_ulong, mp_obj_new_int_from_ull(ull), x));
    size_t sz = PyLong_AsSize_t(px);
    FZ_CHECK(fz_converted(sz == (size_t)-1 && PyErr_Occurred(), fits_ulong, mp_obj_new_int_from_ull(sz), x));
    // The masks: x modulo 2**64, as MicroPython's own & computes it.
    mp_obj_t masked = mp_binary_op(MP_BINARY_OP_AND, x, umax);
    ul = PyLong_AsUnsignedLongMask(px);
    fz_no_error();
    FZ_CHECK(fz_eq(mp_obj_new_int_from_ull(ul), masked));
    ull = PyLong_AsUnsignedLongLongMask(px);
    fz_no_error();
    FZ_CHECK(fz_eq(mp_obj_new_int_from_ull(ull), masked));
    double d = PyLong_AsDouble(px);
    if (d == -1.0 && PyErr_Occurred()) {
        FZ_CHECK(PyErr_ExceptionMatches(PyExc_OverflowError));
        PyErr_Clear();
    } else {
        FZ_CHECK(isfinite(d));
    }
    d = PyFloat_AsDouble(px);
    if (d == -1.0 && PyErr_Occurred()) {
        FZ_CHECK(PyErr_ExceptionMatches(PyExc_OverflowError));
        PyErr_Clear();
    }
    PyObject *r = PyNumber_Index(px);
    FZ_CHECK(r != NULL && fz_eq(MPCY_OBJ(r), x));
    r = PyNumber_Long(px);
    FZ_CHECK(r != NULL && fz_eq(MPCY_OBJ(r), x));
    // decimal and hex text back to the same int
    PyObject *s = PyObject_Str(px);
    FZ_CHECK(s != NULL);
    const char *txt = PyUnicode_AsUTF8(s);
    FZ_CHECK(txt != NULL);
    char *end = NULL;
    r = PyLong_FromString(txt, &end, 10);
    FZ_CHECK(r != NULL && fz_eq(MPCY_OBJ(r), x) && end != NULL && *end == 0);
    r = PyLong_FromString(txt, NULL, 0);
    FZ_CHECK(r != NULL && fz_eq(MPCY_OBJ(r), x));
    fz_no_error();
}

static void fz_ints(rd_t *r) {
    size_t n;
    const uint8_t *b = rd_bytes(r, &n);
    mp_obj_t x = mp_obj_int_from_bytes_impl(rd_u8(r) & 1, n, b);
    if (rd_u8(r) & 1) {
        x = mp_unary_op(MP_UNARY_OP_NEGATIVE, x);
    }
    fz_int_checks(x);
}

// ---- 1: text to numbers
static void fz_text_numbers(rd_t *r) {
    unsigned base = rd_u8(r) % 40;
    size_t n;
    const uint8_t *b = rd_bytes(r, &n);
    char buf[260];
    memcpy(buf, b, n);
    buf[n] = 0;
    char *end = NULL;
    PyObject *x = PyLong_FromString(buf, &end, (int)base);
    if (x == NULL) {
        fz_expect_error();
    } else {
        fz_no_error();
        FZ_CHECK(mp_obj_is_int(MPCY_OBJ(x)));
        FZ_CHECK(end != NULL && end >= buf && end <= buf + n);
    }
    PyObject *s = PyUnicode_DecodeASCII(buf, strlen(buf), "replace");
    if (s == NULL) {
        fz_expect_error();
        return;
    }
    PyObject *f = PyFloat_FromString(s);
    if (f == NULL) {
        fz_expect_error();
    } else {
        fz_no_error();
        FZ_CHECK(PyFloat_Check(f));
    }
    x = PyNumber_Long(s); // int(text)
    if (x == NULL) {
        fz_expect_error();
    } else {
        FZ_CHECK(mp_obj_is_int(MPCY_OBJ(x)));
    }
}

// ---- 2: bytes to str and the str API
// Strict UTF-8 as CPython decodes it: no overlong forms, no surrogates
// (U+D800..U+DFFF, which MicroPython's own utf8_check lets through), nothing
// above U+10FFFF.
static bool fz_valid_utf8(const uint8_t *b, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = b[i];
        size_t k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            k = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            k = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            k = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (b[i + j] & 0xc0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (b[i + j] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += k + 1;
    }
    return true;
}

static void fz_unicode(rd_t *r) {
    unsigned sel = rd_u8(r);
    size_t n;
    const uint8_t *b = rd_bytes(r, &n);
    PyObject *s;
    switch (sel % 4) {
        case 0:
            s = PyUnicode_FromStringAndSize((const char *)b, n);
            break;
        case 1:
            s = PyUnicode_DecodeUTF8((const char *)b, n, "strict");
            break;
        case 2:
            s = PyUnicode_DecodeLatin1((const char *)b, n, NULL);
            break;
        default:
            s = PyUnicode_DecodeASCII((const char *)b, n, "strict");
            break;
    }
    if (s == NULL) {
        fz_expect_error();
        FZ_CHECK(sel % 4 != 2);
        FZ_CHECK(sel % 4 == 3 || !fz_valid_utf8(b, n));
        return;
    }
    fz_no_error();
    FZ_CHECK(PyUnicode_Check(s));
    if (sel % 4 < 2) {
        FZ_CHECK(fz_valid_utf8(b, n));
    }
    Py_ssize_t size = -1;
    const char *u = PyUnicode_AsUTF8AndSize(s, &size);
    FZ_CHECK(u != NULL && size >= 0 && u[size] == 0 && fz_valid_utf8((const uint8_t *)u, size));
    if (sel % 4 < 2) {
        FZ_CHECK((size_t)size == n && memcmp(u, b, n) == 0);
    }
    Py_ssize_t len = PyUnicode_GetLength(s);
    FZ_CHECK(len >= 0 && len <= size);
    Py_ssize_t i = (Py_ssize_t)rd_u8(r) - 128, j = (Py_ssize_t)rd_u8(r) - 128;
    PyObject *sub = PyUnicode_Substring(s, i, j);
    if (sub == NULL) {
        fz_expect_error();
        FZ_CHECK(i < 0 || j < 0);
    } else {
        FZ_CHECK(PyUnicode_GetLength(sub) <= len);
    }
    Py_UCS4 ch = rd_u8(r) | (rd_u8(r) << 8) | ((Py_UCS4)rd_u8(r) << 16);
    PyObject *o = PyUnicode_FromOrdinal((int)ch);
    if (o == NULL) {
        fz_expect_error();
        FZ_CHECK(ch > 0x10ffff);
    } else {
        FZ_CHECK(ch <= 0x10ffff && PyUnicode_GetLength(o) == 1);
        Py_ssize_t at = PyUnicode_Find(s, o, 0, len, 1);
        if (at == -2) {
            fz_expect_error();
        } else {
            FZ_CHECK(at >= -1 && at < len);
            FZ_CHECK((at >= 0) == (PyUnicode_Contains(s, o) == 1));
        }
        fz_no_error();
    }
    PyObject *enc = PyUnicode_AsASCIIString(s);
    if (enc == NULL) {
        fz_expect_error();
    }
    enc = PyUnicode_AsLatin1String(s);
    if (enc == NULL) {
        fz_expect_error();
    }
    enc = PyUnicode_AsUTF8String(s);
    FZ_CHECK(enc != NULL && PyBytes_Check(enc) && PyBytes_Size(enc) == size);
    if (len > 0) {
        PyObject *parts = PyUnicode_Split(s, sub != NULL && PyUnicode_GetLength(sub) > 0 ? sub : NULL, -1);
        FZ_CHECK(parts != NULL);
        PyObject *joined = PyUnicode_Join(sub != NULL && PyUnicode_GetLength(sub) > 0 ? sub : s, parts);
        FZ_CHECK(joined != NULL);
    }
    const char *encodings[] = {"utf-8", "ascii", "latin-1", "latin1", "utf8", "UTF-8", "utf-16", "bogus", ""};
    PyObject *bytes = PyBytes_FromStringAndSize((const char *)b, n);
    PyObject *dec = PyUnicode_FromEncodedObject(bytes, encodings[sel / 4 % 9], (sel & 0x80) ? "strict" : NULL);
    if (dec == NULL) {
        fz_expect_error();
    }
    fz_no_error();
}

// ---- 3: Py_BuildValue
static void fz_buildvalue(rd_t *r) {
    static const char int_codes[] = "ibhlBHIknLKc";
    static const char str_codes[] = "szyU";
    static const char structure[] = "()[]{}:, ";
    bool strings = rd_u8(r) & 1;
    char fmt[64];
    size_t k = 0, values = 0;
    while (r->n > 0 && k < sizeof(fmt) - 1) {
        unsigned c = rd_u8(r);
        if (c & 1 && values < 8) {
            fmt[k++] = strings ? str_codes[(c >> 1) % 4] : int_codes[(c >> 1) % 12];
            values++;
        } else {
            fmt[k++] = structure[(c >> 1) % 9];
        }
    }
    fmt[k] = 0;
    PyObject *v;
    if (strings) {
        static const char *strs[8] = {"a", "", "\xc3\xa9t\xc3\xa9", "\xff\xfe", "xyz", "0", NULL, "\x80"};
        v = Py_BuildValue(fmt, strs[0], strs[1], strs[2], strs[3], strs[4], strs[5], strs[6], strs[7]);
    } else {
        v = Py_BuildValue(fmt, 1L, -1L, 255L, 65536L, (long)INT_MAX, (long)INT_MIN, 0L, 127L);
    }
    if (v == NULL && PyErr_ExceptionMatches(PyExc_SystemError)) {
        PyErr_Clear(); // CPython's answer to a malformed format ("unmatched paren", ...)
    } else if (v == NULL) {
        fz_expect_error();
    } else {
        fz_no_error();
    }
}

// ---- 4: a Cython function with arguments made from the input
static mp_obj_t fz_value(rd_t *r, int depth) {
    unsigned c = rd_u8(r);
    size_t n, nsamples;
    mp_obj_t *samples;
    const uint8_t *b;
    switch (c % 12) {
        case 0:
            return MP_OBJ_NEW_SMALL_INT((int8_t)rd_u8(r));
        case 1:
            b = rd_bytes(r, &n);
            return (c & 0x80) ? mp_unary_op(MP_UNARY_OP_NEGATIVE, mp_obj_int_from_bytes_impl(true, n, b))
                   : mp_obj_int_from_bytes_impl(true, n, b);
        case 2: {
            uint64_t bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = bits << 8 | rd_u8(r);
            }
            double d;
            memcpy(&d, &bits, sizeof(d));
            return mp_obj_new_float(d);
        }
        case 3: {
            b = rd_bytes(r, &n);
            char buf[256];
            for (size_t i = 0; i < n; i++) {
                buf[i] = b[i] & 0x7f;
            }
            return mp_obj_new_str(buf, n);
        }
        case 4:
            b = rd_bytes(r, &n);
            return mp_obj_new_bytes(b, n);
        case 5:
            return mp_const_none;
        case 6:
            return mp_obj_new_bool(c & 0x80);
        case 7:
        case 8: {
            mp_obj_t items[4];
            size_t k = depth < 2 ? rd_u8(r) % 4 : 0;
            for (size_t i = 0; i < k; i++) {
                items[i] = fz_value(r, depth + 1);
            }
            return c % 12 == 7 ? mp_obj_new_list(k, items) : mp_obj_new_tuple(k, items);
        }
        case 9: {
            mp_obj_t d = mp_obj_new_dict(0);
            if (depth < 2 && (c & 0x80)) {
                // a hashable key: building the argument must not raise
                mp_obj_dict_store(d, MP_OBJ_NEW_SMALL_INT(rd_u8(r)), fz_value(r, depth + 1));
            }
            return d;
        }
        default:
            mp_obj_get_array(fz_samples, &nsamples, &samples);
            return nsamples ? samples[rd_u8(r) % nsamples] : mp_const_none;
    }
}

static void fz_call(rd_t *r) {
    static const qstr names[] = {MP_QSTR_a, MP_QSTR_b, MP_QSTR_c, MP_QSTR_x, MP_QSTR_y, MP_QSTR_kw, MP_QSTR_self};
    size_t nfuncs;
    mp_obj_t *funcs;
    mp_obj_get_array(fz_funcs, &nfuncs, &funcs);
    if (nfuncs == 0) {
        return;
    }
    mp_obj_t f = funcs[rd_u8(r) % nfuncs];
    unsigned shape = rd_u8(r);
    size_t n_args = shape % 6, n_kw = (shape >> 3) % 4;
    mp_obj_t args[6 + 2 * 3];
    for (size_t i = 0; i < n_args; i++) {
        args[i] = fz_value(r, 0);
    }
    for (size_t i = 0; i < n_kw; i++) {
        unsigned k = rd_u8(r);
        // mostly real parameter names (also twice), sometimes another name
        args[n_args + 2 * i] = MP_OBJ_NEW_QSTR(k < 224 ? names[k % 7] : (k & 1 ? MP_QSTR_z : MP_QSTR_));
        args[n_args + 2 * i + 1] = fz_value(r, 0);
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_call_function_n_kw(f, n_args, n_kw, args);
        nlr_pop();
    } else {
        mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
        if (!fz_is_allowed(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)))) {
            mp_obj_print_exception(&mp_plat_print, exc);
            FZ_CHECK(!"an exception of a type not allowed");
        }
    }
    // Neither a return nor a raise may leave the layer's error indicator set.
    fz_no_error();
}

// ---- 5: floats
static void fz_floats(rd_t *r) {
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) {
        bits = bits << 8 | rd_u8(r);
    }
    double d;
    memcpy(&d, &bits, sizeof(d));
    PyObject *f = PyFloat_FromDouble(d);
    FZ_CHECK(f != NULL);
    double back = PyFloat_AsDouble(f);
    FZ_CHECK(back == d || (isnan(d) && isnan(back)));
    fz_no_error();
    PyObject *i = PyLong_FromDouble(d);
    if (i == NULL) {
        fz_expect_error();
        FZ_CHECK(!isfinite(d));
    } else {
        FZ_CHECK(isfinite(d));
        fz_int_checks(MPCY_OBJ(i));
    }
}

static int fz_one(const uint8_t *data, size_t size) {
    rd_t r = {data, size};
    unsigned op = rd_u8(&r);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        switch (op % 6) {
            case 0:
                fz_ints(&r);
                break;
            case 1:
                fz_text_numbers(&r);
                break;
            case 2:
                fz_unicode(&r);
                break;
            case 3:
                fz_buildvalue(&r);
                break;
            case 4:
                fz_call(&r);
                break;
            default:
                fz_floats(&r);
                break;
        }
        nlr_pop();
    } else {
        // Layer functions return errors; a MicroPython exception escaping one is a bug.
        mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
        FZ_CHECK(!"a MicroPython exception escaped a layer call");
    }
    return 0;
}

// mpcyfuzz.run(argv, funcs, samples, allowed): libFuzzer with these options.
static mp_obj_t mpcyfuzz_run(size_t n_args, const mp_obj_t *args) {
    size_t argc_in;
    mp_obj_t *items;
    mp_obj_get_array(args[0], &argc_in, &items);
    char **argv = malloc((argc_in + 2) * sizeof(char *));
    int argc = 0;
    argv[argc++] = (char *)"mpcyfuzz";
    for (size_t i = 0; i < argc_in; i++) {
        argv[argc++] = (char *)mp_obj_str_get_str(items[i]);
    }
    argv[argc] = NULL;
    volatile mp_obj_t keep[3] = {args[1], args[2], args[3]};
    fz_funcs = args[1];
    fz_samples = args[2];
    fz_allowed = args[3];
    int rc = LLVMFuzzerRunDriver(&argc, &argv, fz_one);
    fz_funcs = fz_samples = fz_allowed = MP_OBJ_NULL;
    (void)keep;
    return MP_OBJ_NEW_SMALL_INT(rc);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcyfuzz_run_obj, 4, 4, mpcyfuzz_run);

static const mp_rom_map_elem_t mpcyfuzz_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mpcyfuzz) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&mpcyfuzz_run_obj) },
};
static MP_DEFINE_CONST_DICT(mpcyfuzz_globals, mpcyfuzz_globals_table);
const mp_obj_module_t mpcyfuzz_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mpcyfuzz_globals,
};
MP_REGISTER_MODULE(MP_QSTR_mpcyfuzz, mpcyfuzz_module);
