// C library functions missing on MicroPython ports linked with -nostdlib
// (see micropython.mk).  Kept minimal: each is here because a link failed.
// All weak: a port's own definition wins.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <errno.h>
#include "py/runtime.h"

MP_WEAK char *strrchr(const char *s, int c) {
    const char *last = NULL;
    for (;; s++) {
        if (*s == (char)c) {
            last = s;
        }
        if (*s == '\0') {
            return (char *)last;
        }
    }
}

// strtod for PyOS_string_to_double (Cython's float(str)).  Decimal and
// inf/nan forms; exact when the significand has at most 15 digits and the
// decimal exponent is within +-22 (Clinger's fast path: both are exact
// doubles), otherwise within a few units in the last place.
static int lower(int c) {
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int match(const char *s, const char *word) {
    for (; *word; s++, word++) {
        if (lower((unsigned char)*s) != *word) {
            return 0;
        }
    }
    return 1;
}

MP_WEAK double strtod(const char *s, char **endptr) {
    static const double pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    const char *p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
        p++;
    }
    int neg = 0;
    if (*p == '+' || *p == '-') {
        neg = *p++ == '-';
    }
    double r;
    if (match(p, "infinity") || match(p, "inf")) {
        p += match(p, "infinity") ? 8 : 3;
        r = (double)INFINITY;
    } else if (match(p, "nan")) {
        p += 3;
        r = (double)NAN;
    } else {
        uint64_t mant = 0;
        int digits = 0, exp10 = 0, any = 0;
        for (; *p >= '0' && *p <= '9'; p++, any = 1) {
            if (digits < 19) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                digits += mant != 0;
            } else {
                exp10++;
            }
        }
        if (*p == '.') {
            p++;
            for (; *p >= '0' && *p <= '9'; p++, any = 1) {
                if (digits < 19) {
                    mant = mant * 10 + (uint64_t)(*p - '0');
                    digits += mant != 0;
                    exp10--;
                }
            }
        }
        if (!any) {
            if (endptr) {
                *endptr = (char *)s;
            }
            return 0.0;
        }
        if (*p == 'e' || *p == 'E') {
            const char *q = p + 1;
            int eneg = 0, e = 0;
            if (*q == '+' || *q == '-') {
                eneg = *q++ == '-';
            }
            if (*q >= '0' && *q <= '9') {
                for (; *q >= '0' && *q <= '9'; q++) {
                    if (e < 100000) {
                        e = e * 10 + (*q - '0');
                    }
                }
                exp10 += eneg ? -e : e;
                p = q;
            }
        }
        r = (double)mant;
        if (mant == 0) {
            // zero, whatever the exponent
        } else if (mant < (1ULL << 53) && exp10 >= -22 && exp10 <= 22) {
            r = exp10 < 0 ? r / pow10[-exp10] : r * pow10[exp10];
        } else {
            // scale in steps of 1e22 (exact), then the rest
            while (exp10 > 22 && r < 1e308) {
                r *= 1e22;
                exp10 -= 22;
            }
            while (exp10 < -22 && r > 1e-300) {
                r /= 1e22;
                exp10 += 22;
            }
            if (exp10 > 22 || exp10 < -22) {
                r = exp10 > 0 ? (double)INFINITY : 0.0;
            } else {
                r = exp10 < 0 ? r / pow10[-exp10] : r * pow10[exp10];
            }
        }
    }
    if (endptr) {
        *endptr = (char *)p;
    }
    return neg ? -r : r;
}

// strerror for PyErr_SetFromErrno (errno values: newlib's, as the layer sees them): glibc's wording for the common codes.
MP_WEAK char *strerror(int code) {
    static const struct { int code;
                          const char *text;
    } texts[] = {
        { EPERM, "Operation not permitted" }, { ENOENT, "No such file or directory" },
        { ESRCH, "No such process" }, { EINTR, "Interrupted system call" },
        { EIO, "Input/output error" }, { EBADF, "Bad file descriptor" },
        { ECHILD, "No child processes" }, { EAGAIN, "Resource temporarily unavailable" },
        { ENOMEM, "Cannot allocate memory" }, { EACCES, "Permission denied" },
        { EEXIST, "File exists" }, { ENODEV, "No such device" },
        { ENOTDIR, "Not a directory" }, { EISDIR, "Is a directory" },
        { EINVAL, "Invalid argument" }, { ENOSPC, "No space left on device" },
        { EPIPE, "Broken pipe" }, { EDOM, "Numerical argument out of domain" },
        { ERANGE, "Numerical result out of range" }, { EALREADY, "Operation already in progress" },
        { EINPROGRESS, "Operation now in progress" }, { ECONNABORTED, "Software caused connection abort" },
        { ECONNRESET, "Connection reset by peer" }, { ECONNREFUSED, "Connection refused" },
        { ETIMEDOUT, "Connection timed out" }, { ENOTCONN, "Transport endpoint is not connected" },
    };
    static char unknown[32];
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        if (texts[i].code == code) {
            return (char *)texts[i].text;
        }
    }
    // "Unknown error N" without printf (there is no C library)
    char digits[12];
    size_t n = 0;
    unsigned u = code < 0 ? 0u - (unsigned)code : (unsigned)code;
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    char *p = stpcpy(unknown, "Unknown error ");
    if (code < 0) {
        *p++ = '-';
    }
    while (n) {
        *p++ = digits[--n];
    }
    *p = '\0';
    return unknown;
}
