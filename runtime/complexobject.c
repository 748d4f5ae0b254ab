// complex (complexobject.h).
#include "mpcy.h"

#if MICROPY_PY_BUILTINS_COMPLEX
PyObject *PyComplex_FromDoubles(double real, double imag) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_complex((mp_float_t)real, (mp_float_t)imag));
    return MPCY_PY(r);
}

double PyComplex_RealAsDouble(PyObject *o) {
    mp_float_t re, im;
    MPCY_TRY(-1.0, mp_obj_get_complex(MPCY_OBJ(o), &re, &im));
    return re;
}

double PyComplex_ImagAsDouble(PyObject *o) {
    mp_float_t re, im;
    MPCY_TRY(-1.0, mp_obj_get_complex(MPCY_OBJ(o), &re, &im));
    return im;
}
#endif
