// iter(callable, sentinel) (Cython's two-argument iter() is PyCallIter_New),
// which MicroPython's iter() lacks, and CPython's sequence iterator over
// __getitem__ (MicroPython's own).
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t callable; // MP_OBJ_NULL once exhausted: it is not called again
    mp_obj_t sentinel;
} mpcy_calliter_t;

MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception only
static mp_obj_t mpcy_calliter_iternext(mp_obj_t self_in) {
    mpcy_calliter_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->callable == MP_OBJ_NULL) {
        return MP_OBJ_STOP_ITERATION;
    }
    mp_obj_t r = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, r = mp_call_function_0(self->callable));
    if (exc != MP_OBJ_NULL) {
        // a StopIteration from the callable ends the iteration, as in CPython
        if (!mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
            nlr_raise(exc);
        }
    } else if (!mp_obj_equal(r, self->sentinel)) {
        return r;
    }
    self->callable = MP_OBJ_NULL;
    self->sentinel = MP_OBJ_NULL;
    return MP_OBJ_STOP_ITERATION;
}
MPCY_CLOBBER_CHECKED_END

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_calliter, MP_QSTR_callable_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, mpcy_calliter_iternext);

PyObject *PyCallIter_New(PyObject *callable, PyObject *sentinel) {
    mpcy_calliter_t *it = NULL;
    MPCY_TRY(NULL, {
        if (!mp_obj_is_callable(MPCY_OBJ(callable))) {
            mp_raise_TypeError(MP_ERROR_TEXT("iter(v, w): v must be callable"));
        }
        it = mp_obj_malloc(mpcy_calliter_t, &mpcy_type_calliter);
    });
    it->callable = MPCY_OBJ(callable);
    it->sentinel = MPCY_OBJ(sentinel);
    return MPCY_PY(MP_OBJ_FROM_PTR(it));
}

// seq[i] for MicroPython's iterator over __getitem__, which calls it as a
// method: C slots too, not only a __getitem__ attribute.
static mp_obj_t mpcy_seqiter_item(mp_obj_t seq, mp_obj_t i) {
    return mpcy_subscr(seq, i, MP_OBJ_SENTINEL);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpcy_seqiter_item_obj, mpcy_seqiter_item);

PyObject *PySeqIter_New(PyObject *seq) {
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t args[2] = { MP_OBJ_FROM_PTR(&mpcy_seqiter_item_obj), MPCY_OBJ(seq) };
    MPCY_TRY(NULL, r = mp_obj_new_getitem_iter(args, m_new_obj(mp_obj_iter_buf_t)));
    return MPCY_PY(r);
}
