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

// set and frozenset; `exact_set` for the calls CPython allows on sets only.
static int mpcy_set_check(PyObject *s, bool exact_set, const char *what) {
    if (s == NULL || !(PySet_Check(s) || (!exact_set && PyFrozenSet_Check(s)))) {
        return mpcy_bad_type(s, what);
    }
    return 0;
}

Py_ssize_t PySet_Size(PyObject *s) {
    if (mpcy_set_check(s, false, "PySet_Size") < 0) {
        return -1;
    }
    return PyObject_Size(s);
}

// Also for a new frozenset, which CPython lets its creator fill.
int PySet_Add(PyObject *s, PyObject *key) {
    if (mpcy_set_check(s, false, "PySet_Add") < 0) {
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
    if (mpcy_set_check(s, false, "PySet_Contains") < 0) {
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
    if (mpcy_set_check(s, true, "PySet_Discard") < 0) {
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
    if (mpcy_set_check(s, true, "PySet_Pop") < 0) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_set_call(s, MP_QSTR_pop, NULL));
    return MPCY_PY(r);
}

int PySet_Clear(PyObject *s) {
    if (mpcy_set_check(s, true, "PySet_Clear") < 0) {
        return -1;
    }
    MPCY_TRY(-1, mpcy_set_call(s, MP_QSTR_clear, NULL));
    return 0;
}
