// tuple (tupleobject.h).
#include "mpcy.h"

PyObject *PyTuple_New(Py_ssize_t n) {
    MPCY_CHECK_INIT("PyTuple_New");
    mp_obj_t r = MP_OBJ_NULL;
    if (n < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    // Items start as NULL, as CPython's; Cython fills them with PyTuple_SET_ITEM.
    MPCY_TRY(NULL, r = mp_obj_new_tuple(n, NULL));
    memset(((mp_obj_tuple_t *)MP_OBJ_TO_PTR(r))->items, 0, n * sizeof(mp_obj_t));
    return MPCY_PY(r);
}

PyObject *mpcy_tuple_from_array(size_t n, const mp_obj_t *items) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_tuple(n, items));
    return MPCY_PY(r);
}

PyObject *PyTuple_Pack(Py_ssize_t n, ...) {
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, va_arg(va, PyObject *));
    }
    va_end(va);
    return t;
}

Py_ssize_t PyTuple_Size(PyObject *t) {
    if (!PyTuple_Check(t)) {
        return mpcy_bad_type(t, "PyTuple_Size");
    }
    return PyTuple_GET_SIZE(t);
}

PyObject *PyTuple_GetItem(PyObject *t, Py_ssize_t i) {
    if (!PyTuple_Check(t)) {
        mpcy_bad_type(t, "PyTuple_GetItem");
        return NULL;
    }
    if (i < 0 || i >= PyTuple_GET_SIZE(t)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return PyTuple_GET_ITEM(t, i);
}

int PyTuple_SetItem(PyObject *t, Py_ssize_t i, PyObject *v) {
    if (!PyTuple_Check(t)) {
        return mpcy_bad_type(t, "PyTuple_SetItem");
    }
    if (i < 0 || i >= PyTuple_GET_SIZE(t)) {
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyTuple_SET_ITEM(t, i, v);
    return 0;
}

PyObject *PyTuple_GetSlice(PyObject *t, Py_ssize_t lo, Py_ssize_t hi) {
    Py_ssize_t n = PyTuple_Size(t);
    if (n < 0) {
        return NULL;
    }
    lo = lo < 0 ? 0 : lo > n ? n : lo;
    hi = hi < lo ? lo : hi > n ? n : hi;
    PyObject *r = mpcy_tuple_from_array(hi - lo, MPCY_TUPLE(t)->items + lo);
    mpcy_live_until(t); // the items pointer is inside its block
    return r;
}
