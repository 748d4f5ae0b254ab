// memoryview (memoryobject.h).
#include "mpcy.h"

PyObject *PyMemoryView_FromObject(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_memoryview), MPCY_OBJ(o)));
    return MPCY_PY(r);
}
