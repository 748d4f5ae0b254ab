// iter(callable, sentinel) (Cython's two-argument iter() is PyCallIter_New),
// which MicroPython's iter() lacks, and CPython's sequence iterator over
// __getitem__ (MicroPython's own). iter(o) and next(o) as CPython's for the
// rest of the layer (PyObject_GetIter, PyIter_Next, tp_iternext): dict and
// set iterators that notice a change of size, __next__ from the class.
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

// CPython's iterators of a dict (its views too) and of a set raise
// RuntimeError when the container's size changed since the iteration began,
// and again at every later next(); a dict's also when more keys come than it
// had ("keys changed": as many deleted as added). An OrderedDict's raise
// "mutated" when it changed before its last key came, once, and end.
// MicroPython's go on over the changed table; mpcy_getiter wraps them with
// that check.
enum { MPCY_ITER_SET, MPCY_ITER_DICT, MPCY_ITER_ODICT };

typedef struct {
    mp_obj_base_t base;
    mp_obj_t it;    // MicroPython's iterator over owner
    mp_obj_t owner; // the dict or set; MP_OBJ_NULL once the iteration ended
    size_t used;    // owner's size when the iteration began; SIZE_MAX once it changed
    size_t left;    // the items still to come (a dict's, an OrderedDict's)
    int kind;
} mpcy_sizediter_t;

static size_t mpcy_container_len(mp_obj_t o) {
    return MP_OBJ_SMALL_INT_VALUE(mp_obj_len(o)); // a dict's or set's: no call
}

static mp_obj_t mpcy_sizediter_end(mpcy_sizediter_t *self, mp_rom_error_text_t raise) {
    self->owner = MP_OBJ_NULL;
    self->it = MP_OBJ_NULL;
    if (raise != NULL) {
        mp_raise_msg(&mp_type_RuntimeError, raise);
    }
    return MP_OBJ_STOP_ITERATION;
}

static mp_obj_t mpcy_sizediter_iternext(mp_obj_t self_in) {
    mpcy_sizediter_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->owner == MP_OBJ_NULL) {
        return MP_OBJ_STOP_ITERATION;
    }
    bool changed = mpcy_container_len(self->owner) != self->used;
    if (self->kind == MPCY_ITER_ODICT) {
        if (self->left == 0) {
            return mpcy_sizediter_end(self, NULL);
        }
        if (changed) {
            return mpcy_sizediter_end(self, MP_ERROR_TEXT("OrderedDict mutated during iteration"));
        }
    } else if (changed) {
        self->used = SIZE_MAX;
        mp_raise_msg(&mp_type_RuntimeError, self->kind == MPCY_ITER_DICT ? MP_ERROR_TEXT("dictionary changed size during iteration")
            : MP_ERROR_TEXT("Set changed size during iteration"));
    }
    mp_obj_t r = mp_iternext(self->it);
    if (r == MP_OBJ_STOP_ITERATION) {
        return mpcy_sizediter_end(self, NULL);
    }
    if (self->kind == MPCY_ITER_DICT && self->left == 0) {
        return mpcy_sizediter_end(self, MP_ERROR_TEXT("dictionary keys changed during iteration"));
    }
    if (self->kind != MPCY_ITER_SET) {
        self->left--;
    }
    return r;
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_sizediter, MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, mpcy_sizediter_iternext);

// The dict or set MicroPython's iterator `it` goes over (*kind tells which),
// or MP_OBJ_NULL for any other iterator and for a frozenset's.
static mp_obj_t mpcy_iter_owner(mp_obj_t it, int *kind) {
    static const mp_obj_type_t *dict_it_type;
    static mp_fun_1_t set_iternext;
    if (dict_it_type == NULL) {
        set_iternext = ((mpcy_set_it_t *)MP_OBJ_TO_PTR(mp_getiter(mp_obj_new_set(0, NULL), NULL)))->iternext;
        dict_it_type = mp_obj_get_type(mp_getiter(MP_OBJ_FROM_PTR(&mp_const_empty_dict_obj), NULL));
    }
    const mp_obj_type_t *t = mp_obj_get_type(it);
    if (t == dict_it_type) {
        mp_obj_t d = ((mpcy_dict_it_t *)MP_OBJ_TO_PTR(it))->dict;
        *kind = MPCY_ITER_DICT;
        #if MICROPY_PY_COLLECTIONS_ORDEREDDICT
        if (mp_obj_is_type(d, &mp_type_ordereddict)) {
            *kind = MPCY_ITER_ODICT;
        }
        #endif
        return d;
    }
    if (t == &mp_type_polymorph_iter && ((mpcy_set_it_t *)MP_OBJ_TO_PTR(it))->iternext == set_iternext) {
        mp_obj_t s = ((mpcy_set_it_t *)MP_OBJ_TO_PTR(it))->set;
        *kind = MPCY_ITER_SET;
        return mp_obj_is_type(s, &mp_type_set) ? s : MP_OBJ_NULL;
    }
    return MP_OBJ_NULL;
}

mp_obj_t mpcy_getiter(mp_obj_t o) {
    mp_obj_t it = mp_getiter(o, NULL);
    int kind;
    mp_obj_t owner = it == o ? MP_OBJ_NULL : mpcy_iter_owner(it, &kind);
    if (owner == MP_OBJ_NULL) {
        return it;
    }
    mpcy_sizediter_t *self = mp_obj_malloc(mpcy_sizediter_t, &mpcy_type_sizediter);
    self->it = it;
    self->owner = owner;
    self->used = self->left = mpcy_container_len(owner);
    self->kind = kind;
    return MP_OBJ_FROM_PTR(self);
}

// O's Python class (not a spec type's), or NULL.
static inline MP_ALWAYSINLINE const mp_obj_type_t *mpcy_python_class_of(mp_obj_t o) {
    if (!mp_obj_is_obj(o)) {
        return NULL;
    }
    const mp_obj_type_t *t = ((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type;
    return mp_obj_is_instance_type(t) && !MPCY_IS_SPEC_TYPE(t) ? t : NULL;
}

// DEST for a call of F, a method of O's class, if it is a function, bound
// as mp_convert_member_lookup binds it.
static inline MP_ALWAYSINLINE bool mpcy_bind_function(mp_obj_t o, mp_obj_t f, mp_obj_t *dest) {
    if (f == MP_OBJ_NULL || !mp_obj_is_obj(f)) {
        return false;
    }
    const mp_obj_type_t *ft = ((mp_obj_base_t *)MP_OBJ_TO_PTR(f))->type;
    if (!(ft->flags & MP_TYPE_FLAG_BINDS_SELF)) {
        return false;
    }
    dest[0] = f;
    // a built-in function in a Python class behaves as a staticmethod
    dest[1] = (ft->flags & MP_TYPE_FLAG_BUILTIN_FUN) ? MP_OBJ_NULL : o;
    return true;
}

// DEST for a call of the function __next__ of O's Python class itself,
// after one lookup (mp_iternext looks in the instance's members, then the
// class); false for anything else. The lookup may raise (a key of the
// class dict that is not a qstr).
bool mpcy_own_next(mp_obj_t o, mp_obj_t *dest) {
    const mp_obj_type_t *t = mpcy_python_class_of(o);
    if (t == NULL) {
        return false;
    }
    mp_obj_t f = mpcy_type_own_memo(t, MP_QSTR___next__); // the class's own, as the lookup reads it first
    return mpcy_bind_function(o, f != MP_OBJ_NULL ? f : mpcy_type_lookup_own(t, MP_QSTR___next__), dest);
}

// The same for a function __iter__ in the dict of O's class itself, where
// MicroPython's iter() (mp_obj_instance_getiter) finds it first.
bool mpcy_own_iter(mp_obj_t o, mp_obj_t *dest) {
    const mp_obj_type_t *t = mpcy_python_class_of(o);
    return t != NULL && mpcy_bind_function(o, mpcy_type_own_attr(t, MP_QSTR___iter__), dest);
}

// next(o) as CPython's: a Python class's __next__ is looked up on the class,
// as every special method (MicroPython's mp_iternext takes an instance's own
// attribute __next__ first). False: o's next is mp_iternext's; else DEST is
// the call to make, which ends the iteration by raising StopIteration.
bool mpcy_next_method(mp_obj_t o, mp_obj_t *dest) {
    if (mpcy_own_next(o, dest)) {
        return true;
    }
    const mp_obj_type_t *t = mpcy_python_class_of(o);
    if (t == NULL) {
        return false;
    }
    if (mp_map_lookup(mpcy_instance_members(o), MP_OBJ_NEW_QSTR(MP_QSTR___next__), MP_MAP_LOOKUP) == NULL) {
        return false; // the same lookup (a built-in base's, a descriptor)
    }
    mp_obj_t f = mpcy_type_lookup(t, MP_QSTR___next__);
    if (f == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object is not an iterator"), mpcy_type_name(t));
    }
    dest[1] = MP_OBJ_NULL;
    mp_convert_member_lookup(o, t, f, dest);
    return true;
}

// The next item of O, MP_OBJ_STOP_ITERATION at the end (with the value of a
// StopIteration(value) in MPCY_STOP_ITERATION_ARG), as mp_iternext.
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception only
static MP_NOINLINE mp_obj_t mpcy_iternext_method(mp_obj_t o) {
    mp_obj_t dest[2], r = MP_OBJ_NULL, exc;
    if (!mpcy_next_method(o, dest)) {
        return mp_iternext(o);
    }
    MPCY_CATCH(exc, r = mp_call_method_n_kw(0, 0, dest)); // (dest[1] NULL: called without self)
    if (exc != MP_OBJ_NULL) {
        if (!mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
            nlr_raise(exc);
        }
        return mp_make_stop_iteration(mp_obj_exception_get_value(exc));
    }
    return r;
}
MPCY_CLOBBER_CHECKED_END

mp_obj_t mpcy_iternext(mp_obj_t o) {
    // only a Python class's __next__ is called here (mpcy_next_method):
    // the built-in iterators (range, list) straight on
    return mp_obj_is_obj(o) && mp_obj_is_instance_type(((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type)
           ? mpcy_iternext_method(o) : mp_iternext(o);
}
