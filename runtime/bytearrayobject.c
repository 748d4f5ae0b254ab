// bytearray (bytearrayobject.h).
#include "mpcy.h"

PyObject *PyByteArray_FromStringAndSize(const char *s, Py_ssize_t n) {
    mp_obj_t r = MP_OBJ_NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    // With s == NULL the caller fills the data in: start from zeros.
    MPCY_TRY(NULL, r = s ? mp_obj_new_bytearray(n, s) : mp_obj_new_bytearray_by_ref(n, m_new0(byte, n)));
    return MPCY_PY(r);
}

PyObject *PyByteArray_FromObject(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytearray), MPCY_OBJ(o)));
    return MPCY_PY(r);
}

// Not a bytearray: a misuse CPython only asserts against.
char *PyByteArray_AsString(PyObject *o) {
    mp_buffer_info_t info;
    o = mpcy_as_native(o, &mp_type_bytearray);
    if (o == NULL || !mp_get_buffer(MPCY_OBJ(o), &info, MP_BUFFER_RW)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    // An empty bytearray has no storage; CPython answers "".
    return info.len ? info.buf : (char *)"";
}

Py_ssize_t PyByteArray_Size(PyObject *o) {
    mp_buffer_info_t info;
    o = mpcy_as_native(o, &mp_type_bytearray);
    if (o == NULL || !mp_get_buffer(MPCY_OBJ(o), &info, MP_BUFFER_READ)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return info.len;
}

// As `o[min(n, len):] = <the zeros it gains, or nothing>`: MicroPython's slice
// assignment (MICROPY_PY_ARRAY_SLICE_ASSIGN) grows and shrinks a bytearray.
// The bytes gained are zeros (CPython leaves them undefined).
int PyByteArray_Resize(PyObject *o, Py_ssize_t n) {
    Py_ssize_t len = PyByteArray_Size(o);
    if (len < 0) {
        return -1;
    }
    if (n < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", n);
        return -1;
    }
    PyObject *tail = PyBytes_FromStringAndSize(NULL, n > len ? n - len : 0);
    if (tail == NULL) {
        return -1;
    }
    MPCY_TRY(-1, {
        mp_obj_t from = MP_OBJ_NEW_SMALL_INT(n < len ? n : len);
        mp_obj_subscr(MPCY_OBJ(mpcy_as_native(o, &mp_type_bytearray)), mp_obj_new_slice(from, mp_const_none, mp_const_none), MPCY_OBJ(tail));
    });
    return 0;
}

// ---- bytearray.append ----------------------------------------------------------
// MicroPython's keeps the low 8 bits of any int. C code that looks the method
// up (Cython's b.append(x) calls it) gets CPython's: an index in range(256).

// bytearray.append(item). Raises.
static mp_obj_t mpcy_bytearray_append(mp_obj_t self, mp_obj_t item) {
    mp_obj_t i = mpcy_check(PyNumber_Index(MPCY_PY(item)));
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(MPCY_PY(i), &overflow);
    if (overflow != 0 || v < 0 || v > 255) {
        mp_raise_ValueError(MP_ERROR_TEXT("byte must be in range(0, 256)"));
    }
    mp_obj_t dest[3];
    mp_load_method(self, MP_QSTR_append, dest);
    dest[2] = MP_OBJ_NEW_SMALL_INT(v);
    return mp_call_method_n_kw(1, 0, dest);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpcy_bytearray_append_obj, mpcy_bytearray_append);

mp_obj_t mpcy_bytearray_method(mp_obj_t self, qstr attr) {
    if (attr == MP_QSTR_append && mp_obj_is_type(self, &mp_type_bytearray)) {
        return MP_OBJ_FROM_PTR(&mpcy_bytearray_append_obj);
    }
    return MP_OBJ_NULL;
}
