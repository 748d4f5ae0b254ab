// Argument parsing for hand-written C functions (PyArg_Parse*), with the
// error messages and exception types of CPython 3.11's Python/getargs.c.
// Units: b B h H i I l k L K n f d c C p s s# z z# y y# S Y U O O! O&,
// nested (...), and | $ : ; . Buffer units (s* y* w*), es/et and D raise
// SystemError naming the unit.
#include "mpcy.h"

#define MPCY_MSGBUF 512
#define MPCY_LEVELS 32

static const char *mpcy_convertitem(PyObject *arg, const char **p_format, va_list *p_va,
    int *levels, char *msgbuf, size_t bufsize);

static const char *mpcy_tname(PyObject *arg) {
    return arg == Py_None ? "None" : mpcy_type_name(mp_obj_get_type(MPCY_OBJ(arg)));
}

static const char *mpcy_converterr(const char *expected, PyObject *arg, char *msgbuf, size_t bufsize) {
    if (expected[0] == '(') {
        snprintf(msgbuf, bufsize, "%.100s", expected);
    } else {
        snprintf(msgbuf, bufsize, "must be %.50s, not %.50s", expected, mpcy_tname(arg));
    }
    return msgbuf;
}

static void mpcy_seterror(Py_ssize_t iarg, const char *msg, int *levels, const char *fname, const char *message) {
    char buf[512];
    char *p = buf;
    if (PyErr_Occurred()) {
        return;
    }
    if (message == NULL) {
        buf[0] = '\0';
        if (fname != NULL) {
            snprintf(p, sizeof(buf), "%.200s() ", fname);
            p += strlen(p);
        }
        if (iarg != 0) {
            snprintf(p, sizeof(buf) - (p - buf), "argument %d", (int)iarg);
            p += strlen(p);
            for (int i = 0; i < MPCY_LEVELS && levels[i] > 0 && (int)(p - buf) < 220; i++) {
                snprintf(p, sizeof(buf) - (p - buf), ", item %d", levels[i] - 1);
                p += strlen(p);
            }
        } else {
            snprintf(p, sizeof(buf) - (p - buf), "argument");
            p += strlen(p);
        }
        snprintf(p, sizeof(buf) - (p - buf), " %.256s", msg);
        message = buf;
    }
    PyErr_SetString(msg[0] == '(' ? PyExc_SystemError : PyExc_TypeError, message);
}

// The function name after ':' (or NULL) and the custom message after ';' (or NULL).
static void mpcy_fname(const char *format, const char **fname, const char **message) {
    *fname = strchr(format, ':');
    *message = NULL;
    if (*fname) {
        (*fname)++;
    } else {
        *message = strchr(format, ';');
        if (*message) {
            (*message)++;
        }
    }
}

// The bytes of a read-only bytes-like object (bytes, or any MicroPython
// buffer but str and bytearray), or NULL.
static const char *mpcy_bytes_like(PyObject *arg, Py_ssize_t *len, bool allow_bytearray) {
    mp_obj_t o = MPCY_OBJ(arg);
    if (PyUnicode_Check(arg) || (!allow_bytearray && PyByteArray_Check(arg))) {
        return NULL;
    }
    mp_buffer_info_t bi;
    if (!mp_get_buffer(o, &bi, MP_BUFFER_READ)) {
        return NULL;
    }
    *len = bi.len;
    return bi.buf;
}

// A bytearray is writable (CPython: it has a releasebuffer); anything
// else without the buffer protocol fails the way PyObject_GetBuffer does.
static const char *mpcy_bytes_err(PyObject *arg, char *msgbuf, size_t bufsize) {
    if (PyByteArray_Check(arg)) {
        return mpcy_converterr("read-only bytes-like object", arg, msgbuf, bufsize);
    }
    PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%s'", mpcy_tname(arg));
    return msgbuf;
}

// ARG as a C long in [LO, HI]; CPython's OverflowError naming WHAT outside it.
static bool mpcy_long_in(PyObject *arg, long lo, long hi, const char *what, long *out) {
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return false;
    }
    if (v < lo || v > hi) {
        PyErr_Format(PyExc_OverflowError, "%s is %s than %s", what,
            v < lo ? "less" : "greater", v < lo ? "minimum" : "maximum");
        return false;
    }
    *out = v;
    return true;
}

static const char *mpcy_convertsimple(PyObject *arg, const char **p_format, va_list *p_va,
    char *msgbuf, size_t bufsize) {
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
        case 'b': {
            long v;
            if (!mpcy_long_in(arg, 0, UCHAR_MAX, "unsigned byte integer", &v)) {
                return msgbuf;
            }
            *va_arg(*p_va, char *) = (char)(unsigned char)v;
            break;
        }
        case 'B':
        case 'H':
        case 'I': {
            void *p = va_arg(*p_va, void *);
            unsigned long v = PyLong_AsUnsignedLongMask(arg);
            if (v == (unsigned long)-1 && PyErr_Occurred()) {
                return msgbuf;
            }
            if (c == 'B') {
                *(unsigned char *)p = (unsigned char)v;
            } else if (c == 'H') {
                *(unsigned short *)p = (unsigned short)v;
            } else {
                *(unsigned int *)p = (unsigned int)v;
            }
            break;
        }
        case 'h': {
            long v;
            if (!mpcy_long_in(arg, SHRT_MIN, SHRT_MAX, "signed short integer", &v)) {
                return msgbuf;
            }
            *va_arg(*p_va, short *) = (short)v;
            break;
        }
        case 'i': {
            long v;
            if (!mpcy_long_in(arg, INT_MIN, INT_MAX, "signed integer", &v)) {
                return msgbuf;
            }
            *va_arg(*p_va, int *) = (int)v;
            break;
        }
        case 'n': {
            Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
            Py_ssize_t v = -1;
            PyObject *i = PyNumber_Index(arg);
            if (i != NULL) {
                v = PyLong_AsSsize_t(i);
            }
            if (v == -1 && PyErr_Occurred()) {
                return msgbuf;
            }
            *p = v;
            break;
        }
        case 'l': {
            long *p = va_arg(*p_va, long *);
            long v = PyLong_AsLong(arg);
            if (v == -1 && PyErr_Occurred()) {
                return msgbuf;
            }
            *p = v;
            break;
        }
        case 'k': {
            unsigned long *p = va_arg(*p_va, unsigned long *);
            if (!PyLong_Check(arg)) {
                return mpcy_converterr("int", arg, msgbuf, bufsize);
            }
            *p = PyLong_AsUnsignedLongMask(arg);
            break;
        }
        case 'L': {
            long long *p = va_arg(*p_va, long long *);
            long long v = PyLong_AsLongLong(arg);
            if (v == -1 && PyErr_Occurred()) {
                return msgbuf;
            }
            *p = v;
            break;
        }
        case 'K': {
            unsigned long long *p = va_arg(*p_va, unsigned long long *);
            if (!PyLong_Check(arg)) {
                return mpcy_converterr("int", arg, msgbuf, bufsize);
            }
            *p = PyLong_AsUnsignedLongLongMask(arg);
            break;
        }
        case 'f':
        case 'd': {
            void *p = va_arg(*p_va, void *);
            double v = PyFloat_AsDouble(arg);
            if (v == -1.0 && PyErr_Occurred()) {
                return msgbuf;
            }
            if (c == 'f') {
                *(float *)p = (float)v;
            } else {
                *(double *)p = v;
            }
            break;
        }
        case 'c': {
            char *p = va_arg(*p_va, char *);
            mp_obj_t o = MPCY_OBJ(arg);
            mp_buffer_info_t bi;
            if ((PyBytes_Check(arg) || PyByteArray_Check(arg)) && mp_get_buffer(o, &bi, MP_BUFFER_READ) && bi.len == 1) {
                *p = ((const char *)bi.buf)[0];
            } else {
                return mpcy_converterr("a byte string of length 1", arg, msgbuf, bufsize);
            }
            break;
        }
        case 'C': {
            int *p = va_arg(*p_va, int *);
            if (!PyUnicode_Check(arg) || PyUnicode_GetLength(arg) != 1) {
                return mpcy_converterr("a unicode character", arg, msgbuf, bufsize);
            }
            *p = (int)PyUnicode_ReadChar(arg, 0);
            break;
        }
        case 'p': {
            int *p = va_arg(*p_va, int *);
            int v = PyObject_IsTrue(arg);
            if (v < 0) {
                return msgbuf;
            }
            *p = v;
            break;
        }
        case 'y': {
            if (*format == '*') {
                return mpcy_converterr("(y* is not supported by mpcython)", arg, msgbuf, bufsize);
            }
            const char **p = va_arg(*p_va, const char **);
            Py_ssize_t len;
            const char *s = mpcy_bytes_like(arg, &len, false);
            if (s == NULL) {
                return mpcy_bytes_err(arg, msgbuf, bufsize);
            }
            *p = s;
            if (*format == '#') {
                *va_arg(*p_va, Py_ssize_t *) = len;
                format++;
            } else if (strlen(s) != (size_t)len) {
                PyErr_SetString(PyExc_ValueError, "embedded null byte");
                return msgbuf;
            }
            break;
        }
        case 's':
        case 'z': {
            if (*format == '*') {
                return mpcy_converterr(c == 's' ? "(s* is not supported by mpcython)"
                    : "(z* is not supported by mpcython)", arg, msgbuf, bufsize);
            }
            const char **p = va_arg(*p_va, const char **);
            if (*format == '#') {
                Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
                format++;
                if (c == 'z' && arg == Py_None) {
                    *p = NULL;
                    *psize = 0;
                } else if (PyUnicode_Check(arg)) {
                    *p = PyUnicode_AsUTF8AndSize(arg, psize);
                    if (*p == NULL) {
                        return mpcy_converterr("(unicode conversion error)", arg, msgbuf, bufsize);
                    }
                } else {
                    Py_ssize_t len;
                    const char *s = mpcy_bytes_like(arg, &len, false);
                    if (s == NULL) {
                        return mpcy_bytes_err(arg, msgbuf, bufsize);
                    }
                    *p = s;
                    *psize = len;
                }
            } else if (c == 'z' && arg == Py_None) {
                *p = NULL;
            } else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
                if (s == NULL) {
                    return mpcy_converterr("(unicode conversion error)", arg, msgbuf, bufsize);
                }
                if (strlen(s) != (size_t)len) {
                    PyErr_SetString(PyExc_ValueError, "embedded null character");
                    return msgbuf;
                }
                *p = s;
            } else {
                return mpcy_converterr(c == 'z' ? "str or None" : "str", arg, msgbuf, bufsize);
            }
            break;
        }
        case 'S':
        case 'Y':
        case 'U': {
            PyObject **p = va_arg(*p_va, PyObject * *);
            bool ok = c == 'S' ? PyBytes_Check(arg) : c == 'Y' ? PyByteArray_Check(arg) : PyUnicode_Check(arg);
            if (!ok) {
                return mpcy_converterr(c == 'S' ? "bytes" : c == 'Y' ? "bytearray" : "str", arg, msgbuf, bufsize);
            }
            *p = arg;
            break;
        }
        case 'O': {
            if (*format == '!') {
                PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
                PyObject **p = va_arg(*p_va, PyObject * *);
                format++;
                if (!PyType_IsSubtype(Py_TYPE(arg), type)) {
                    return mpcy_converterr(mpcy_type_name(type), arg, msgbuf, bufsize);
                }
                *p = arg;
            } else if (*format == '&') {
                int (*convert)(PyObject *, void *) = va_arg(*p_va, int (*)(PyObject *, void *));
                void *addr = va_arg(*p_va, void *);
                format++;
                if (!MPCY_NO_RAISE(convert(arg, addr))) { // C: it returns its errors
                    return mpcy_converterr("(unspecified)", arg, msgbuf, bufsize);
                }
            } else {
                *va_arg(*p_va, PyObject * *) = arg;
            }
            break;
        }
        case 'e':
            return mpcy_converterr("(es/et are not supported by mpcython)", arg, msgbuf, bufsize);
        case 'w':
            return mpcy_converterr("(w* is not supported by mpcython)", arg, msgbuf, bufsize);
        case 'D':
            return mpcy_converterr("(D is not supported by mpcython)", arg, msgbuf, bufsize);
        default:
            return mpcy_converterr("(impossible<bad format char>)", arg, msgbuf, bufsize);
    }
    *p_format = format;
    return NULL;
}

static const char *mpcy_converttuple(PyObject *arg, const char **p_format, va_list *p_va,
    int *levels, char *msgbuf, size_t bufsize) {
    int level = 0;
    int n = 0;
    const char *format = *p_format;
    for (;;) {
        int c = *format++;
        if (c == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        } else if (c == ')') {
            if (level == 0) {
                break;
            }
            level--;
        } else if (c == ':' || c == ';' || c == '\0') {
            break;
        } else if (level == 0 && unichar_isalpha(c)) {
            n++;
        }
    }
    if (!PySequence_Check(arg) || PyBytes_Check(arg) || PyUnicode_Check(arg)) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be %d-item sequence, not %.50s", n, mpcy_tname(arg));
        return msgbuf;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be sequence of length %d, not %d", n, (int)len);
        return msgbuf;
    }
    format = *p_format;
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[0] = i + 1;
            levels[1] = 0;
            snprintf(msgbuf, bufsize, "is not retrievable");
            return msgbuf;
        }
        const char *msg = mpcy_convertitem(item, &format, p_va, levels + 1, msgbuf, bufsize);
        if (msg != NULL) {
            levels[0] = i + 1;
            return msg;
        }
    }
    *p_format = format;
    return NULL;
}

static const char *mpcy_convertitem(PyObject *arg, const char **p_format, va_list *p_va,
    int *levels, char *msgbuf, size_t bufsize) {
    const char *msg;
    const char *format = *p_format;
    if (*format == '(') {
        format++;
        msg = mpcy_converttuple(arg, &format, p_va, levels, msgbuf, bufsize);
        if (msg == NULL) {
            format++;
        }
    } else {
        msg = mpcy_convertsimple(arg, &format, p_va, msgbuf, bufsize);
        if (msg != NULL) {
            levels[0] = 0;
        }
    }
    if (msg == NULL) {
        *p_format = format;
    }
    return msg;
}

// PyArg_ParseTuple (compat = false) and PyArg_Parse (compat = true: one object).
static int mpcy_vgetargs(PyObject *args, const char *format, va_list *p_va, bool compat) {
    char msgbuf[MPCY_MSGBUF];
    int levels[MPCY_LEVELS];
    const char *fname = NULL, *message = NULL;
    int min = -1, max = 0, level = 0;
    const char *formatsave = format;
    for (bool end = false; !end;) {
        int c = *format++;
        switch (c) {
            case '(':
                if (level == 0) {
                    max++;
                }
                level++;
                break;
            case ')':
                if (level == 0) {
                    Py_FatalError("excess ')' in getargs format");
                }
                level--;
                break;
            case '\0':
                end = true;
                break;
            case ':':
                fname = format;
                end = true;
                break;
            case ';':
                message = format;
                end = true;
                break;
            case '|':
                if (level == 0) {
                    min = max;
                }
                break;
            default:
                if (level == 0 && unichar_isalpha(c) && c != 'e') {
                    max++;
                }
                break;
        }
    }
    if (level != 0) {
        Py_FatalError("missing ')' in getargs format");
    }
    if (min < 0) {
        min = max;
    }
    format = formatsave;
    if (compat) {
        if (max == 0) {
            if (args == NULL) {
                return 1;
            }
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
            return 0;
        } else if (min == 1 && max == 1) {
            if (args == NULL) {
                PyErr_Format(PyExc_TypeError, "%.200s%s takes at least one argument",
                    fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
                return 0;
            }
            const char *msg = mpcy_convertitem(args, &format, p_va, levels, msgbuf, sizeof(msgbuf));
            if (msg == NULL) {
                return 1;
            }
            mpcy_seterror(levels[0], msg, levels + 1, fname, message);
            return 0;
        }
        PyErr_SetString(PyExc_SystemError, "old style getargs format uses new features");
        return 0;
    }
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < min || max < nargs) {
        if (message == NULL) {
            int n = nargs < min ? min : max;
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%d given)",
                fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                min == max ? "exactly" : nargs < min ? "at least" : "at most",
                n, n == 1 ? "" : "s", (int)nargs);
        } else {
            PyErr_SetString(PyExc_TypeError, message);
        }
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (*format == '|') {
            format++;
        }
        const char *msg = mpcy_convertitem(PyTuple_GET_ITEM(args, i), &format, p_va, levels, msgbuf, sizeof(msgbuf));
        if (msg) {
            mpcy_seterror(i + 1, msg, levels, fname, message);
            return 0;
        }
    }
    if (*format != '\0' && !unichar_isalpha(*format) && *format != '(' && *format != '|'
        && *format != ':' && *format != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", formatsave);
        return 0;
    }
    return 1;
}

// Step over one unit without converting it (its va_args are consumed).
static const char *mpcy_skipitem(const char **p_format, va_list *p_va) {
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
        case 'b':
        case 'B':
        case 'h':
        case 'H':
        case 'i':
        case 'I':
        case 'l':
        case 'k':
        case 'L':
        case 'K':
        case 'n':
        case 'f':
        case 'd':
        case 'D':
        case 'c':
        case 'C':
        case 'p':
        case 'S':
        case 'Y':
        case 'U':
            (void)va_arg(*p_va, void *);
            break;
        case 'e':
            (void)va_arg(*p_va, const char *);
            if (!(*format == 's' || *format == 't')) {
                goto err;
            }
            format++;
            MP_FALLTHROUGH
        case 's':
        case 'z':
        case 'y':
        case 'w':
            (void)va_arg(*p_va, char **);
            if (*format == '#') {
                (void)va_arg(*p_va, Py_ssize_t *);
                format++;
            } else if ((c == 's' || c == 'z' || c == 'y' || c == 'w') && *format == '*') {
                format++;
            }
            break;
        case 'O':
            if (*format == '!') {
                format++;
                (void)va_arg(*p_va, PyTypeObject *);
                (void)va_arg(*p_va, PyObject * *);
            } else if (*format == '&') {
                format++;
                (void)va_arg(*p_va, int (*)(PyObject *, void *));
                (void)va_arg(*p_va, void *);
            } else {
                (void)va_arg(*p_va, PyObject * *);
            }
            break;
        case '(': {
            while (*format != ')') {
                const char *msg = mpcy_skipitem(&format, p_va);
                if (msg) {
                    return msg;
                }
            }
            format++;
            break;
        }
        case ')':
            return "Unmatched right paren in format string";
        default:
        err:
            return "impossible<bad format char>";
    }
    *p_format = format;
    return NULL;
}

#define MPCY_END_OF_FORMAT(c) ((c) == '\0' || (c) == ';' || (c) == ':')

static int mpcy_vgetargskeywords(PyObject *args, PyObject *kwargs, const char *format,
    char **kwlist, va_list *p_va) {
    char msgbuf[MPCY_MSGBUF];
    int levels[MPCY_LEVELS];
    const char *fname, *custom_msg;
    int min = INT_MAX, max = INT_MAX;
    int i, pos, len;
    int skip = 0;
    mpcy_fname(format, &fname, &custom_msg);
    const char *fn = fname == NULL ? "function" : fname;
    const char *par = fname == NULL ? "" : "()";
    for (pos = 0; kwlist[pos] && !*kwlist[pos]; pos++) {
    }
    for (len = pos; kwlist[len]; len++) {
        if (!*kwlist[len]) {
            PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
            return 0;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkwargs = kwargs == NULL ? 0 : PyDict_Size(kwargs);
    if (nargs + nkwargs > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%d given)",
            fn, par, len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", (int)(nargs + nkwargs));
        return 0;
    }
    for (i = 0; i < len; i++) {
        if (*format == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string (| specified twice)");
                return 0;
            }
            min = i;
            format++;
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ before |)");
                return 0;
            }
        }
        if (*format == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ specified twice)");
                return 0;
            }
            max = i;
            format++;
            if (max < pos) {
                PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                return 0;
            }
            if (skip) {
                break;
            }
            if (max < nargs) {
                if (max == 0) {
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fn, par);
                } else {
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%d given)",
                        fn, par, min != INT_MAX ? "at most" : "exactly", max, max == 1 ? "" : "s", (int)nargs);
                }
                return 0;
            }
        }
        if (MPCY_END_OF_FORMAT(*format)) {
            PyErr_Format(PyExc_SystemError, "More keyword list entries (%d) than format specifiers (%d)", len, i);
            return 0;
        }
        if (!skip) {
            PyObject *cur = NULL;
            if (i < nargs) {
                cur = PyTuple_GET_ITEM(args, i);
            } else if (nkwargs && i >= pos) {
                cur = PyDict_GetItemString(kwargs, kwlist[i]);
                if (cur) {
                    --nkwargs;
                }
            }
            if (cur) {
                const char *msg = mpcy_convertitem(cur, &format, p_va, levels, msgbuf, sizeof(msgbuf));
                if (msg) {
                    mpcy_seterror(i + 1, msg, levels, fname, custom_msg);
                    return 0;
                }
                continue;
            }
            if (i < min) {
                if (i < pos) {
                    skip = 1;
                } else {
                    PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                        fn, par, kwlist[i], i + 1);
                    return 0;
                }
            }
            if (!nkwargs && !skip) {
                return 1;
            }
        }
        const char *msg = mpcy_skipitem(&format, p_va);
        if (msg) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, format);
            return 0;
        }
    }
    if (skip) {
        int m = pos < min ? pos : min;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%d given)",
            fn, par, m < i ? "at least" : "exactly", m, m == 1 ? "" : "s", (int)nargs);
        return 0;
    }
    if (!MPCY_END_OF_FORMAT(*format) && *format != '|' && *format != '$') {
        PyErr_Format(PyExc_SystemError,
            "more argument specifiers than keyword list entries (remaining format:'%s')", format);
        return 0;
    }
    if (nkwargs > 0) {
        for (i = pos; i < nargs; i++) {
            if (PyDict_GetItemString(kwargs, kwlist[i])) {
                PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%s') and position (%d)",
                    fn, par, kwlist[i], i + 1);
                return 0;
            }
        }
        Py_ssize_t j = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &j, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return 0;
            }
            const char *k = PyUnicode_AsUTF8(key);
            bool match = false;
            for (i = pos; i < len && !match; i++) {
                match = !strcmp(k, kwlist[i]);
            }
            if (!match) {
                PyErr_Format(PyExc_TypeError, "'%s' is an invalid keyword argument for %.200s%s", k,
                    fname == NULL ? "this function" : fname, par);
                return 0;
            }
        }
        PyErr_Format(PyExc_TypeError, "invalid keyword argument for %.200s%s",
            fname == NULL ? "this function" : fname, par);
        return 0;
    }
    return 1;
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...) {
    MPCY_CHECK_INIT("PyArg_ParseTuple");
    va_list va;
    va_start(va, format);
    int r = mpcy_vgetargs(args, format, &va, false);
    va_end(va);
    return r;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list va) {
    va_list lva;
    va_copy(lva, va);
    int r = mpcy_vgetargs(args, format, &lva, false);
    va_end(lva);
    return r;
}

int PyArg_Parse(PyObject *arg, const char *format, ...) {
    MPCY_CHECK_INIT("PyArg_Parse");
    va_list va;
    va_start(va, format);
    int r = mpcy_vgetargs(arg, format, &va, true);
    va_end(va);
    return r;
}

static bool mpcy_kw_args_ok(PyObject *args, PyObject *kw, const char *format, char **kwlist) {
    if (args == NULL || !PyTuple_Check(args) || (kw != NULL && !PyDict_Check(kw)) || format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return false;
    }
    return true;
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...) {
    MPCY_CHECK_INIT("PyArg_ParseTupleAndKeywords");
    if (!mpcy_kw_args_ok(args, kw, format, kwlist)) {
        return 0;
    }
    va_list va;
    va_start(va, kwlist);
    int r = mpcy_vgetargskeywords(args, kw, format, kwlist, &va);
    va_end(va);
    return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, va_list va) {
    if (!mpcy_kw_args_ok(args, kw, format, kwlist)) {
        return 0;
    }
    va_list lva;
    va_copy(lva, va);
    int r = mpcy_vgetargskeywords(args, kw, format, kwlist, &lva);
    va_end(lva);
    return r;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...) {
    Py_ssize_t n = PyTuple_Size(args);
    if (n < 0) {
        return 0;
    }
    if (n < min || n > max) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%d argument%s, got %d", name,
            min == max ? "" : n < min ? "at least " : "at most ", (int)(n < min ? min : max),
            (n < min ? min : max) == 1 ? "" : "s", (int)n);
        return 0;
    }
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++) {
        *va_arg(va, PyObject * *) = PyTuple_GET_ITEM(args, i);
    }
    va_end(va);
    return 1;
}

int PyArg_ValidateKeywordArguments(PyObject *kw) {
    mp_map_t *map = mpcy_dict_map_or_null(kw);
    if (map == NULL) {
        return mpcy_bad_type(kw, "PyArg_ValidateKeywordArguments");
    }
    for (size_t i = 0; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i) && !mp_obj_is_str(map->table[i].key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}
