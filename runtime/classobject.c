// Bound methods (classobject.h): MicroPython's bound_method type.
#include "mpcy.h"

PyObject *PyMethod_New(PyObject *func, PyObject *self) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_bound_meth(MPCY_OBJ(func), MPCY_OBJ(self)));
    return MPCY_PY(r);
}

PyObject *PyMethod_Function(PyObject *m) {
    return MPCY_PY(((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(MPCY_OBJ(m)))->meth);
}

PyObject *PyMethod_Self(PyObject *m) {
    return MPCY_PY(((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(MPCY_OBJ(m)))->self);
}

PyObject *PyInstanceMethod_New(PyObject *func) {
    return func;
}
