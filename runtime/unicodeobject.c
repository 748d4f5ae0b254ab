// str (unicodeobject.h). MicroPython strings are UTF-8; indices count code
// points. Decoding and encoding: codecs.c.
#include "mpcy.h"
#include "py/objstr.h"
#include "py/unicode.h"

PyObject *PyUnicode_FromStringAndSize(const char *s, Py_ssize_t n) {
    MPCY_CHECK_INIT("PyUnicode_FromStringAndSize");
    return PyUnicode_DecodeUTF8(s, n, NULL);
}

PyObject *PyUnicode_FromString(const char *s) {
    MPCY_CHECK_INIT("PyUnicode_FromString");
    return PyUnicode_FromStringAndSize(s, strlen(s));
}

// Interned strings are qstrs: attribute and keyword lookups need them.
PyObject *PyUnicode_InternFromString(const char *s) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = MP_OBJ_NEW_QSTR(qstr_from_str(s)));
    return MPCY_PY(r);
}

MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
void PyUnicode_InternInPlace(PyObject **p) {
    mp_obj_t o = MPCY_OBJ(*p);
    if (!mp_obj_is_qstr(o) && mp_obj_is_str(o)) {
        // Without memory for the qstr the string stays as it is.
        mp_obj_t q = MP_OBJ_NULL, failed;
        MPCY_CATCH(failed, q = MP_OBJ_NEW_QSTR(mp_obj_str_get_qstr(o)));
        if (failed == MP_OBJ_NULL) {
            *p = MPCY_PY(q);
        }
    }
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyUnicode_FromOrdinal(int ch) {
    if (ch < 0 || ch > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        vstr_t v;
        vstr_init(&v, 4);
        vstr_add_char(&v, ch);
        r = mp_obj_new_str_from_utf8_vstr(&v);
    });
    return MPCY_PY(r);
}

mp_obj_t mpcy_str_check(PyObject *u) {
    mp_obj_t o = MPCY_OBJ(mpcy_as_native(u, &mp_type_str));
    if (o == MP_OBJ_NULL) {
        PyErr_BadArgument();
    }
    return o;
}

const char *PyUnicode_AsUTF8AndSize(PyObject *u, Py_ssize_t *size) {
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return NULL;
    }
    size_t len;
    const char *d = mpcy_str_data(o, &len);
    if (mpcy_utf8_check(d, len) < 0) {
        return NULL;
    }
    if (size) {
        *size = len;
    }
    return d;
}

const char *PyUnicode_AsUTF8(PyObject *u) {
    return PyUnicode_AsUTF8AndSize(u, NULL);
}

// The text of `o` as wchar_t (UTF-16 where wchar_t has 2 bytes): writes at
// most `cap` of them to `w`, returns how many the whole text takes.
static size_t mpcy_wide_copy(mp_obj_t o, wchar_t *w, size_t cap) {
    size_t len, n = 0;
    const byte *p = (const byte *)mpcy_str_data(o, &len), *end = p + len;
    for (; p < end; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if (sizeof(wchar_t) == 2 && c > 0xffff) {
            if (n < cap) {
                w[n] = 0xd800 + ((c - 0x10000) >> 10);
            }
            n++;
            c = 0xdc00 + ((c - 0x10000) & 0x3ff);
        }
        if (n < cap) {
            w[n] = c;
        }
        n++;
    }
    return n;
}

static bool mpcy_wide_has_zero(const wchar_t *w, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (w[i] == 0) {
            return true;
        }
    }
    return false;
}

// CPython's: at most `size` wchar_t, the terminating 0 only if it fits; with
// no buffer, the size one needs (0 included).
Py_ssize_t PyUnicode_AsWideChar(PyObject *u, wchar_t *w, Py_ssize_t size) {
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return -1;
    }
    size_t n = mpcy_wide_copy(o, w, w == NULL || size < 0 ? 0 : (size_t)size);
    if (w == NULL) {
        return n + 1;
    }
    if ((size_t)size > n) {
        w[n] = 0;
        return n;
    }
    return size;
}

// A PyMem_Malloc'd copy with its 0; without `size`, text with a 0 in it is
// refused (a C caller would see it cut short), as CPython.
wchar_t *PyUnicode_AsWideCharString(PyObject *u, Py_ssize_t *size) {
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return NULL;
    }
    size_t n = mpcy_wide_copy(o, NULL, 0);
    wchar_t *w = PyMem_Malloc((n + 1) * sizeof(wchar_t));
    if (w == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    mpcy_wide_copy(o, w, n);
    w[n] = 0;
    if (size != NULL) {
        *size = n;
    } else if (mpcy_wide_has_zero(w, n)) {
        PyMem_Free(w);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return w;
}

Py_ssize_t PyUnicode_GetLength(PyObject *u) {
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return -1;
    }
    size_t len;
    const char *d = mpcy_str_data(o, &len);
    #if MICROPY_PY_BUILTINS_STR_UNICODE
    return utf8_charlen((const byte *)d, len);
    #else
    (void)d;
    return len;
    #endif
}

Py_UCS4 PyUnicode_ReadChar(PyObject *u, Py_ssize_t index) {
    size_t len;
    mp_obj_t o = mpcy_str_check(u);
    if (o == MP_OBJ_NULL) {
        return (Py_UCS4) - 1;
    }
    const byte *d = (const byte *)mpcy_str_data(o, &len);
    const byte *p = d, *end = d + len;
    for (Py_ssize_t i = 0; p < end; i++) {
        if (i == index) {
            return utf8_get_char(p);
        }
        p = utf8_next_char(p);
    }
    PyErr_SetString(PyExc_IndexError, "string index out of range");
    return (Py_UCS4) - 1;
}

// u[start:end] with CPython's rules: negative indices are errors, not
// counted from the end.
PyObject *PyUnicode_Substring(PyObject *u, Py_ssize_t start, Py_ssize_t end) {
    u = MPCY_PY(mpcy_str_check(u));
    if (u == NULL) {
        return NULL;
    }
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return PySequence_GetSlice(u, start, end < start ? start : end);
}

// The str `o` is (mpcy_native), else NULL with CPython's TypeError.
static PyObject *mpcy_ensure_str(PyObject *o) {
    PyObject *s = mpcy_as_native(o, &mp_type_str);
    if (s == NULL) {
        PyErr_Format(PyExc_TypeError, "must be str, not %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
    }
    return s;
}

// The operations below work on the str itself, as CPython's, never calling
// a method a subclass overrides.
PyObject *PyUnicode_Concat(PyObject *a, PyObject *b) {
    PyObject *sa = mpcy_ensure_str(a), *sb = mpcy_as_native(b, &mp_type_str);
    if (sa == NULL) {
        return NULL;
    }
    if (sb == NULL) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%s\") to str", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(b))));
        return NULL;
    }
    return PyNumber_Add(sa, sb);
}

// str method `name` of `o` (the str itself of a subclass instance).
static mp_obj_t mpcy_method(mp_obj_t o, qstr name, size_t n, const mp_obj_t *args) {
    mp_obj_t dest[2 + 4];
    PyObject *s = mpcy_as_native(MPCY_PY(o), &mp_type_str);
    mp_load_method(s != NULL ? MPCY_OBJ(s) : o, name, dest);
    for (size_t i = 0; i < n; i++) {
        dest[2 + i] = args[i];
    }
    return mp_call_method_n_kw(n, 0, dest);
}

// sep.join(items) for a str separator and a tuple or list of str (Cython's
// f-strings and "".join): built here in one buffer, without the qstr pool
// search of str.join's result. MP_OBJ_NULL for anything else.
// Items of str subclasses count as str (MicroPython's str.join refuses them).
static mp_obj_t mpcy_str_join_fast(mp_obj_t sep, mp_obj_t seq) {
    sep = MPCY_OBJ(mpcy_as_native(MPCY_PY(sep), &mp_type_str));
    if (sep == MP_OBJ_NULL || !(mp_obj_is_exact_type(seq, &mp_type_tuple) || mp_obj_is_exact_type(seq, &mp_type_list))) {
        return MP_OBJ_NULL;
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(seq, &n, &items);
    GET_STR_DATA_LEN(sep, sep_data, sep_len);
    size_t total = n ? sep_len * (n - 1) : 0;
    for (size_t i = 0; i < n; i++) {
        mp_obj_t s = MPCY_OBJ(mpcy_as_native(MPCY_PY(items[i]), &mp_type_str));
        if (s == MP_OBJ_NULL) {
            return MP_OBJ_NULL;
        }
        total += mp_obj_is_qstr(s) ? qstr_len(MP_OBJ_QSTR_VALUE(s)) : ((mp_obj_str_t *)MP_OBJ_TO_PTR(s))->len;
    }
    if (total == 0) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_);
    }
    byte *data = m_new(byte, total + 1);
    byte *p = data;
    for (size_t i = 0; i < n; i++) {
        if (i && sep_len) {
            memcpy(p, sep_data, sep_len);
            p += sep_len;
        }
        size_t len;
        const char *d = mpcy_str_data(MPCY_OBJ(mpcy_as_native(MPCY_PY(items[i]), &mp_type_str)), &len);
        memcpy(p, d, len);
        p += len;
    }
    *p = 0;
    mp_obj_str_t *o = mp_obj_malloc(mp_obj_str_t, &mp_type_str);
    o->len = total;
    o->hash = qstr_compute_hash(data, total);
    o->data = data;
    return MP_OBJ_FROM_PTR(o);
}

PyObject *PyUnicode_Join(PyObject *sep, PyObject *seq) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t s = MPCY_OBJ(seq);
    MPCY_TRY(NULL, {
        r = mpcy_str_join_fast(MPCY_OBJ(sep), s);
        if (r == MP_OBJ_NULL) {
            r = mpcy_method(MPCY_OBJ(sep), MP_QSTR_join, 1, &s);
        }
    });
    return MPCY_PY(r);
}

PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t args[2] = { sep ? MPCY_OBJ(sep) : mp_const_none, mp_obj_new_int(maxsplit) };
        r = mpcy_method(MPCY_OBJ(s), MP_QSTR_split, 2, args);
    });
    return MPCY_PY(r);
}

PyObject *PyUnicode_Replace(PyObject *s, PyObject *old, PyObject *repl, Py_ssize_t maxcount) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t args[3] = { MPCY_OBJ(old), MPCY_OBJ(repl), mp_obj_new_int(maxcount) };
        r = mpcy_method(MPCY_OBJ(s), MP_QSTR_replace, 3, args);
    });
    return MPCY_PY(r);
}

PyObject *PyUnicode_Format(PyObject *fmt, PyObject *args) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_binary_op(MP_BINARY_OP_MODULO, MPCY_OBJ(fmt), MPCY_OBJ(args)));
    return MPCY_PY(r);
}

// -1, 0 or 1: UTF-8 compares bytewise in code point order.
static int mpcy_compare_utf8(const char *a, size_t la, const char *b, size_t lb) {
    int c = memcmp(a, b, la < lb ? la : lb);
    if (c == 0) {
        c = la < lb ? -1 : la > lb ? 1 : 0;
    }
    return c < 0 ? -1 : c > 0;
}

int PyUnicode_Compare(PyObject *a, PyObject *b) {
    size_t la, lb;
    PyObject *sa = mpcy_as_native(a, &mp_type_str), *sb = mpcy_as_native(b, &mp_type_str);
    if (sa == NULL || sb == NULL) {
        PyErr_Format(PyExc_TypeError, "Can't compare %s and %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(a))), mpcy_type_name(mp_obj_get_type(MPCY_OBJ(b))));
        return -1;
    }
    if (sa == sb) {
        return 0;
    }
    const char *da = mpcy_str_data(MPCY_OBJ(sa), &la);
    const char *db = mpcy_str_data(MPCY_OBJ(sb), &lb);
    return mpcy_compare_utf8(da, la, db, lb);
}

// CPython's does not check `a` and sets no error; another object than a str
// compares less here.
int PyUnicode_CompareWithASCIIString(PyObject *a, const char *b) {
    PyObject *sa = mpcy_as_native(a, &mp_type_str);
    if (sa == NULL) {
        return -1;
    }
    size_t la, lb = strlen(b);
    const char *da = mpcy_str_data(MPCY_OBJ(sa), &la);
    return mpcy_compare_utf8(da, la, b, lb);
}

int PyUnicode_EqualToUTF8(PyObject *a, const char *b) {
    return PyUnicode_Check(a) && PyUnicode_CompareWithASCIIString(a, b) == 0;
}

PyObject *PyUnicode_RichCompare(PyObject *a, PyObject *b, int op) {
    PyObject *sa = mpcy_as_native(a, &mp_type_str), *sb = mpcy_as_native(b, &mp_type_str);
    if (sa == NULL || sb == NULL) {
        return Py_NotImplemented;
    }
    return PyObject_RichCompare(sa, sb, op);
}

int PyUnicode_Contains(PyObject *container, PyObject *element) {
    PyObject *e = mpcy_as_native(element, &mp_type_str);
    if (e == NULL) {
        PyErr_Format(PyExc_TypeError, "'in <string>' requires string as left operand, not %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(element))));
        return -1;
    }
    PyObject *c = mpcy_ensure_str(container);
    if (c == NULL) {
        return -1;
    }
    return PySequence_Contains(c, e);
}

Py_ssize_t PyUnicode_Find(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction) {
    Py_ssize_t r = -1;
    MPCY_TRY(-2, {
        mp_obj_t args[3] = { MPCY_OBJ(sub), mp_obj_new_int(start), mp_obj_new_int(end) };
        r = mp_obj_get_int(mpcy_method(MPCY_OBJ(s), direction > 0 ? MP_QSTR_find : MP_QSTR_rfind, 3, args));
    });
    return r;
}

Py_ssize_t PyUnicode_FindChar(PyObject *s, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) {
    PyObject *sub = PyUnicode_FromOrdinal(ch);
    return sub == NULL ? -2 : PyUnicode_Find(s, sub, start, end, direction);
}

Py_ssize_t PyUnicode_Tailmatch(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction) {
    mp_obj_t r = MP_OBJ_NULL;
    PyObject *str = mpcy_ensure_str(s);
    if (str == NULL) {
        return -1;
    }
    MPCY_TRY(-1, {
        mp_obj_t part = mp_obj_subscr(MPCY_OBJ(str), mp_obj_new_slice(mp_obj_new_int(start), mp_obj_new_int(end), mp_const_none), MP_OBJ_SENTINEL);
        mp_obj_t arg = MPCY_OBJ(sub);
        r = mpcy_method(part, direction > 0 ? MP_QSTR_endswith : MP_QSTR_startswith, 1, &arg);
    });
    return r == mp_const_true;
}

int PyUnicode_IsIdentifier(PyObject *s) {
    s = mpcy_as_native(s, &mp_type_str);
    if (s == NULL) {
        return 0;
    }
    size_t len;
    const char *d = mpcy_str_data(MPCY_OBJ(s), &len);
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
// has no %lld. At least `digits` digits (zero-padded).
static void mpcy_add_ull(vstr_t *v, unsigned long long x, bool neg, unsigned base, int digits) {
    char buf[24];
    size_t i = sizeof(buf);
    do {
        buf[--i] = "0123456789abcdef"[x % base];
        x /= base;
        digits--;
    } while (x != 0 || (digits > 0 && i > 1));
    if (neg) {
        buf[--i] = '-';
    }
    vstr_add_strn(v, buf + i, sizeof(buf) - i);
}

// Append a C string decoded as UTF-8 with "replace" (as CPython's %s), at
// most `prec` characters.
static void mpcy_add_cstr(vstr_t *v, const char *s, int prec) {
    size_t n = strlen(s), i = 0;
    for (int count = 0; i < n && (prec < 0 || count < prec); count++) {
        size_t bad = 0;
        const char *reason;
        size_t k = mpcy_utf8_seq((const byte *)s + i, n - i, &bad, &reason);
        if (k != 0) {
            vstr_add_strn(v, s + i, k);
            i += k;
        } else {
            vstr_add_char(v, 0xfffd);
            i += bad;
        }
    }
}

// CPython's printf-style format for PyUnicode_FromFormat and PyErr_Format:
// %s %d %i %u %ld %lu %lld %llu %zd %zu %x %c %p %% and %S %R %A %U %V, with
// flags '-' and '0', a width and a precision (%.200s; digits for integers).
// `raw` is PyBytes_FromFormat's variant: %c is a byte, %s copied as it is.
// Runs MicroPython code (str() and repr() of objects): call under nlr.
void mpcy_vformat(vstr_t *vp, const char *fmt, va_list va, bool raw) {
    mp_print_t pr = { vp, (mp_print_strn_t)vstr_add_strn };
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            vstr_add_byte(vp, *p);
            continue;
        }
        const char *spec = p++;
        bool left = false, zero = false;
        for (;; p++) {
            if (*p == '-') {
                left = true;
            } else if (*p == '0') {
                zero = true;
            } else {
                break;
            }
        }
        int width = 0, prec = -1;
        for (; *p >= '0' && *p <= '9'; p++) {
            width = width * 10 + (*p - '0');
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
        if (*p == '%') {
            vstr_add_byte(vp, '%');
            continue;
        }
        // Format the item on its own, then pad it to the width.
        size_t at = vp->len;
        bool number = false;
        switch (*p) {
            case 'c': {
                int c = va_arg(va, int);
                if (c < 0 || c > 0x10ffff) {
                    mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("character argument not in range(0x110000)"));
                }
                if (raw) {
                    vstr_add_byte(vp, c);
                } else {
                    vstr_add_char(vp, c);
                }
                break;
            }
            case 'd':
            case 'i': {
                long long x = sz ? va_arg(va, Py_ssize_t) : lng == 2 ? va_arg(va, long long) : lng ? va_arg(va, long) : va_arg(va, int);
                mpcy_add_ull(vp, x < 0 ? -(unsigned long long)x : (unsigned long long)x, x < 0, 10, prec);
                number = true;
                break;
            }
            case 'u':
            case 'x': {
                unsigned long long x = sz ? va_arg(va, size_t) : lng == 2 ? va_arg(va, unsigned long long) : lng ? va_arg(va, unsigned long) : va_arg(va, unsigned int);
                mpcy_add_ull(vp, x, false, *p == 'x' ? 16 : 10, prec);
                number = true;
                break;
            }
            case 'p':
                vstr_add_str(vp, "0x");
                mpcy_add_ull(vp, (uintptr_t)va_arg(va, void *), false, 16, -1);
                break;
            case 's':
                if (raw) {
                    vstr_add_str(vp, va_arg(va, const char *));
                } else {
                    mpcy_add_cstr(vp, va_arg(va, const char *), prec);
                }
                break;
            case 'U':
            case 'S':
            case 'R':
            case 'A':
            case 'V': {
                mp_obj_t o = MPCY_OBJ(va_arg(va, PyObject *));
                const char *s = *p == 'V' ? va_arg(va, const char *) : NULL;
                if (o == MP_OBJ_NULL && s != NULL) {
                    mpcy_add_cstr(vp, s, prec);
                    break;
                }
                mp_obj_print_helper(&pr, o, (*p == 'R' || *p == 'A') ? PRINT_REPR : PRINT_STR);
                if (prec >= 0) {
                    // At most `prec` characters of the object's text.
                    const byte *q = (const byte *)vp->buf + at, *end = (const byte *)vp->buf + vp->len;
                    for (int i = 0; i < prec && q < end; i++) {
                        q = utf8_next_char(q);
                    }
                    vp->len = q - (const byte *)vp->buf;
                }
                break;
            }
            default:
                // Unknown conversion: the rest of the format as it is (CPython 3.11).
                vstr_add_str(vp, spec);
                return;
        }
        size_t chars = utf8_charlen((const byte *)vp->buf + at, vp->len - at);
        if ((size_t)width > chars) {
            size_t pad = width - chars;
            char fill = zero && number && !left ? '0' : ' ';
            if (left) {
                for (size_t i = 0; i < pad; i++) {
                    vstr_add_byte(vp, ' ');
                }
            } else {
                // Zeros go after a sign.
                size_t ins = at + (fill == '0' && vp->buf[at] == '-');
                size_t tail = vp->len - ins;
                vstr_add_len(vp, pad);
                memmove(vp->buf + ins + pad, vp->buf + ins, tail);
                memset(vp->buf + ins, fill, pad);
            }
        }
    }
}

mp_obj_t mpcy_str_from_fmt(const char *fmt, va_list va) {
    vstr_t v;
    vstr_init(&v, 32);
    mpcy_vformat(&v, fmt, va, false);
    return mp_obj_new_str_from_utf8_vstr(&v);
}

PyObject *PyUnicode_FromFormatV(const char *fmt, va_list va) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_str_from_fmt(fmt, va));
    return MPCY_PY(r);
}

MPCY_DEFINE_FORMAT_VARARGS(PyUnicode_FromFormat, PyUnicode_FromFormatV)

Py_ssize_t PyUnicode_Count(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t r = -1;
    MPCY_TRY(-1, {
        mp_obj_t args[3] = { MPCY_OBJ(sub), mp_obj_new_int(start), mp_obj_new_int(end) };
        r = mp_obj_get_int(mpcy_method(MPCY_OBJ(s), MP_QSTR_count, 3, args));
    });
    return r;
}

PyObject *PyUnicode_Splitlines(PyObject *s, int keepends) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t arg = mp_obj_new_bool(keepends);
    MPCY_TRY(NULL, r = mpcy_method(MPCY_OBJ(s), MP_QSTR_splitlines, 1, &arg));
    return MPCY_PY(r);
}

// ---- character properties --------------------------------------------------------

// Whitespace beyond ASCII: the characters of bidirectional class WS, B or S
// or of category Zs (Unicode 15, as CPython's _PyUnicode_IsWhitespace).
int _PyUnicode_IsWhitespace(const Py_UCS4 ch) {
    if (ch < 128) {
        return (ch >= 9 && ch <= 13) || (ch >= 0x1c && ch <= 0x20);
    }
    return ch == 0x85 || ch == 0xa0 || ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch == 0x2028
           || ch == 0x2029 || ch == 0x202f || ch == 0x205f || ch == 0x3000;
}

// The value of a decimal digit (category Nd, Unicode 15), or -1. Every
// script's digits are ten consecutive code points: the table holds the zeros.
int _PyUnicode_ToDecimalDigit(Py_UCS4 ch) {
    static const uint32_t zeros[] = {
        0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
        0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
        0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
        0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
        0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x11f50, 0x16a60, 0x16ac0, 0x16b50,
        0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e950, 0x1fbf0,
    };
    if (ch < 0x30) {
        return -1;
    }
    // the last zero at or below ch
    size_t lo = 0, hi = MP_ARRAY_SIZE(zeros);
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (zeros[mid] <= ch) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return ch - zeros[lo] < 10 ? (int)(ch - zeros[lo]) : -1;
}

int _PyUnicode_IsDecimalDigit(Py_UCS4 ch) {
    return _PyUnicode_ToDecimalDigit(ch) >= 0;
}

// The ASCII text int() and float() parse in `text` (a str, or an object with the
// buffer protocol) into v: for a str, Unicode white space as ' ' and decimal
// digits as '0'..'9', and the text cut after a '?' at the first other
// character beyond ASCII (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII).
// Raises.
void mpcy_number_ascii(mp_obj_t text, vstr_t *v) {
    if (!mp_obj_is_str(text)) {
        mp_buffer_info_t info;
        mp_get_buffer_raise(text, &info, MP_BUFFER_READ);
        vstr_add_strn(v, info.buf, info.len);
        return;
    }
    size_t n;
    const byte *p = (const byte *)mpcy_str_data(text, &n);
    for (const byte *end = p + n; p < end; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        int digit = _PyUnicode_ToDecimalDigit(c);
        if (c < 127) {
            vstr_add_byte(v, c);
        } else if (_PyUnicode_IsWhitespace(c)) {
            vstr_add_byte(v, ' ');
        } else if (digit >= 0) {
            vstr_add_byte(v, '0' + digit);
        } else {
            vstr_add_byte(v, '?');
            break;
        }
    }
}
