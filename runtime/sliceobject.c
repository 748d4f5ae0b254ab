// slice (sliceobject.h).
#include "mpcy.h"

MPCY_CLOBBER_CHECKED
PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step) {
    // As mp_obj_new_slice, without raising (no nlr frame) unless the heap is full.
    mp_obj_slice_t *s = mpcy_obj_new_maybe(&mp_type_slice, sizeof(mp_obj_slice_t));
    if (s != NULL) {
        s->start = start ? MPCY_OBJ(start) : mp_const_none;
        s->stop = stop ? MPCY_OBJ(stop) : mp_const_none;
        s->step = step ? MPCY_OBJ(step) : mp_const_none;
        return MPCY_PY(MP_OBJ_FROM_PTR(s));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_slice(start ? MPCY_OBJ(start) : mp_const_none,
        stop ? MPCY_OBJ(stop) : mp_const_none, step ? MPCY_OBJ(step) : mp_const_none));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

int PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step) {
    mp_obj_slice_t *sl = MP_OBJ_TO_PTR(MPCY_OBJ(slice));
    mp_obj_t a = sl->start, b = sl->stop, c = sl->step;
    *step = c == mp_const_none ? 1 : PyNumber_AsSsize_t(MPCY_PY(c), NULL);
    if (*step == 0) {
        PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
        return -1;
    }
    *start = a == mp_const_none ? (*step < 0 ? PY_SSIZE_T_MAX : 0) : PyNumber_AsSsize_t(MPCY_PY(a), NULL);
    *stop = b == mp_const_none ? (*step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX) : PyNumber_AsSsize_t(MPCY_PY(b), NULL);
    return PyErr_Occurred() ? -1 : 0;
}

Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    }
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

int PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength) {
    if (PySlice_Unpack(slice, start, stop, step) < 0) {
        return -1;
    }
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}
