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

int PyByteArray_Resize(PyObject *o, Py_ssize_t n) {
    (void)o;
    (void)n;
    PyErr_SetString(PyExc_NotImplementedError, "PyByteArray_Resize");
    return -1;
}
