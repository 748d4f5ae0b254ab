// Coroutines between Cython and MicroPython (CPython's genobject.c: the
// await protocol). MicroPython has no coroutine type of its own: `async def`
// makes a generator, `await x` is `yield from x`, and its asyncio awaits
// iterators (asyncio.sleep's SingletonGenerator, tasks) and drives a task's
// coroutine with send(None)/throw(exc). Cython's coroutines are spec types
// with send/throw/close and the am_await/am_send slots; what MicroPython
// needs of them is in mpcy_spectype.c (iter through am_await; __await__,
// __aiter__, __anext__ from the slots). What Cython needs of MicroPython's
// objects is here: their am_await, am_send, am_aiter and am_anext
// (PyType_GetSlot answers with these functions).
#include "mpcy.h"

// coro.__await__() of a MicroPython coroutine (a generator): an iterator over
// it that is not itself a coroutine, as CPython's coroutine_wrapper (Cython
// refuses an __await__ that returns a coroutine). send/throw/close are the
// generator's.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t coro;
} mpcy_coro_wrapper_t;

static mp_obj_t mpcy_coro_wrapper_iternext(mp_obj_t self_in) {
    mpcy_coro_wrapper_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_iternext(self->coro);
}

static void mpcy_coro_wrapper_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpcy_coro_wrapper_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL && (attr == MP_QSTR_send || attr == MP_QSTR_throw || attr == MP_QSTR_close)) {
        mp_load_method(self->coro, attr, dest);
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_coro_wrapper, MP_QSTR_coroutine_wrapper, MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, mpcy_coro_wrapper_iternext,
    attr, mpcy_coro_wrapper_attr);

// A generator wrapped, any other object as it is.
static mp_obj_t mpcy_coro_wrap(mp_obj_t obj) {
    if (mp_obj_get_type(obj) != &mp_type_gen_instance) {
        return obj;
    }
    mpcy_coro_wrapper_t *w = mp_obj_malloc(mpcy_coro_wrapper_t, &mpcy_type_coro_wrapper);
    w->coro = obj;
    return MP_OBJ_FROM_PTR(w);
}

// iter(obj) for am_await: a Python class's own __iter__ (asyncio's
// awaitables) called after one lookup.
static mp_obj_t mpcy_await_iter(mp_obj_t obj) {
    mp_obj_t dest[2];
    if (mpcy_own_iter(obj, dest)) {
        return mp_call_method_n_kw(0, 0, dest);
    }
    return mp_obj_get_type(obj) == &mp_type_gen_instance ? mpcy_coro_wrap(obj) : mp_getiter(obj, NULL);
}

// am_await of MicroPython's iterators: a coroutine (generator) is wrapped,
// any other is its own iterator (asyncio's awaitables define __iter__).
static PyObject *mpcy_am_await_iter(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_await_iter(MPCY_OBJ(o)));
    return MPCY_PY(r);
}

// am_aiter and am_anext of a Python class that defines __aiter__/__anext__,
// and am_await of one that defines __await__.
static PyObject *mpcy_call_special(PyObject *o, qstr name) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t dest[2];
        mp_load_method(MPCY_OBJ(o), name, dest);
        r = mp_call_method_n_kw(0, 0, dest);
    });
    return MPCY_PY(r);
}

// A generator from __await__ (`yield from` in it, CPython's usual way) is
// wrapped: a MicroPython generator is also its coroutine, which Cython
// refuses there.
static PyObject *mpcy_am_await_method(PyObject *o) {
    PyObject *r = mpcy_call_special(o, MP_QSTR___await__);
    mp_obj_t w = MP_OBJ_NULL;
    if (r != NULL) {
        MPCY_TRY(NULL, w = mpcy_coro_wrap(MPCY_OBJ(r)));
    }
    return r != NULL ? MPCY_PY(w) : NULL;
}

static PyObject *mpcy_am_aiter(PyObject *o) {
    return mpcy_call_special(o, MP_QSTR___aiter__);
}

static PyObject *mpcy_am_anext(PyObject *o) {
    return mpcy_call_special(o, MP_QSTR___anext__);
}

static MPCY_QCONST qstr mpcy_await_names[] = { MPCY_Q(MP_QSTR___await__), MPCY_Q(MP_QSTR___iter__) };
MPCY_FIX_QSTRS(mpcy_await_names);

// What `await` accepts of MicroPython's own objects: classes with __await__
// (CPython's protocol) or __iter__ (asyncio's awaitables), coroutines
// (generators) and iterators (as MicroPython's own `await`). Decided here
// once, so that the call does not look the names up again.
static void *mpcy_await_slot(const mp_obj_type_t *t) {
    if (mp_obj_is_instance_type(t)) {
        static void *const slots[] = { (void *)mpcy_am_await_method, (void *)mpcy_am_await_iter };
        int i = mpcy_class_has_first(t, mpcy_await_names, 2);
        return i < 0 ? NULL : slots[i];
    }
    return MP_OBJ_TYPE_HAS_SLOT(t, iter) && (t->flags & (MP_TYPE_FLAG_ITER_IS_ITERNEXT | MP_TYPE_FLAG_ITER_IS_CUSTOM))
           ? (void *)mpcy_am_await_iter : NULL;
}

// PyType_GetSlot of a MicroPython type for the am_* slots.
void *mpcy_async_slot(const mp_obj_type_t *t, int slot) {
    switch (slot) {
        case Py_am_await:
            return mpcy_await_slot(t);
        case Py_am_send:
            // every iterator: PyIter_Send resumes it as MicroPython's yield from
            return MP_OBJ_TYPE_HAS_SLOT(t, iter) ? (void *)PyIter_Send : NULL;
        case Py_am_aiter:
            return mp_obj_is_instance_type(t) && mpcy_class_has(t, MP_QSTR___aiter__) ? (void *)mpcy_am_aiter : NULL;
        case Py_am_anext:
            return mp_obj_is_instance_type(t) && mpcy_class_has(t, MP_QSTR___anext__) ? (void *)mpcy_am_anext : NULL;
        default:
            return NULL;
    }
}
