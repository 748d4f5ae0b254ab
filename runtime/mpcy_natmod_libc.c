// The natmod flavour (runtime/mpcy_natmod.c): the C library a natmod links
// without (mpy_ld has no libc): memory and string functions, errno's texts,
// the clock, strtod and the libm functions of the firmware's float() and
// math module (snprintf is in mpcy_natmod_py.c, with MicroPython's printer).
// Empty in every other build.
#include "mpcy.h"

#ifdef MPCY_NATMOD

// ---- py/mphal.h's clock (thread.c's lock timeouts): the time module's ----------
static mp_obj_t mpcy_natmod_time(qstr fun, size_t n_args, mp_obj_t *args) {
    mp_obj_t time = mp_import_name(MP_QSTR_time, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(time, fun), n_args, 0, args);
}

mp_uint_t mp_hal_ticks_us(void) {
    return mp_obj_get_int_truncated(mpcy_natmod_time(MP_QSTR_ticks_us, 0, NULL));
}

void mp_hal_delay_us(mp_uint_t us) {
    mp_obj_t arg = mp_obj_new_int_from_uint(us);
    mpcy_natmod_time(MP_QSTR_sleep_us, 1, &arg);
}

// ---- More of the C library ------------------------------------------------------
int strncmp(const char *a, const char *b, size_t n) {
    for (; n > 0; a++, b++, n--) {
        if (*a != *b || !*a) {
            return (unsigned char)*a - (unsigned char)*b;
        }
    }
    return 0;
}

// A natmod cannot end the process: Py_FatalError (after its message) raises
// SystemExit instead (docs/embedded.md).
void abort(void) {
    nlr_raise(mp_obj_new_exception_msg(&mp_type_SystemExit, MP_ERROR_TEXT("Fatal Python error (abort)")));
}

// IEEE 754 doubles (MICROPY_FLOAT_IMPL_DOUBLE, driver/natmod.py): 2**52 and
// above, infinities and NaNs are whole already.
double floor(double x) {
    if (!(x > -4503599627370496.0 && x < 4503599627370496.0) || x == 0) {
        return x;
    }
    double t = (double)(long long)x;
    return t > x ? t - 1 : t;
}

double frexp(double x, int *e) {
    union { double d;
            uint64_t u;
    } v = { x };
    int ex = (v.u >> 52) & 0x7ff;
    if (ex == 0x7ff || x == 0) {
        *e = 0;
        return x;
    }
    if (ex == 0) {
        // subnormal: scaled into the normal range first
        v.d = x * 18446744073709551616.0;
        ex = (int)((v.u >> 52) & 0x7ff) - 64;
    }
    *e = ex - 1022;
    v.u = (v.u & 0x800fffffffffffffULL) | (0x3feULL << 52);
    return v.d;
}

bool unichar_isxdigit(unichar c) {
    return unichar_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

mp_uint_t unichar_xdigit_value(unichar c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

// ---- strtod and libm: the firmware's float() and math module --------------------
// (armv7m links newlib's libm instead: driver/natmod.py)
static bool mpcy_natmod_word(const char **p, const char *w) {
    size_t i = 0;
    for (; w[i]; i++) {
        if (((*p)[i] | 0x20) != w[i]) {
            return false;
        }
    }
    *p += i;
    return true;
}

static bool mpcy_natmod_digits(const char **p) {
    const char *s = *p;
    while (**p >= '0' && **p <= '9') {
        (*p)++;
    }
    return *p > s;
}

// The longest prefix of S that is a decimal number (as C's strtod; no hex),
// its value by the firmware's float().
double strtod(const char *s, char **end) {
    const char *p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
        p++;
    }
    const char *start = p;
    if (*p == '+' || *p == '-') {
        p++;
    }
    if (mpcy_natmod_word(&p, "inf")) {
        mpcy_natmod_word(&p, "inity");
    } else if (!mpcy_natmod_word(&p, "nan")) {
        bool whole = mpcy_natmod_digits(&p);
        bool frac = false;
        if (*p == '.') {
            p++;
            frac = mpcy_natmod_digits(&p);
            if (!whole && !frac) {
                p--;
            }
        }
        if (!whole && !frac) {
            if (end) {
                *end = (char *)s;
            }
            return 0;
        }
        if (*p == 'e' || *p == 'E') {
            const char *e = p + 1;
            if (*e == '+' || *e == '-') {
                e++;
            }
            if (mpcy_natmod_digits(&e)) {
                p = e;
            }
        }
    }
    if (end) {
        *end = (char *)p;
    }
    // Copied first: S may be in a GC block only an inner pointer reaches,
    // which the collector does not keep, and the str is an allocation.
    size_t n = p - start;
    char buf[n <= 512 ? n : 1];
    if (n <= 512) {
        memcpy(buf, start, n);
        start = buf;
    }
    mp_obj_t text = mp_obj_new_str(start, n);
    return mp_obj_get_float(mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_float), 1, 0, &text));
}

#if !defined(__arm__)
// math.FUN(X...); where the firmware raises, C's value: NaN for a domain
// error (ValueError), infinity for a range error (OverflowError).
static double mpcy_natmod_math(qstr fun, size_t n, double x, double y) {
    mp_obj_t args[2] = { mp_obj_new_float(x), mp_obj_new_float(y) };
    mp_obj_t math = mp_import_name(MP_QSTR_math, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t f = mp_load_attr(math, fun), r = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, r = mp_call_function_n_kw(f, n, 0, args));
    if (exc == MP_OBJ_NULL) {
        return mp_obj_get_float(r);
    }
    mp_obj_t t = MP_OBJ_FROM_PTR(mp_obj_get_type(exc));
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_OverflowError))) {
        return __builtin_inf();
    }
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_ValueError))) {
        return __builtin_nan("");
    }
    nlr_raise(exc);
}

double pow(double x, double y) {
    return mpcy_natmod_math(MP_QSTR_pow, 2, x, y);
}

double fmod(double x, double y) {
    return mpcy_natmod_math(MP_QSTR_fmod, 2, x, y);
}

double atan2(double y, double x) {
    return mpcy_natmod_math(MP_QSTR_atan2, 2, y, x);
}

double sqrt(double x) {
    return mpcy_natmod_math(MP_QSTR_sqrt, 1, x, 0);
}

double exp(double x) {
    return mpcy_natmod_math(MP_QSTR_exp, 1, x, 0);
}

double log(double x) {
    return x == 0 ? -__builtin_inf() : mpcy_natmod_math(MP_QSTR_log, 1, x, 0);
}

double ceil(double x) {
    return -floor(-x);
}

void sincos(double x, double *s, double *c) {
    *s = mpcy_natmod_math(MP_QSTR_sin, 1, x, 0);
    *c = mpcy_natmod_math(MP_QSTR_cos, 1, x, 0);
}
#endif

#endif // MPCY_NATMOD
