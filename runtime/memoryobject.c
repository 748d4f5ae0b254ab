// memoryview (memoryobject.h).
#include "mpcy.h"

PyObject *PyMemoryView_FromObject(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_memoryview), MPCY_OBJ(o)));
    return MPCY_PY(r);
}

// CPython's PyMemoryView_GET_BUFFER: the view's Py_buffer. A MicroPython
// memoryview has none inside it, so each call fills one on the GC heap: it
// lives while the caller holds the pointer (on its stack, as Cython code
// does), not for the memoryview's whole life (docs/libraries.md).
Py_buffer *mpcy_memoryview_buffer(PyObject *mv) {
    if (!PyMemoryView_Check(mv)) {
        PyErr_Format(PyExc_TypeError, "memoryview expected, not '%s'", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(mv))));
        return NULL;
    }
    Py_buffer *view = NULL;
    MPCY_TRY(NULL, view = m_new_obj(Py_buffer));
    if (PyObject_GetBuffer(mv, view, PyBUF_FULL_RO) < 0) {
        return NULL;
    }
    return view;
}
