// bytes (bytesobject.h).
#include "mpcy.h"
#include "py/objstr.h"
#include "py/unicode.h"

PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n) {
    mp_obj_t r = MP_OBJ_NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    // With s == NULL the caller fills the (zeroed) data in before use.
    MPCY_TRY(NULL, {
        r = s != NULL ? mpcy_static_text(&mp_type_bytes, s, n) : MP_OBJ_NULL;
        if (r == MP_OBJ_NULL) {
            vstr_t v;
            vstr_init_len(&v, n);
            memset(v.buf, 0, n);
            if (s != NULL) {
                memcpy(v.buf, s, n);
            }
            r = mp_obj_new_bytes_from_vstr(&v);
        }
    });
    if (s == NULL && n > 0) {
        // The content comes later: no hash of the zeros (0 means "not
        // computed yet" to MicroPython's hashing and comparison).
        ((mp_obj_str_t *)MP_OBJ_TO_PTR(r))->hash = MPCY_STR_HASH_NOT_COMPUTED;
    }
    return MPCY_PY(r);
}

PyObject *PyBytes_FromFormatV(const char *fmt, va_list va) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        vstr_t v;
        vstr_init(&v, 32);
        mpcy_vformat(&v, fmt, va, true);
        r = mp_obj_new_bytes_from_vstr(&v);
    });
    return MPCY_PY(r);
}

MPCY_DEFINE_FORMAT_VARARGS(PyBytes_FromFormat, PyBytes_FromFormatV)

PyObject *PyBytes_FromString(const char *s) {
    return PyBytes_FromStringAndSize(s, strlen(s));
}

// bytes(o) for a buffer or an iterable of ints; not for str or int (bytes(5)
// would make five zero bytes).
PyObject *PyBytes_FromObject(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    mp_buffer_info_t info;
    const mp_obj_type_t *t = mp_obj_get_type(x);
    if (mp_obj_is_str(x) || (!mp_get_buffer(x, &info, MP_BUFFER_READ) && !MP_OBJ_TYPE_HAS_SLOT(t, iter))) {
        PyErr_Format(PyExc_TypeError, "cannot convert '%s' object to bytes", mpcy_type_name(t));
        return NULL;
    }
    return PyObject_Bytes(o);
}

// The data and length of bytes `o` (mpcy_native), else NULL with CPython's
// TypeError.
static const char *mpcy_bytes_data(PyObject *o, size_t *len) {
    PyObject *b = mpcy_as_native(o, &mp_type_bytes);
    if (b == NULL) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %s found", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        return NULL;
    }
    return mpcy_str_data(MPCY_OBJ(b), len);
}

char *PyBytes_AsString(PyObject *o) {
    size_t len;
    return (char *)mpcy_bytes_data(o, &len);
}

Py_ssize_t PyBytes_Size(PyObject *o) {
    size_t len;
    return mpcy_bytes_data(o, &len) ? (Py_ssize_t)len : -1;
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

// *b + w, for any bytes-like w; *b becomes NULL on error.
void PyBytes_Concat(PyObject **b, PyObject *w) {
    if (*b == NULL) {
        return;
    }
    mp_buffer_info_t wb, bb;
    if (w == NULL) {
        *b = NULL;
        return;
    }
    if (mp_obj_is_str(MPCY_OBJ(w)) || !mp_get_buffer(MPCY_OBJ(w), &wb, MP_BUFFER_READ)
        || !mp_get_buffer(MPCY_OBJ(*b), &bb, MP_BUFFER_READ)) {
        PyErr_Format(PyExc_TypeError, "can't concat %s to %s", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(w))),
            mpcy_type_name(mp_obj_get_type(MPCY_OBJ(*b))));
        *b = NULL;
        return;
    }
    PyObject *r = PyBytes_FromStringAndSize(NULL, bb.len + wb.len);
    if (r != NULL) {
        char *p = PyBytes_AsString(r);
        memcpy(p, bb.buf, bb.len);
        memcpy(p + bb.len, wb.buf, wb.len);
        ((mp_obj_str_t *)MP_OBJ_TO_PTR(MPCY_OBJ(r)))->hash = MPCY_STR_HASH_NOT_COMPUTED;
    }
    *b = r;
}

// ---- Methods of str, bytes and bytearray that MicroPython lacks (mpcy_native_attr) ----

// expandtabs(tabsize=8), CPython's for the three (stringlib): a tab pads to
// the next multiple of tabsize columns, a column being a character (str) or
// a byte; '\n' and '\r' start a line.
static mp_obj_t mpcy_expandtabs(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    size_t n_kw = kw != NULL ? kw->used : 0;
    if (n_args - 1 + n_kw > 1) {
        mpcy_raise(&mp_type_TypeError, "expandtabs() takes at most 1 %sargument (%d given)", n_args == 1 ? "keyword " : "", (int)(n_args - 1 + n_kw));
    }
    mp_obj_t arg = n_args > 1 ? args[1] : MP_OBJ_NULL;
    for (size_t i = 0; n_kw != 0 && i < kw->alloc; i++) {
        if (mp_map_slot_is_filled(kw, i)) {
            if (!mp_obj_is_str(kw->table[i].key) || mp_obj_str_get_qstr(kw->table[i].key) != MP_QSTR_tabsize) {
                mpcy_raise(&mp_type_TypeError, "'%U' is an invalid keyword argument for expandtabs()", MPCY_PY(kw->table[i].key));
            }
            arg = kw->table[i].value;
        }
    }
    long long tabsize = 8;
    if (arg != MP_OBJ_NULL) {
        tabsize = PyLong_AsLongLong(mpcy_check(PyNumber_Index(MPCY_PY(arg))));
        if (tabsize == -1 && PyErr_Occurred()) {
            mpcy_err_raise();
        }
        if (tabsize < INT_MIN || tabsize > INT_MAX) {
            mpcy_raise(&mp_type_OverflowError, "Python int too large to convert to C int");
        }
    }
    bool text = mp_obj_is_str(args[0]);
    mp_buffer_info_t b;
    mp_get_buffer_raise(args[0], &b, MP_BUFFER_READ);
    vstr_t v;
    vstr_init(&v, b.len);
    long long col = 0;
    for (size_t i = 0; i < b.len; i++) {
        byte c = ((const byte *)b.buf)[i];
        if (c == '\t') {
            for (long long n = tabsize > 0 ? tabsize - col % tabsize : 0; n > 0; n--, col++) {
                vstr_add_byte(&v, ' ');
            }
        } else {
            vstr_add_byte(&v, c);
            col = c == '\n' || c == '\r' ? 0 : col + (!text || (c & 0xc0) != 0x80);
        }
    }
    if (text) {
        return mp_obj_new_str_from_vstr(&v);
    }
    if (mp_obj_is_type(args[0], &mp_type_bytearray)) {
        mp_obj_t r = mp_obj_new_bytearray(v.len, v.buf);
        vstr_clear(&v);
        return r;
    }
    return mp_obj_new_bytes_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_expandtabs_obj, 1, mpcy_expandtabs);

// self's type, after CPython's check of a method taking no arguments.
static const mp_obj_type_t *mpcy_text_noargs(qstr name, size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    const mp_obj_type_t *t = mp_obj_get_type(args[0]);
    mpcy_noargs(t, name, n_args, kw);
    return t;
}

// swapcase(): with the case rules of MicroPython's upper() and lower(),
// ASCII letters only (CPython's str also swaps other letters: DIFFERENCES.md).
static mp_obj_t mpcy_swapcase(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    const mp_obj_type_t *t = mpcy_text_noargs(MP_QSTR_swapcase, n_args, args, kw);
    mp_buffer_info_t b;
    mp_get_buffer_raise(args[0], &b, MP_BUFFER_READ);
    vstr_t v;
    vstr_init_len(&v, b.len);
    for (size_t i = 0; i < b.len; i++) {
        byte c = ((const byte *)b.buf)[i];
        v.buf[i] = unichar_isupper(c) ? unichar_tolower(c) : unichar_islower(c) ? unichar_toupper(c) : c;
    }
    if (t == &mp_type_str) {
        return mp_obj_new_str_from_vstr(&v);
    }
    mp_obj_t r = t == &mp_type_bytearray ? mp_obj_new_bytearray(v.len, v.buf) : mp_obj_new_bytes_from_vstr(&v);
    return r;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_swapcase_obj, 1, mpcy_swapcase);

// istitle(): CPython's rule (an upper-case letter only after an uncased
// character, a lower-case one only after a cased one, at least one cased),
// with ASCII letters as the cased characters, as swapcase.
static mp_obj_t mpcy_istitle(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mpcy_text_noargs(MP_QSTR_istitle, n_args, args, kw);
    mp_buffer_info_t b;
    mp_get_buffer_raise(args[0], &b, MP_BUFFER_READ);
    bool cased = false, after_cased = false;
    for (size_t i = 0; i < b.len; i++) {
        byte c = ((const byte *)b.buf)[i];
        if (unichar_isupper(c) || unichar_islower(c)) {
            if (after_cased == (bool)unichar_isupper(c)) {
                return mp_const_false;
            }
            cased = after_cased = true;
        } else {
            after_cased = false;
        }
    }
    return mp_obj_new_bool(cased);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_istitle_obj, 1, mpcy_istitle);

static const mp_rom_map_elem_t mpcy_bytes_methods_table[] = {
    { MP_ROM_QSTR(MP_QSTR_expandtabs), MP_ROM_PTR(&mpcy_expandtabs_obj) },
    { MP_ROM_QSTR(MP_QSTR_swapcase), MP_ROM_PTR(&mpcy_swapcase_obj) },
    { MP_ROM_QSTR(MP_QSTR_istitle), MP_ROM_PTR(&mpcy_istitle_obj) },
};
MP_DEFINE_CONST_DICT(mpcy_bytes_methods, mpcy_bytes_methods_table);
