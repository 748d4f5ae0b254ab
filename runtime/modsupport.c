// Building values from a format (modsupport.h's Py_BuildValue). Parsing
// arguments: getargs.c.
#include "mpcy.h"

// Py_BuildValue: one value per format code; (...) tuples, [...] lists and
// {k:v, ...} dicts nest. NULL with the error set on failure.
static PyObject *mpcy_build_one(const char **fmt, va_list *va);

static bool mpcy_build_sep(char c) {
    return c == ',' || c == ' ' || c == ':' || c == '\t';
}

// The items up to `close` ('\0': the end of the format) as a tuple, a list
// (']') or a dict ('}').
static PyObject *mpcy_build_seq(const char **fmt, va_list *va, char close) {
    PyObject *items = PyList_New(0);
    if (items == NULL) {
        return NULL;
    }
    while (**fmt && **fmt != close) {
        if (mpcy_build_sep(**fmt)) {
            (*fmt)++;
            continue;
        }
        PyObject *o = mpcy_build_one(fmt, va);
        if (o == NULL || PyList_Append(items, o) < 0) {
            return NULL;
        }
    }
    if (**fmt != close) {
        PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        return NULL;
    }
    if (close != '\0') {
        (*fmt)++;
    }
    if (close == ']') {
        return items;
    }
    if (close != '}') {
        return PyList_AsTuple(items);
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    PyObject *d = n % 2 ? NULL : PyDict_New();
    if (n % 2) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
    }
    for (Py_ssize_t i = 0; d != NULL && i < n; i += 2) {
        if (PyDict_SetItem(d, PyList_GET_ITEM(items, i), PyList_GET_ITEM(items, i + 1)) < 0) {
            d = NULL;
        }
    }
    return d;
}

static PyObject *mpcy_build_one(const char **fmt, va_list *va) {
    char c = *(*fmt)++;
    switch (c) {
        case '(':
            return mpcy_build_seq(fmt, va, ')');
        case '[':
            return mpcy_build_seq(fmt, va, ']');
        case '{':
            return mpcy_build_seq(fmt, va, '}');
        case 'O':
        case 'S':
        case 'N': {
            PyObject *o;
            if (**fmt == '&') {
                // O&: a converter function and its argument.
                (*fmt)++;
                PyObject *(*conv)(void *) = va_arg(*va, PyObject * (*)(void *));
                o = MPCY_NO_RAISE(conv(va_arg(*va, void *))); // C: it returns its errors
            } else {
                o = va_arg(*va, PyObject *);
            }
            if (o == NULL && !PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
            }
            return o;
        }
        case 'i':
        case 'b':
        case 'h':
        case 'B':
        case 'H':
            return PyLong_FromLong(va_arg(*va, int));
        case 'I':
            return PyLong_FromUnsignedLong(va_arg(*va, unsigned int));
        case 'l':
            return PyLong_FromLong(va_arg(*va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*va, unsigned long long));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*va, Py_ssize_t));
        case 'd':
        case 'f':
            return PyFloat_FromDouble(va_arg(*va, double));
        case 'p':
            return PyBool_FromLong(va_arg(*va, int));
        case 'c': {
            char ch = (char)va_arg(*va, int);
            return PyBytes_FromStringAndSize(&ch, 1);
        }
        case 'C':
            return PyUnicode_FromOrdinal(va_arg(*va, int));
        case 's':
        case 'z':
        case 'U':
        case 'y': {
            const char *s = va_arg(*va, const char *);
            Py_ssize_t n = -1;
            if (**fmt == '#') {
                (*fmt)++;
                n = va_arg(*va, Py_ssize_t);
            }
            if (s == NULL) {
                return Py_None;
            }
            if (n < 0) {
                n = strlen(s);
            }
            return c == 'y' ? PyBytes_FromStringAndSize(s, n) : PyUnicode_FromStringAndSize(s, n);
        }
        default:
            break;
    }
    PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
    return NULL;
}

PyObject *Py_VaBuildValue(const char *format, va_list va) {
    MPCY_CHECK_INIT("Py_VaBuildValue");
    va_list ap;
    va_copy(ap, va);
    const char *f = format;
    PyObject *r;
    // Several top-level items make a tuple, as in CPython.
    size_t count = 0;
    int depth = 0;
    for (const char *p = format; *p; p++) {
        if (*p == '(' || *p == '[' || *p == '{') {
            if (depth++ == 0) {
                count++;
            }
        } else if (*p == ')' || *p == ']' || *p == '}') {
            depth--;
        } else if (depth == 0 && *p != '#' && *p != '&' && !mpcy_build_sep(*p)) {
            count++;
        }
    }
    if (count == 0) {
        r = Py_None;
    } else if (count == 1) {
        while (mpcy_build_sep(*f)) {
            f++;
        }
        r = mpcy_build_one(&f, &ap);
    } else {
        r = mpcy_build_seq(&f, &ap, '\0');
    }
    va_end(ap);
    return r;
}

PyObject *Py_BuildValue(const char *format, ...) {
    MPCY_CHECK_INIT("Py_BuildValue");
    va_list va;
    va_start(va, format);
    PyObject *r = Py_VaBuildValue(format, va);
    va_end(va);
    return r;
}
