// list (listobject.h). Instances of Python subclasses of list count as lists
// (CPython's PyList_Check); the functions work on their list part.
#include "mpcy.h"

static PyObject *mpcy_list_arg_slow(PyObject *l, const char *what) {
    if (!PyList_Check(l)) {
        mpcy_bad_type(l, what);
        return NULL;
    }
    return mpcy_as_native(l, &mp_type_list);
}

// The list part of L, an argument of the API function WHAT; NULL with
// CPython's SystemError when L is not a list. A list is itself, checked
// inline: PyList_GetItem and PyList_Size are in Cython's loops.
static inline MP_ALWAYSINLINE PyObject *mpcy_list_arg(PyObject *l, const char *what) {
    return l != NULL && mp_obj_is_exact_type(MPCY_OBJ(l), &mp_type_list) ? l : mpcy_list_arg_slow(l, what);
}

PyObject *PyList_New(Py_ssize_t n) {
    MPCY_CHECK_INIT("PyList_New");
    mp_obj_t r = MP_OBJ_NULL;
    if (n < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    MPCY_TRY(NULL, r = mp_obj_new_list(n, NULL));
    memset(((mp_obj_list_t *)MP_OBJ_TO_PTR(r))->items, 0, n * sizeof(mp_obj_t));
    return MPCY_PY(r);
}

Py_ssize_t PyList_Size(PyObject *l) {
    if ((l = mpcy_list_arg(l, "PyList_Size")) == NULL) {
        return -1;
    }
    return PyList_GET_SIZE(l);
}

PyObject *PyList_GetItem(PyObject *l, Py_ssize_t i) {
    if ((l = mpcy_list_arg(l, "PyList_GetItem")) == NULL) {
        return NULL;
    }
    if (i < 0 || i >= PyList_GET_SIZE(l)) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return PyList_GET_ITEM(l, i);
}

PyObject *PyList_GetItemRef(PyObject *l, Py_ssize_t i) {
    return PyList_GetItem(l, i);
}

int PyList_SetItem(PyObject *l, Py_ssize_t i, PyObject *v) {
    if ((l = mpcy_list_arg(l, "PyList_SetItem")) == NULL) {
        return -1;
    }
    if (i < 0 || i >= PyList_GET_SIZE(l)) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyList_SET_ITEM(l, i, v);
    return 0;
}

MPCY_CLOBBER_CHECKED
int PyList_Append(PyObject *l, PyObject *v) {
    if ((l = mpcy_list_arg(l, "PyList_Append")) == NULL) {
        return -1;
    }
    MPCY_TRY(-1, mp_obj_list_append(MPCY_OBJ(l), MPCY_OBJ(v)));
    return 0;
}
MPCY_CLOBBER_CHECKED_END

MPCY_CLOBBER_CHECKED
int PyList_Insert(PyObject *l, Py_ssize_t i, PyObject *v) {
    if ((l = mpcy_list_arg(l, "PyList_Insert")) == NULL) {
        return -1;
    }
    MPCY_TRY(-1, {
        mp_obj_t dest[4];
        mp_load_method(MPCY_OBJ(l), MP_QSTR_insert, dest);
        dest[2] = mp_obj_new_int(i);
        dest[3] = MPCY_OBJ(v);
        mp_call_method_n_kw(2, 0, dest);
    });
    return 0;
}
MPCY_CLOBBER_CHECKED_END

// CPython's list slices clamp the bounds to the list: a negative index is 0,
// not counted from the end as in Python's l[lo:hi].
static void mpcy_clamp(Py_ssize_t n, Py_ssize_t *lo, Py_ssize_t *hi) {
    *lo = *lo < 0 ? 0 : *lo > n ? n : *lo;
    *hi = *hi < *lo ? *lo : *hi > n ? n : *hi;
}

MPCY_CLOBBER_CHECKED
PyObject *PyList_GetSlice(PyObject *l, Py_ssize_t lo, Py_ssize_t hi) {
    if ((l = mpcy_list_arg(l, "PyList_GetSlice")) == NULL) {
        return NULL;
    }
    mpcy_clamp(PyList_GET_SIZE(l), &lo, &hi);
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_list(hi - lo, ((mp_obj_list_t *)MP_OBJ_TO_PTR(MPCY_OBJ(l)))->items + lo));
    mpcy_live_until(l); // the items pointer is inside its block
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

int PyList_SetSlice(PyObject *l, Py_ssize_t lo, Py_ssize_t hi, PyObject *v) {
    if ((l = mpcy_list_arg(l, "PyList_SetSlice")) == NULL) {
        return -1;
    }
    mpcy_clamp(PyList_GET_SIZE(l), &lo, &hi);
    if (v != NULL && !PyList_CheckExact(v) && !PyTuple_CheckExact(v)) {
        // MicroPython assigns only lists and tuples to a slice.
        v = PySequence_Fast(v, "can only assign an iterable");
        if (v == NULL) {
            return -1;
        }
    }
    return PySequence_SetSlice(l, lo, hi, v);
}

MPCY_CLOBBER_CHECKED
int PyList_Sort(PyObject *l) {
    if ((l = mpcy_list_arg(l, "PyList_Sort")) == NULL) {
        return -1;
    }
    MPCY_TRY(-1, mp_obj_list_sort(1, (mp_obj_t[]) {MPCY_OBJ(l)}, (mp_map_t *)&mp_const_empty_map));
    return 0;
}
MPCY_CLOBBER_CHECKED_END

MPCY_CLOBBER_CHECKED
int PyList_Reverse(PyObject *l) {
    if ((l = mpcy_list_arg(l, "PyList_Reverse")) == NULL) {
        return -1;
    }
    MPCY_TRY(-1, {
        mp_obj_t dest[2];
        mp_load_method(MPCY_OBJ(l), MP_QSTR_reverse, dest);
        mp_call_method_n_kw(0, 0, dest);
    });
    return 0;
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyList_AsTuple(PyObject *l) {
    if ((l = mpcy_list_arg(l, "PyList_AsTuple")) == NULL) {
        return NULL;
    }
    return mpcy_tuple_from_array(PyList_GET_SIZE(l), ((mp_obj_list_t *)MP_OBJ_TO_PTR(MPCY_OBJ(l)))->items);
}

MPCY_CLOBBER_CHECKED
int PyList_Extend(PyObject *l, PyObject *iterable) {
    if (!PyList_Check(l)) {
        return mpcy_bad_type(l, "PyList_Extend");
    }
    l = mpcy_as_native(l, &mp_type_list);
    MPCY_TRY(-1, {
        mp_obj_t dest[3];
        mp_load_method(MPCY_OBJ(l), MP_QSTR_extend, dest);
        dest[2] = MPCY_OBJ(iterable);
        mp_call_method_n_kw(1, 0, dest);
    });
    return 0;
}
MPCY_CLOBBER_CHECKED_END
