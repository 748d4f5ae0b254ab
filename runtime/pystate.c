// Interpreter state, threads and the GIL, sys (pystate.h, ceval.h, sysmodule.h).
#include "mpcy.h"
#include "py/mphal.h"

MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_getframe_obj);

const unsigned long Py_Version = PY_VERSION_HEX;

const char *Py_GetVersion(void) {
    return PY_VERSION " (MicroPython " MICROPY_VERSION_STRING " via mpcython)";
}

// One interpreter: any non-NULL handle will do, its identity is never read.
static char mpcy_interp_token, mpcy_thread_token;

PyInterpreterState *PyInterpreterState_Get(void) {
    return (PyInterpreterState *)&mpcy_interp_token;
}

int64_t PyInterpreterState_GetID(PyInterpreterState *interp) {
    (void)interp;
    return 0;
}

PyThreadState *PyThreadState_Get(void) {
    return (PyThreadState *)&mpcy_thread_token;
}

PyObject *PyThreadState_GetDict(void) {
    return NULL;
}

// The GIL: MicroPython's where the port has one, otherwise nothing to do.
PyThreadState *PyEval_SaveThread(void) {
    #if MICROPY_PY_THREAD && MICROPY_PY_THREAD_GIL
    MP_THREAD_GIL_EXIT();
    #endif
    return PyThreadState_Get();
}

void PyEval_RestoreThread(PyThreadState *ts) {
    (void)ts;
    #if MICROPY_PY_THREAD && MICROPY_PY_THREAD_GIL
    MP_THREAD_GIL_ENTER();
    #endif
}

void PyEval_InitThreads(void) {
}

PyGILState_STATE PyGILState_Ensure(void) {
    return PyGILState_LOCKED;
}

void PyGILState_Release(PyGILState_STATE state) {
    (void)state;
}

PyThreadState *PyGILState_GetThisThreadState(void) {
    return PyThreadState_Get();
}

int PyGILState_Check(void) {
    return 1;
}

PyThread_type_lock PyThread_allocate_lock(void) {
    return (PyThread_type_lock)&mpcy_thread_token;
}

void PyThread_free_lock(PyThread_type_lock lock) {
    (void)lock;
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag) {
    (void)lock;
    (void)waitflag;
    return 1;
}

void PyThread_release_lock(PyThread_type_lock lock) {
    (void)lock;
}

unsigned long PyThread_get_thread_ident(void) {
    return 1;
}

// sys: MicroPython's module, plus _getframe for Cython's tracebacks.
PyObject *PySys_GetObject(const char *name) {
    if (!strcmp(name, "_getframe")) {
        return MPCY_PY(MP_OBJ_FROM_PTR(&mpcy_getframe_obj));
    }
    mp_obj_t dest[2];
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_load_method_maybe(MP_OBJ_FROM_PTR(&mp_module_sys), qstr_from_str(name), dest);
        nlr_pop();
    } else {
        return NULL;
    }
    return dest[0] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[0]);
}

int PySys_SetObject(const char *name, PyObject *v) {
    (void)name;
    (void)v;
    PyErr_SetString(PyExc_NotImplementedError, "PySys_SetObject");
    return -1;
}

static void mpcy_write(const mp_print_t *print, const char *format, va_list va) {
    char buf[1001];
    vsnprintf(buf, sizeof(buf), format, va);
    mp_print_str(print, buf);
}

void PySys_WriteStdout(const char *format, ...) {
    va_list va;
    va_start(va, format);
    mpcy_write(&mp_plat_print, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...) {
    va_list va;
    va_start(va, format);
    mpcy_write(MICROPY_ERROR_PRINTER, format, va);
    va_end(va);
}

void PySys_FormatStdout(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *s = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (s) {
        mp_print_str(&mp_plat_print, PyUnicode_AsUTF8(s));
    }
}

void PySys_FormatStderr(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *s = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (s) {
        mp_print_str(MICROPY_ERROR_PRINTER, PyUnicode_AsUTF8(s));
    }
}

// Weak references: MicroPython has none.
PyObject *PyWeakref_NewRef(PyObject *o, PyObject *callback) {
    (void)o;
    (void)callback;
    PyErr_SetString(PyExc_NotImplementedError, "PyWeakref_NewRef");
    return NULL;
}

PyObject *PyWeakref_NewProxy(PyObject *o, PyObject *callback) {
    (void)o;
    (void)callback;
    PyErr_SetString(PyExc_NotImplementedError, "PyWeakref_NewProxy");
    return NULL;
}

int PyWeakref_GetRef(PyObject *ref, PyObject **pobj) {
    (void)ref;
    *pobj = NULL;
    PyErr_SetString(PyExc_NotImplementedError, "PyWeakref_GetRef");
    return -1;
}

void PyObject_ClearWeakRefs(PyObject *o) {
    (void)o;
}
