// complex (complexobject.h).
#include "mpcy.h"

#if MICROPY_PY_BUILTINS_COMPLEX
PyObject *PyComplex_FromDoubles(double real, double imag) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_complex((mp_float_t)real, (mp_float_t)imag));
    return MPCY_PY(r);
}

// The parts of `o`: a complex (of a subclass too), or a number; -1 on error.
static int mpcy_complex_parts(PyObject *o, mp_float_t *re, mp_float_t *im) {
    PyObject *c = mpcy_as_native(o, &mp_type_complex);
    MPCY_TRY(-1, mp_obj_get_complex(MPCY_OBJ(c != NULL ? c : o), re, im));
    return 0;
}

double PyComplex_RealAsDouble(PyObject *o) {
    mp_float_t re, im;
    return mpcy_complex_parts(o, &re, &im) < 0 ? -1.0 : (double)re;
}

double PyComplex_ImagAsDouble(PyObject *o) {
    mp_float_t re, im;
    return mpcy_complex_parts(o, &re, &im) < 0 ? -1.0 : (double)im;
}
#endif
