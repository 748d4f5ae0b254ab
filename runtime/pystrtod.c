// String to number conversions and formatting of the OS layer (PyOS_*).
#include "mpcy.h"

double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception) {
    (void)overflow_exception;
    char *end;
    double d = strtod(s, &end);
    if (endptr != NULL) {
        *endptr = end;
    } else if (*end != '\0' || end == s) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%s'", s);
        return -1.0;
    }
    return d;
}

int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va) {
    return vsnprintf(str, size, format, va);
}

int PyOS_snprintf(char *str, size_t size, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int n = vsnprintf(str, size, format, va);
    va_end(va);
    return n;
}
