// set and frozenset (setobject.h).
#include "mpcy.h"

static PyObject *mpcy_new_set(const mp_obj_type_t *t, PyObject *iterable) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = iterable ? mp_call_function_1(MP_OBJ_FROM_PTR(t), MPCY_OBJ(iterable)) : mp_call_function_0(MP_OBJ_FROM_PTR(t)));
    return MPCY_PY(r);
}

PyObject *PySet_New(PyObject *iterable) {
    return mpcy_new_set(&mp_type_set, iterable);
}

PyObject *PyFrozenSet_New(PyObject *iterable) {
    return mpcy_new_set(&mp_type_frozenset, iterable);
}

// The set or frozenset `s` is (mpcy_native); `sets_only` for the calls CPython
// allows on sets only. NULL with CPython's SystemError for another object.
static PyObject *mpcy_set_check(PyObject *s, bool sets_only, const char *what) {
    PyObject *r = mpcy_as_native(s, &mp_type_set);
    if (r == NULL && !sets_only) {
        r = mpcy_as_native(s, &mp_type_frozenset);
    }
    if (r == NULL) {
        mpcy_bad_type(s, what);
    }
    return r;
}

Py_ssize_t PySet_Size(PyObject *s) {
    s = mpcy_set_check(s, false, "PySet_Size");
    if (s == NULL) {
        return -1;
    }
    return PyObject_Size(s);
}

// Also for a new frozenset, which CPython lets its creator fill.
int PySet_Add(PyObject *s, PyObject *key) {
    s = mpcy_set_check(s, false, "PySet_Add");
    if (s == NULL) {
        return -1;
    }
    MPCY_TRY(-1, {
        mpcy_check_hashable(MPCY_OBJ(key));
        mp_obj_set_store(MPCY_OBJ(s), MPCY_OBJ(key));
    });
    return 0;
}

static mp_obj_t mpcy_set_call(PyObject *s, qstr name, PyObject *arg) {
    mp_obj_t dest[3];
    mp_load_method(MPCY_OBJ(s), name, dest);
    if (arg == NULL) {
        return mp_call_method_n_kw(0, 0, dest);
    }
    dest[2] = MPCY_OBJ(arg);
    return mp_call_method_n_kw(1, 0, dest);
}

int PySet_Contains(PyObject *s, PyObject *key) {
    s = mpcy_set_check(s, false, "PySet_Contains");
    if (s == NULL) {
        return -1;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, {
        mpcy_check_hashable(MPCY_OBJ(key));
        r = mp_binary_op(MP_BINARY_OP_IN, MPCY_OBJ(key), MPCY_OBJ(s));
    });
    return r == mp_const_true;
}

int PySet_Discard(PyObject *s, PyObject *key) {
    s = mpcy_set_check(s, true, "PySet_Discard");
    if (s == NULL) {
        return -1;
    }
    int had = PySet_Contains(s, key);
    if (had <= 0) {
        return had;
    }
    MPCY_TRY(-1, mpcy_set_call(s, MP_QSTR_discard, key));
    return 1;
}

PyObject *PySet_Pop(PyObject *s) {
    s = mpcy_set_check(s, true, "PySet_Pop");
    if (s == NULL) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_set_call(s, MP_QSTR_pop, NULL));
    return MPCY_PY(r);
}

int PySet_Clear(PyObject *s) {
    s = mpcy_set_check(s, true, "PySet_Clear");
    if (s == NULL) {
        return -1;
    }
    MPCY_TRY(-1, mpcy_set_call(s, MP_QSTR_clear, NULL));
    return 0;
}
