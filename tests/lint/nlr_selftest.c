// The nlr lint's self-test (tests/lint/nlr.py): compiled and analysed with the
// layer. A function named PyLintRaises_* must be reported as letting an nlr
// jump escape, one named PyLintSafe_* must not; otherwise the lint itself is
// broken and fails.
#include "mpcy.h"

PyObject *PyLintRaises_Alloc(void);
PyObject *PyLintRaises_Helper(PyObject *o);
PyObject *PyLintRaises_AfterFrame(PyObject *o);
PyObject *PyLintRaises_Indirect(PyObject *(*f)(PyObject *), PyObject *o);
PyObject *PyLintSafe_Try(void);
PyObject *PyLintSafe_Catch(PyObject *o);
int PyLintSafe_NoCall(PyObject *o);

// An allocation outside any frame (MemoryError).
PyObject *PyLintRaises_Alloc(void) {
    return MPCY_PY(mp_obj_new_list(0, NULL));
}

// A raise two calls down, through a layer helper.
static mp_obj_t mpcy_lint_len(mp_obj_t o) {
    return mp_obj_len(o);
}

PyObject *PyLintRaises_Helper(PyObject *o) {
    return MPCY_PY(mpcy_lint_len(MPCY_OBJ(o)));
}

// A frame that ends before the raising call.
PyObject *PyLintRaises_AfterFrame(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_len(MPCY_OBJ(o)));
    return MPCY_PY(mp_obj_new_tuple(1, &r));
}

// A MicroPython function called through a pointer.
PyObject *PyLintRaises_Indirect(PyObject *(*f)(PyObject *), PyObject *o) {
    return f(o);
}

PyObject *PyLintSafe_Try(void) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_list(0, NULL));
    return MPCY_PY(r);
}

PyObject *PyLintSafe_Catch(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, r = mpcy_lint_len(MPCY_OBJ(o)));
    return exc == MP_OBJ_NULL ? MPCY_PY(r) : NULL;
}

int PyLintSafe_NoCall(PyObject *o) {
    return mp_obj_is_small_int(MPCY_OBJ(o));
}
