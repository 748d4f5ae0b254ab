// Functions wrapped as class and static methods (funcobject.h).
#include "mpcy.h"

static PyObject *mpcy_wrap(const mp_obj_type_t *t, PyObject *func) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(t), MPCY_OBJ(func)));
    return MPCY_PY(r);
}

PyObject *PyStaticMethod_New(PyObject *func) {
    return mpcy_wrap(&mp_type_staticmethod, func);
}

PyObject *PyClassMethod_New(PyObject *func) {
    return mpcy_wrap(&mp_type_classmethod, func);
}
