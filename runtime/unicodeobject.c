// str and bytes (unicodeobject.h, bytesobject.h). MicroPython strings are UTF-8.
#include "mpcy.h"
#include "py/objstr.h"
#include "py/unicode.h"

PyObject *PyUnicode_FromStringAndSize(const char *s, Py_ssize_t n) {
    mp_obj_t r = MP_OBJ_NULL;
    if (s == NULL) {
        // CPython fills such a string in place; MicroPython strings are immutable.
        PyErr_SetString(PyExc_SystemError, "PyUnicode_FromStringAndSize(NULL, n) is not supported");
        return NULL;
    }
    if (!utf8_check((const byte *)s, n)) {
        mpcy_err_set(&mpcy_type_UnicodeDecodeError, "'utf-8' codec can't decode bytes");
        return NULL;
    }
    MPCY_TRY(NULL, r = mp_obj_new_str(s, n));
    return MPCY_PY(r);
}

PyObject *PyUnicode_FromString(const char *s) {
    return PyUnicode_FromStringAndSize(s, strlen(s));
}

// Interned strings are qstrs: attribute and keyword lookups need them.
PyObject *PyUnicode_InternFromString(const char *s) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = MP_OBJ_NEW_QSTR(qstr_from_str(s)));
    return MPCY_PY(r);
}

void PyUnicode_InternInPlace(PyObject **p) {
    mp_obj_t o = MPCY_OBJ(*p);
    if (!mp_obj_is_qstr(o) && mp_obj_is_str(o)) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            *p = MPCY_PY(MP_OBJ_NEW_QSTR(mp_obj_str_get_qstr(o)));
            nlr_pop();
        }
    }
}

PyObject *PyUnicode_FromOrdinal(int ch) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(mp_load_global(MP_QSTR_chr), MP_OBJ_NEW_SMALL_INT(ch)));
    return MPCY_PY(r);
}

PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *errors) {
    (void)errors;
    return PyUnicode_FromStringAndSize(s, n);
}

PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t n, const char *errors) {
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 128) {
            mpcy_err_set(&mpcy_type_UnicodeDecodeError, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", (unsigned char)s[i], (int)i);
            return NULL;
        }
    }
    return PyUnicode_DecodeUTF8(s, n, errors);
}

PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t n, const char *errors) {
    (void)errors;
    vstr_t v;
    vstr_init(&v, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        vstr_add_char(&v, (unsigned char)s[i]);
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_str_from_vstr(&v));
    return MPCY_PY(r);
}

PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t n, const char *errors) {
    (void)s;
    (void)n;
    (void)errors;
    PyErr_SetString(PyExc_NotImplementedError, "PyUnicode_DecodeUnicodeEscape");
    return NULL;
}

static int mpcy_is_utf8(const char *encoding) {
    return encoding == NULL || !strcmp(encoding, "utf-8") || !strcmp(encoding, "utf8") || !strcmp(encoding, "UTF-8");
}

PyObject *PyUnicode_Decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors) {
    if (mpcy_is_utf8(encoding)) {
        return PyUnicode_DecodeUTF8(s, n, errors);
    }
    if (!strcmp(encoding, "ascii") || !strcmp(encoding, "us-ascii")) {
        return PyUnicode_DecodeASCII(s, n, errors);
    }
    if (!strcmp(encoding, "latin-1") || !strcmp(encoding, "latin1") || !strcmp(encoding, "iso-8859-1")) {
        return PyUnicode_DecodeLatin1(s, n, errors);
    }
    mpcy_err_set(&mp_type_LookupError, "unknown encoding: %s", encoding);
    return NULL;
}

PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors) {
    mp_buffer_info_t info;
    if (!mp_get_buffer(MPCY_OBJ(obj), &info, MP_BUFFER_READ)) {
        mpcy_err_set(&mp_type_TypeError, "decoding to str: need a bytes-like object, %s found", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(obj))));
        return NULL;
    }
    return PyUnicode_Decode(info.buf, info.len, encoding, errors);
}

static mp_obj_t mpcy_str_check(PyObject *u) {
    mp_obj_t o = MPCY_OBJ(u);
    if (!mp_obj_is_str(o)) {
        mpcy_err_set(&mp_type_TypeError, "bad argument type for built-in operation");
        return MP_OBJ_NULL;
    }
    return o;
}

const char *PyUnicode_AsUTF8AndSize(PyObject *u, Py_ssize_t *size) {
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return NULL;
    }
    size_t len;
    const char *d = mp_obj_str_get_data(o, &len);
    if (size) {
        *size = len;
    }
    return d;
}

const char *PyUnicode_AsUTF8(PyObject *u) {
    return PyUnicode_AsUTF8AndSize(u, NULL);
}

PyObject *PyUnicode_AsUTF8String(PyObject *u) {
    Py_ssize_t n;
    const char *d = PyUnicode_AsUTF8AndSize(u, &n);
    return d ? PyBytes_FromStringAndSize(d, n) : NULL;
}

PyObject *PyUnicode_AsASCIIString(PyObject *u) {
    Py_ssize_t n;
    const char *d = PyUnicode_AsUTF8AndSize(u, &n);
    if (d == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((unsigned char)d[i] >= 128) {
            mpcy_err_set(&mpcy_type_UnicodeEncodeError, "'ascii' codec can't encode character in position %d: ordinal not in range(128)", (int)i);
            return NULL;
        }
    }
    return PyBytes_FromStringAndSize(d, n);
}

PyObject *PyUnicode_AsLatin1String(PyObject *u) {
    Py_ssize_t n;
    const char *d = PyUnicode_AsUTF8AndSize(u, &n);
    if (d == NULL) {
        return NULL;
    }
    vstr_t v;
    vstr_init(&v, n);
    const byte *p = (const byte *)d, *end = p + n;
    while (p < end) {
        unichar c = utf8_get_char(p);
        p = utf8_next_char(p);
        if (c > 255) {
            mpcy_err_set(&mpcy_type_UnicodeEncodeError, "'latin-1' codec can't encode character");
            return NULL;
        }
        vstr_add_byte(&v, c);
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_bytes_from_vstr(&v));
    return MPCY_PY(r);
}

PyObject *PyUnicode_AsEncodedString(PyObject *u, const char *encoding, const char *errors) {
    (void)errors;
    if (mpcy_is_utf8(encoding)) {
        return PyUnicode_AsUTF8String(u);
    }
    if (!strcmp(encoding, "ascii")) {
        return PyUnicode_AsASCIIString(u);
    }
    if (!strcmp(encoding, "latin-1") || !strcmp(encoding, "latin1")) {
        return PyUnicode_AsLatin1String(u);
    }
    mpcy_err_set(&mp_type_LookupError, "unknown encoding: %s", encoding);
    return NULL;
}

Py_ssize_t PyUnicode_GetLength(PyObject *u) {
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return -1;
    }
    return MP_OBJ_SMALL_INT_VALUE(mp_obj_len(o));
}

Py_UCS4 PyUnicode_ReadChar(PyObject *u, Py_ssize_t index) {
    size_t len;
    const byte *d = (const byte *)mp_obj_str_get_data(MPCY_OBJ(u), &len);
    const byte *p = d, *end = d + len;
    for (Py_ssize_t i = 0; p < end; i++) {
        if (i == index) {
            return utf8_get_char(p);
        }
        p = utf8_next_char(p);
    }
    PyErr_SetString(PyExc_IndexError, "string index out of range");
    return (Py_UCS4)-1;
}

PyObject *PyUnicode_Substring(PyObject *u, Py_ssize_t start, Py_ssize_t end) {
    return PySequence_GetSlice(u, start, end);
}

PyObject *PyUnicode_Concat(PyObject *a, PyObject *b) {
    return PyNumber_Add(a, b);
}

static mp_obj_t mpcy_method(mp_obj_t o, qstr name, size_t n, const mp_obj_t *args) {
    mp_obj_t dest[2 + 4];
    mp_load_method(o, name, dest);
    for (size_t i = 0; i < n; i++) {
        dest[2 + i] = args[i];
    }
    return mp_call_method_n_kw(n, 0, dest);
}

PyObject *PyUnicode_Join(PyObject *sep, PyObject *seq) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t s = MPCY_OBJ(seq);
    MPCY_TRY(NULL, r = mpcy_method(MPCY_OBJ(sep), MP_QSTR_join, 1, &s));
    return MPCY_PY(r);
}

PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t args[2] = { sep ? MPCY_OBJ(sep) : mp_const_none, mp_obj_new_int(maxsplit) };
    MPCY_TRY(NULL, r = mpcy_method(MPCY_OBJ(s), MP_QSTR_split, 2, args));
    return MPCY_PY(r);
}

PyObject *PyUnicode_Replace(PyObject *s, PyObject *old, PyObject *repl, Py_ssize_t maxcount) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t args[3] = { MPCY_OBJ(old), MPCY_OBJ(repl), mp_obj_new_int(maxcount) };
    MPCY_TRY(NULL, r = mpcy_method(MPCY_OBJ(s), MP_QSTR_replace, 3, args));
    return MPCY_PY(r);
}

PyObject *PyUnicode_Format(PyObject *fmt, PyObject *args) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_binary_op(MP_BINARY_OP_MODULO, MPCY_OBJ(fmt), MPCY_OBJ(args)));
    return MPCY_PY(r);
}

int PyUnicode_Compare(PyObject *a, PyObject *b) {
    size_t la, lb;
    if (!mp_obj_is_str(MPCY_OBJ(a)) || !mp_obj_is_str(MPCY_OBJ(b))) {
        mpcy_err_set(&mp_type_TypeError, "Can't compare %s and %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(a))), mpcy_type_name(mp_obj_get_type(MPCY_OBJ(b))));
        return -1;
    }
    if (a == b) {
        return 0;
    }
    const char *da = mp_obj_str_get_data(MPCY_OBJ(a), &la);
    const char *db = mp_obj_str_get_data(MPCY_OBJ(b), &lb);
    int c = memcmp(da, db, la < lb ? la : lb);
    if (c == 0) {
        c = la < lb ? -1 : la > lb ? 1 : 0;
    }
    return c < 0 ? -1 : c > 0;
}

int PyUnicode_CompareWithASCIIString(PyObject *a, const char *b) {
    size_t la, lb = strlen(b);
    const char *da = mp_obj_str_get_data(MPCY_OBJ(a), &la);
    int c = memcmp(da, b, la < lb ? la : lb);
    if (c == 0) {
        c = la < lb ? -1 : la > lb ? 1 : 0;
    }
    return c < 0 ? -1 : c > 0;
}

int PyUnicode_EqualToUTF8(PyObject *a, const char *b) {
    return mp_obj_is_str(MPCY_OBJ(a)) && PyUnicode_CompareWithASCIIString(a, b) == 0;
}

PyObject *PyUnicode_RichCompare(PyObject *a, PyObject *b, int op) {
    return PyObject_RichCompare(a, b, op);
}

int PyUnicode_Contains(PyObject *container, PyObject *element) {
    return PySequence_Contains(container, element);
}

Py_ssize_t PyUnicode_Find(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t args[3] = { MPCY_OBJ(sub), mp_obj_new_int(start), mp_obj_new_int(end) };
    MPCY_TRY(-2, r = mpcy_method(MPCY_OBJ(s), direction > 0 ? MP_QSTR_find : MP_QSTR_rfind, 3, args));
    return mp_obj_get_int(r);
}

Py_ssize_t PyUnicode_Tailmatch(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, {
        mp_obj_t part = mp_obj_subscr(MPCY_OBJ(s), mp_obj_new_slice(mp_obj_new_int(start), mp_obj_new_int(end), mp_const_none), MP_OBJ_SENTINEL);
        mp_obj_t arg = MPCY_OBJ(sub);
        r = mpcy_method(part, direction > 0 ? MP_QSTR_endswith : MP_QSTR_startswith, 1, &arg);
    });
    return r == mp_const_true;
}

int PyUnicode_IsIdentifier(PyObject *s) {
    size_t len;
    const char *d = mp_obj_str_get_data(MPCY_OBJ(s), &len);
    if (len == 0 || unichar_isdigit(d[0])) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (!unichar_isalnum(d[i]) && d[i] != '_' && (unsigned char)d[i] < 128) {
            return 0;
        }
    }
    return 1;
}

// Integers in any base; the port's snprintf may be MicroPython's own, which
// has no %lld.
static void mpcy_add_ull(vstr_t *v, unsigned long long x, bool neg, unsigned base) {
    char buf[24];
    size_t i = sizeof(buf);
    do {
        buf[--i] = "0123456789abcdef"[x % base];
        x /= base;
    } while (x != 0);
    if (neg) {
        buf[--i] = '-';
    }
    vstr_add_strn(v, buf + i, sizeof(buf) - i);
}

// CPython's printf-style format for PyUnicode_FromFormat and PyErr_Format:
// %s %d %i %u %ld %lu %lld %llu %zd %zu %x %c %p %% and %S %R %A %U %V, with
// an optional precision (%.200s).
mp_obj_t mpcy_str_from_fmt(const char *fmt, va_list va) {
    vstr_t v;
    vstr_init(&v, 32);
    mp_print_t pr;
    vstr_init_print(&v, 32, &pr);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            vstr_add_byte(&v, *p);
            continue;
        }
        p++;
        int prec = -1;
        while (*p >= '0' && *p <= '9') {
            p++;
        }
        if (*p == '.') {
            prec = 0;
            for (p++; *p >= '0' && *p <= '9'; p++) {
                prec = prec * 10 + (*p - '0');
            }
        }
        int lng = 0, sz = 0;
        while (*p == 'l') {
            lng++;
            p++;
        }
        if (*p == 'z') {
            sz = 1;
            p++;
        }
        switch (*p) {
            case '%':
                vstr_add_byte(&v, '%');
                break;
            case 'c':
                vstr_add_char(&v, va_arg(va, int));
                break;
            case 'd':
            case 'i': {
                long long x = sz ? va_arg(va, Py_ssize_t) : lng == 2 ? va_arg(va, long long) : lng ? va_arg(va, long) : va_arg(va, int);
                mpcy_add_ull(&v, x < 0 ? -(unsigned long long)x : (unsigned long long)x, x < 0, 10);
                break;
            }
            case 'u': {
                unsigned long long x = sz ? va_arg(va, size_t) : lng == 2 ? va_arg(va, unsigned long long) : lng ? va_arg(va, unsigned long) : va_arg(va, unsigned int);
                mpcy_add_ull(&v, x, false, 10);
                break;
            }
            case 'x': {
                unsigned long long x = sz ? va_arg(va, size_t) : lng == 2 ? va_arg(va, unsigned long long) : lng ? va_arg(va, unsigned long) : va_arg(va, unsigned int);
                mpcy_add_ull(&v, x, false, 16);
                break;
            }
            case 'p':
                mp_printf(&pr, "%p", va_arg(va, void *));
                break;
            case 's': {
                const char *s = va_arg(va, const char *);
                size_t n = strlen(s);
                vstr_add_strn(&v, s, prec >= 0 && (size_t)prec < n ? (size_t)prec : n);
                break;
            }
            case 'U':
            case 'S':
            case 'R':
            case 'A':
            case 'V': {
                mp_obj_t o = MPCY_OBJ(va_arg(va, PyObject *));
                if (*p == 'V') {
                    const char *s = va_arg(va, const char *);
                    if (o == MP_OBJ_NULL) {
                        vstr_add_str(&v, s);
                        break;
                    }
                }
                mp_obj_print_helper(&pr, o, (*p == 'R' || *p == 'A') ? PRINT_REPR : PRINT_STR);
                break;
            }
            default:
                vstr_add_byte(&v, '%');
                vstr_add_byte(&v, *p);
                break;
        }
    }
    return mp_obj_new_str_from_utf8_vstr(&v);
}

PyObject *PyUnicode_FromFormatV(const char *fmt, va_list va) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_str_from_fmt(fmt, va));
    return MPCY_PY(r);
}

PyObject *PyUnicode_FromFormat(const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    PyObject *r = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

// ---- bytes and bytearray ---------------------------------------------------------
PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n) {
    mp_obj_t r = MP_OBJ_NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    // With s == NULL the caller fills the (zeroed) data in before use.
    MPCY_TRY(NULL, {
        vstr_t v;
        vstr_init_len(&v, n);
        memset(v.buf, 0, n);
        if (s != NULL) {
            memcpy(v.buf, s, n);
        }
        r = mp_obj_new_bytes_from_vstr(&v);
    });
    return MPCY_PY(r);
}

PyObject *PyBytes_FromString(const char *s) {
    return PyBytes_FromStringAndSize(s, strlen(s));
}

PyObject *PyBytes_FromObject(PyObject *o) {
    return PyObject_Bytes(o);
}

char *PyBytes_AsString(PyObject *o) {
    if (!PyBytes_Check(o)) {
        mpcy_err_set(&mp_type_TypeError, "expected bytes, %s found", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        return NULL;
    }
    size_t len;
    return (char *)mp_obj_str_get_data(MPCY_OBJ(o), &len);
}

Py_ssize_t PyBytes_Size(PyObject *o) {
    if (!PyBytes_Check(o)) {
        mpcy_err_set(&mp_type_TypeError, "expected bytes, %s found", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        return -1;
    }
    size_t len;
    mp_obj_str_get_data(MPCY_OBJ(o), &len);
    return len;
}

int PyBytes_AsStringAndSize(PyObject *o, char **s, Py_ssize_t *len) {
    Py_ssize_t n = PyBytes_Size(o);
    if (n < 0) {
        return -1;
    }
    *s = PyBytes_AsString(o);
    if (len) {
        *len = n;
    } else if ((Py_ssize_t)strlen(*s) != n) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

PyObject *PyBytes_Join(PyObject *sep, PyObject *seq) {
    return PyUnicode_Join(sep, seq);
}

void PyBytes_Concat(PyObject **b, PyObject *w) {
    *b = *b && w ? PyNumber_Add(*b, w) : NULL;
}

PyObject *PyByteArray_FromStringAndSize(const char *s, Py_ssize_t n) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        r = mp_obj_new_bytearray(n, s);
    });
    return MPCY_PY(r);
}

PyObject *PyByteArray_FromObject(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytearray), MPCY_OBJ(o)));
    return MPCY_PY(r);
}

char *PyByteArray_AsString(PyObject *o) {
    mp_buffer_info_t info;
    mp_get_buffer_raise(MPCY_OBJ(o), &info, MP_BUFFER_RW);
    return info.buf;
}

Py_ssize_t PyByteArray_Size(PyObject *o) {
    mp_buffer_info_t info;
    mp_get_buffer_raise(MPCY_OBJ(o), &info, MP_BUFFER_READ);
    return info.len;
}

int PyByteArray_Resize(PyObject *o, Py_ssize_t n) {
    (void)o;
    (void)n;
    PyErr_SetString(PyExc_NotImplementedError, "PyByteArray_Resize");
    return -1;
}

PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t n, const char *errors, int *byteorder) {
    (void)s;
    (void)n;
    (void)errors;
    (void)byteorder;
    PyErr_SetString(PyExc_NotImplementedError, "PyUnicode_DecodeUTF16");
    return NULL;
}

Py_ssize_t PyUnicode_Count(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t args[3] = { MPCY_OBJ(sub), mp_obj_new_int(start), mp_obj_new_int(end) };
    MPCY_TRY(-1, r = mpcy_method(MPCY_OBJ(s), MP_QSTR_count, 3, args));
    return mp_obj_get_int(r);
}

PyObject *PyUnicode_Splitlines(PyObject *s, int keepends) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t arg = mp_obj_new_bool(keepends);
    MPCY_TRY(NULL, r = mpcy_method(MPCY_OBJ(s), MP_QSTR_splitlines, 1, &arg));
    return MPCY_PY(r);
}

double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception) {
    (void)overflow_exception;
    char *end;
    double d = strtod(s, &end);
    if (endptr != NULL) {
        *endptr = end;
    } else if (*end != '\0' || end == s) {
        mpcy_err_set(&mp_type_ValueError, "could not convert string to float: '%s'", s);
        return -1.0;
    }
    return d;
}

// ---- capsules -------------------------------------------------------------------
typedef struct {
    mp_obj_base_t base;
    void *pointer;
    const char *name;
    void *context;
} mpcy_capsule_t;

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_capsule, MP_QSTR_PyCapsule, MP_TYPE_FLAG_NONE);

PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor) {
    (void)destructor; // the GC frees capsules; no destructor runs
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    mpcy_capsule_t *c = NULL;
    MPCY_TRY(NULL, c = mp_obj_malloc(mpcy_capsule_t, &mpcy_type_capsule));
    c->pointer = pointer;
    c->name = name;
    c->context = NULL;
    return MPCY_PY(MP_OBJ_FROM_PTR(c));
}

static mpcy_capsule_t *mpcy_capsule(PyObject *o, const char *name) {
    if (o == NULL || !PyCapsule_CheckExact(o)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with invalid PyCapsule object");
        return NULL;
    }
    mpcy_capsule_t *c = MP_OBJ_TO_PTR(MPCY_OBJ(o));
    if ((name == NULL) != (c->name == NULL) || (name && strcmp(name, c->name))) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return c;
}

void *PyCapsule_GetPointer(PyObject *capsule, const char *name) {
    mpcy_capsule_t *c = mpcy_capsule(capsule, name);
    return c ? c->pointer : NULL;
}

const char *PyCapsule_GetName(PyObject *capsule) {
    return PyCapsule_CheckExact(capsule) ? ((mpcy_capsule_t *)MP_OBJ_TO_PTR(MPCY_OBJ(capsule)))->name : NULL;
}

int PyCapsule_IsValid(PyObject *capsule, const char *name) {
    mpcy_capsule_t *c = mpcy_capsule(capsule, name);
    if (c == NULL) {
        PyErr_Clear();
    }
    return c != NULL;
}

void *PyCapsule_GetContext(PyObject *capsule) {
    return PyCapsule_CheckExact(capsule) ? ((mpcy_capsule_t *)MP_OBJ_TO_PTR(MPCY_OBJ(capsule)))->context : NULL;
}

int PyCapsule_SetContext(PyObject *capsule, void *context) {
    if (!PyCapsule_CheckExact(capsule)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetContext called with invalid PyCapsule object");
        return -1;
    }
    ((mpcy_capsule_t *)MP_OBJ_TO_PTR(MPCY_OBJ(capsule)))->context = context;
    return 0;
}

void *PyCapsule_Import(const char *name, int no_block) {
    (void)no_block;
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_ImportError, "PyCapsule_Import: name has no module");
        return NULL;
    }
    PyObject *m = PyImport_ImportModule(qstr_str(qstr_from_strn(name, dot - name)));
    PyObject *c = m ? PyObject_GetAttrString(m, dot + 1) : NULL;
    return c ? PyCapsule_GetPointer(c, name) : NULL;
}
