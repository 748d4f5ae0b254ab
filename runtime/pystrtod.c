// String to number conversions and formatting of the OS layer (PyOS_*).
#include "mpcy.h"
#include <math.h>
#include "py/unicode.h"

// The end of the decimal number at the start of s as CPython's _Py_dg_strtod
// reads one: [sign] digits [. [digits]] or [sign] . digits, then an exponent
// e [sign] digits if there is one; s when there is none.
static const char *mpcy_decimal_end(const char *s) {
    const char *p = s + (*s == '+' || *s == '-');
    const char *digits = p;
    while (unichar_isdigit(*p)) {
        p++;
    }
    bool any = p > digits;
    if (*p == '.') {
        const char *frac = ++p;
        while (unichar_isdigit(*p)) {
            p++;
        }
        any = any || p > frac;
    }
    if (!any) {
        return s;
    }
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        q += *q == '+' || *q == '-';
        if (unichar_isdigit(*q)) {
            while (unichar_isdigit(*q)) {
                q++;
            }
            p = q;
        }
    }
    return p;
}

// Does s start with `word` (lower case), in any case?
static bool mpcy_starts_nocase(const char *s, const char *word) {
    for (; *word != '\0'; s++, word++) {
        if (unichar_tolower((byte) * s) != (unichar) * word) {
            return false;
        }
    }
    return true;
}

// [sign] inf, infinity or nan in any case (_Py_parse_inf_or_nan): the end of
// it with the value in *x, or s.
static const char *mpcy_inf_nan_end(const char *s, double *x) {
    const char *p = s + (*s == '+' || *s == '-');
    double sign = *s == '-' ? -1.0 : 1.0;
    if (mpcy_starts_nocase(p, "inf")) {
        *x = sign * (double)INFINITY;
        return p + (mpcy_starts_nocase(p, "infinity") ? 8 : 3);
    }
    if (mpcy_starts_nocase(p, "nan")) {
        *x = copysign((double)NAN, sign);
        return p + 3;
    }
    return s;
}

// The C library's strtod (correctly rounded on the hosts) on exactly s..end,
// a decimal number: a copy stops it where it would read further (glibc's
// hexadecimal "0x..."). -1 with MemoryError set when there is no memory for it.
static int mpcy_strtod(const char *s, const char *end, double *x) {
    char *stop;
    *x = strtod(s, &stop);
    if (stop == end) {
        return 0;
    }
    size_t n = end - s;
    char small[64];
    char *copy = n < sizeof(small) ? small : PyMem_RawMalloc(n + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    *x = strtod(copy, NULL);
    if (copy != small) {
        PyMem_RawFree(copy);
    }
    return 0;
}

// CPython's: a decimal number, inf or nan at the start of s (no white space
// before it), correctly rounded; hexadecimal forms are not taken. An
// overflow gives +-inf, or raises overflow_exception when one is given.
double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception) {
    double x = -1.0;
    const char *end = mpcy_decimal_end(s);
    bool overflow = false;
    if (end != s) {
        if (mpcy_strtod(s, end, &x) < 0) {
            end = s;
            x = -1.0;
            goto done;
        }
        overflow = isinf(x);
    } else {
        end = mpcy_inf_nan_end(s, &x);
    }
    if (end == s || (endptr == NULL && *end != '\0')) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
        x = -1.0;
    } else if (overflow && overflow_exception != NULL) {
        PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
        x = -1.0;
    }
done:
    if (endptr != NULL) {
        *endptr = (char *)end;
    }
    return x;
}

int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va) {
    return vsnprintf(str, size, format, va);
}

MPCY_DEFINE_SNPRINTF(PyOS_snprintf)
