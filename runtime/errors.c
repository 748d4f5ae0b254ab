// The error indicator and exception helpers (pyerrors.h).
#include <errno.h>
#include "mpcy.h"
#ifndef MPCY_NATMOD
#include "py/mphal.h"
#endif
#include "py/objexcept.h"

#if !MPCY_ERR_PER_THREAD
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_err_cur);
#endif

#define MPCY_DEFINE_EXC(name, base) \
    MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_##name, MP_QSTR_##name, MP_TYPE_FLAG_NONE, \
    make_new, mp_obj_exception_make_new, \
    print, mp_obj_exception_print, \
    attr, mp_obj_exception_attr, \
    parent, (PyObject *)PyExc_##base);
#ifndef MPCY_NATMOD
MPCY_EXTRA_EXCEPTIONS(MPCY_DEFINE_EXC)
#else
// A natmod's types cannot be constants (their bases are the firmware's, found
// at import): zeroed data filled by mpcy_natmod_init_exceptions, under the
// names mpcy_config.h declares.
#define MPCY_NATMOD_EXC(name, base) \
    MPCY_NATMOD_ROOT mp_obj_full_type_t mpcy_natmod_exc_##name; \
    extern const struct _mp_obj_type_t mpcy_type_##name __attribute__((alias("mpcy_natmod_exc_" #name)));
MPCY_EXTRA_EXCEPTIONS(MPCY_NATMOD_EXC)
// Python code sees them as builtins too, as in the static build (which adds
// them to the firmware's table): stored into the builtins module where the
// firmware takes overrides and none is there yet (another module's copy).
static void mpcy_natmod_publish(qstr name, mp_obj_t type) {
    mp_obj_t dest[2];
    mp_load_method_maybe(mpcy_natmod_state.builtins, name, dest);
    if (dest[0] == MP_OBJ_NULL) {
        // (a firmware without overrides of builtins refuses: the names stay the layer's)
        mp_obj_t exc;
        MPCY_CATCH(exc, mp_store_attr(mpcy_natmod_state.builtins, name, type));
        (void)exc;
    }
}

void mpcy_natmod_init_exceptions(void) {
    #define MPCY_NATMOD_EXC_INIT(name, base) \
    mp_obj_exception_init(&mpcy_natmod_exc_##name, MP_QSTR_##name, (const mp_obj_type_t *)PyExc_##base);
    MPCY_EXTRA_EXCEPTIONS(MPCY_NATMOD_EXC_INIT)
    #define MPCY_NATMOD_EXC_PUBLISH(name, base) \
    mpcy_natmod_publish(MP_QSTR_##name, MP_OBJ_FROM_PTR(&mpcy_natmod_exc_##name));
    MPCY_EXTRA_EXCEPTIONS(MPCY_NATMOD_EXC_PUBLISH)
}
#endif

// ---- The error indicator ------------------------------------------------------
// One exception instance (MPCY_ERR), written here only: PyErr_SetRaisedException
// is the one way to set it, PyErr_GetRaisedException the one way to take it;
// every other way to set an error (PyErr_SetString, PyErr_Format, MPCY_TRY's
// failure path) makes the instance and calls the first.
void PyErr_SetRaisedException(PyObject *exc) {
    MPCY_ERR = MPCY_OBJ(exc);
}

// While the heap is locked (finalisers: __dealloc__) every exception
// MicroPython makes is its one emergency object, and the next one overwrites
// it: Cython's __Pyx_WriteUnraisable fetches the error, then fails to allocate
// its context string, and reported that MemoryError instead of what
// __dealloc__ raised. A fetched emergency exception is copied here first
// (type and up to MPCY_SAVED_ARGS arguments, no traceback); the copy is
// scanned by the collector as the modules' statics are.
#define MPCY_SAVED_ARGS 4
static mp_obj_exception_t mpcy_saved_exc;
static mp_obj_t mpcy_saved_args[2 + MPCY_SAVED_ARGS]; // an mp_obj_tuple_t
static const mpcy_static_t mpcy_saved_vars[] = { MPCY_STATIC(mpcy_saved_exc), MPCY_STATIC(mpcy_saved_args) };
static mpcy_statics_t mpcy_saved_statics = { NULL, mpcy_saved_vars, 2, NULL, NULL };

static mp_obj_t mpcy_exc_save(const mp_obj_exception_t *src) {
    mp_obj_tuple_t *args = (mp_obj_tuple_t *)mpcy_saved_args;
    args->base.type = &mp_type_tuple;
    args->len = MIN(src->args->len, MPCY_SAVED_ARGS);
    memcpy(args->items, src->args->items, args->len * sizeof(mp_obj_t));
    mpcy_saved_exc.base = src->base;
    mpcy_saved_exc.traceback_alloc = mpcy_saved_exc.traceback_len = 0;
    mpcy_saved_exc.traceback_data = NULL;
    mpcy_saved_exc.args = args;
    mpcy_register_statics(&mpcy_saved_statics);
    return MP_OBJ_FROM_PTR(&mpcy_saved_exc);
}

PyObject *PyErr_GetRaisedException(void) {
    mp_obj_t e = MPCY_ERR;
    MPCY_ERR = MP_OBJ_NULL;
    if (mpcy_is_emergency_exception(e)) {
        e = mpcy_exc_save(MP_OBJ_TO_PTR(e));
    }
    return MPCY_PY(e);
}

void PyErr_Clear(void) {
    PyErr_SetRaisedException(NULL);
}

NORETURN void mpcy_err_raise(void) {
    mp_obj_t e = MPCY_OBJ(PyErr_GetRaisedException());
    if (e == MP_OBJ_NULL) {
        e = mp_obj_new_exception_msg(&mpcy_type_SystemError,
            MP_ERROR_TEXT("error return without exception set"));
    }
    nlr_raise(e);
}

NORETURN void mpcy_raise(const mp_obj_type_t *type, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    mp_obj_t msg = mpcy_str_from_fmt(fmt, va);
    va_end(va);
    nlr_raise(mp_obj_new_exception_arg1(type, msg));
}

// An instance of `type` for `value` (CPython's normalisation).
static mp_obj_t mpcy_exc_instance(PyObject *type, PyObject *value) {
    mp_obj_t t = MPCY_OBJ(type);
    mp_obj_t v = MPCY_OBJ(value);
    if (mp_obj_is_exception_instance(t)) {
        return t;
    }
    if (v != MP_OBJ_NULL && mp_obj_is_exception_instance(v)
        && (t == MP_OBJ_NULL || mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(v)), t))) {
        return v;
    }
    // While the heap is locked (a finaliser: __dealloc__) every exception
    // MicroPython creates is its one static emergency object, which a later
    // one overwrites; made the argument of a new one, it would become its own
    // argument, and printing it would never end. It stays as it is.
    if (mpcy_is_emergency_exception(v)) {
        return v;
    }
    if (v == MP_OBJ_NULL || v == mp_const_none) {
        return mp_call_function_0(t);
    }
    if (mp_obj_is_type(v, &mp_type_tuple)) {
        size_t n;
        mp_obj_t *items;
        mp_obj_tuple_get(v, &n, &items);
        return mp_call_function_n_kw(t, n, 0, items);
    }
    return mp_call_function_1(t, v);
}

// An instance of exception class `type` with one argument: MicroPython's
// constructor for its own types, a call for classes defined in Python.
static mp_obj_t mpcy_exc_new1(PyObject *type, mp_obj_t arg) {
    const mp_obj_type_t *t = (const mp_obj_type_t *)type;
    if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, make_new) == mp_obj_exception_make_new) {
        return mp_obj_new_exception_arg1(t, arg);
    }
    return mp_call_function_1(MPCY_OBJ(type), arg);
}

// CPython refuses to raise anything but an exception class or instance.
static int mpcy_check_exc_type(PyObject *type) {
    mp_obj_t t = MPCY_OBJ(type);
    if (t == MP_OBJ_NULL || !(mp_obj_is_exception_type(t) || mp_obj_is_exception_instance(t))) {
        PyErr_Format(PyExc_SystemError, "exception %R is not a BaseException subclass", type ? type : Py_None);
        return -1;
    }
    return 0;
}

void PyErr_SetObject(PyObject *type, PyObject *value) {
    if (mpcy_check_exc_type(type) == 0) {
        mp_obj_t e = MP_OBJ_NULL;
        MPCY_TRY(, e = mpcy_exc_instance(type, value));
        PyErr_SetRaisedException(MPCY_PY(e));
    }
}

void PyErr_SetNone(PyObject *type) {
    PyErr_SetObject(type, NULL);
}

void PyErr_SetString(PyObject *type, const char *msg) {
    if (mpcy_check_exc_type(type) == 0) {
        mp_obj_t e = MP_OBJ_NULL;
        MPCY_TRY(, e = mpcy_exc_new1(type, mp_obj_new_str(msg, strlen(msg))));
        PyErr_SetRaisedException(MPCY_PY(e));
    }
}

PyObject *PyErr_FormatV(PyObject *type, const char *fmt, va_list va) {
    if (mpcy_check_exc_type(type) < 0) {
        return NULL;
    }
    mp_obj_t e = MP_OBJ_NULL;
    MPCY_TRY(NULL, e = mpcy_exc_new1(type, mpcy_str_from_fmt(fmt, va)));
    PyErr_SetRaisedException(MPCY_PY(e));
    return NULL;
}

PyObject *PyErr_Format(PyObject *type, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    PyErr_FormatV(type, fmt, va);
    va_end(va);
    return NULL;
}

// CPython's SystemError for a bad argument to a C API function.
int mpcy_bad_type(PyObject *o, const char *what) {
    if (o == NULL) {
        PyErr_Format(PyExc_SystemError, "%s: NULL argument", what);
        return -1;
    }
    PyErr_Format(PyExc_SystemError, "%s: bad argument of type '%s'", what, mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
    return -1;
}

PyObject *PyErr_NoMemory(void) {
    // Without memory MicroPython hands out its emergency exception object;
    // should making one raise anyway, that is the error.
    mp_obj_t e = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, e = mp_obj_new_exception(&mp_type_MemoryError));
    PyErr_SetRaisedException(MPCY_PY(exc != MP_OBJ_NULL ? exc : e));
    return NULL;
}

void PyErr_Fetch(PyObject **type, PyObject **value, PyObject **tb) {
    mp_obj_t e = MPCY_OBJ(PyErr_GetRaisedException());
    *type = e == MP_OBJ_NULL ? NULL : MPCY_PY(mp_obj_get_type(e));
    *value = MPCY_PY(e);
    // The entries live inside the exception; Cython passes the object on
    // (to __exit__, among others), so it must not be NULL (None when there is
    // no memory for it).
    *tb = e == MP_OBJ_NULL ? NULL : PyException_GetTraceback(*value);
    if (e != MP_OBJ_NULL && *tb == NULL) {
        *tb = Py_None;
    }
}

// A traceback TB of another exception is given to the one restored (as
// CPython 3.12's); anything else in TB is ignored, as CPython does.
void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb) {
    if (type == NULL) {
        PyErr_Clear();
        return;
    }
    mp_obj_t e = MP_OBJ_NULL;
    MPCY_TRY(, e = mpcy_exc_instance(type, value));
    if (tb != NULL && mpcy_traceback_exc(MPCY_OBJ(tb)) != MP_OBJ_NULL) {
        PyException_SetTraceback(MPCY_PY(e), tb); // cannot fail for a traceback
    }
    PyErr_SetRaisedException(MPCY_PY(e));
}

void PyErr_NormalizeException(PyObject **type, PyObject **value, PyObject **tb) {
    (void)tb;
    if (*type == NULL) {
        return;
    }
    mp_obj_t e = MP_OBJ_NULL;
    MPCY_TRY(, e = mpcy_exc_instance(*type, *value));
    *value = MPCY_PY(e);
    *type = MPCY_PY(mp_obj_get_type(e));
}

// The exception being handled (sys.exc_info()), which Cython saves and
// restores around except blocks: MicroPython's own, which its sys.exc_info()
// reads and its VM sets and clears for MicroPython code's handlers (one
// value, no stack: after a handler of MicroPython code ends, there is none).
PyObject *PyErr_GetHandledException(void) {
    mp_obj_t e = MP_OBJ_FROM_PTR(MP_STATE_VM(cur_exception));
    return MPCY_PY(e == MP_OBJ_NULL ? mp_const_none : e);
}

void PyErr_SetHandledException(PyObject *exc) {
    MP_STATE_VM(cur_exception) = (exc == NULL || exc == Py_None) ? NULL : MP_OBJ_TO_PTR(MPCY_OBJ(exc));
}

void PyErr_GetExcInfo(PyObject **type, PyObject **value, PyObject **tb) {
    mp_obj_t e = MP_OBJ_FROM_PTR(MP_STATE_VM(cur_exception));
    if (e == MP_OBJ_NULL) {
        *type = *value = *tb = Py_None;
    } else {
        *type = MPCY_PY(((mp_obj_base_t *)MP_OBJ_TO_PTR(e))->type); // an exception
        *value = MPCY_PY(e);
        *tb = PyException_GetTraceback(*value);
        *tb = *tb != NULL ? *tb : Py_None; // none yet, or no memory: None, as CPython
    }
}

void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *tb) {
    (void)type;
    (void)tb;
    PyErr_SetHandledException(value);
}

int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc) {
    if (given == NULL || exc == NULL) {
        return 0;
    }
    mp_obj_t g = MPCY_OBJ(given);
    if (mp_obj_is_exception_instance(g)) {
        g = MP_OBJ_FROM_PTR(mp_obj_get_type(g));
    }
    mp_obj_t e = MPCY_OBJ(exc);
    if (mp_obj_is_type(e, &mp_type_tuple)) {
        size_t n;
        mp_obj_t *items;
        mp_obj_tuple_get(e, &n, &items);
        for (size_t i = 0; i < n; i++) {
            if (PyErr_GivenExceptionMatches(MPCY_PY(g), MPCY_PY(items[i]))) {
                return 1;
            }
        }
        return 0;
    }
    if (!mp_obj_is_type(g, &mp_type_type) || !mp_obj_is_type(e, &mp_type_type)) {
        return g == e;
    }
    return mp_obj_is_subclass_fast(g, e);
}

int PyErr_ExceptionMatches(PyObject *exc) {
    return PyErr_GivenExceptionMatches(PyErr_Occurred(), exc);
}

int PyErr_BadArgument(void) {
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void PyErr_BadInternalCall(void) {
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

// The OSError subclass CPython's OSError(errno, ...) constructor picks.
static const mp_obj_type_t *mpcy_oserror_subclass(int code) {
    switch (code) {
        case EAGAIN:
        #if EWOULDBLOCK != EAGAIN
        case EWOULDBLOCK:
        #endif
        case EALREADY:
        case EINPROGRESS:
            return &mpcy_type_BlockingIOError;
        case ECHILD:
            return &mpcy_type_ChildProcessError;
        case EPIPE:
        #ifdef ESHUTDOWN // not in newlib's errno.h (Cortex-M ports)
        case ESHUTDOWN:
        #endif
            return &mpcy_type_BrokenPipeError;
        case ECONNABORTED:
            return &mpcy_type_ConnectionAbortedError;
        case ECONNREFUSED:
            return &mpcy_type_ConnectionRefusedError;
        case ECONNRESET:
            return &mpcy_type_ConnectionResetError;
        case EEXIST:
            return &mpcy_type_FileExistsError;
        case ENOENT:
            return &mpcy_type_FileNotFoundError;
        case EISDIR:
            return &mpcy_type_IsADirectoryError;
        case ENOTDIR:
            return &mpcy_type_NotADirectoryError;
        case EINTR:
            return &mpcy_type_InterruptedError;
        case EACCES:
        case EPERM:
            return &mpcy_type_PermissionError;
        case ESRCH:
            return &mpcy_type_ProcessLookupError;
        case ETIMEDOUT:
            return &mpcy_type_TimeoutError;
        default:
            return &mp_type_OSError;
    }
}

// type(errno, strerror(errno)); for OSError itself the subclass for errno.
MPCY_CLOBBER_CHECKED
PyObject *PyErr_SetFromErrno(PyObject *type) {
    int code = errno;
    if (mpcy_check_exc_type(type) < 0) {
        return NULL;
    }
    if (type == PyExc_OSError) {
        type = (PyObject *)mpcy_oserror_subclass(code);
    }
    const char *text = strerror(code);
    mp_obj_t e = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t args[2] = { MP_OBJ_NEW_SMALL_INT(code), mp_obj_new_str(text, strlen(text)) };
        e = mp_call_function_n_kw(MPCY_OBJ(type), 2, 0, args);
    });
    PyErr_SetRaisedException(MPCY_PY(e));
    return NULL;
}
MPCY_CLOBBER_CHECKED_END

// Text to a printer in mp_printf's format (C values only).
void mpcy_print(const mp_print_t *print, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    mp_obj_t failed;
    // A port's stdout raises nothing; a sys.stderr Cython code replaced may:
    // dropped, as CPython drops what fails while it reports an error.
    MPCY_CATCH(failed, mp_vprintf(print, fmt, va));
    (void)failed;
    va_end(va);
}

// Prints ": " before the first text printed through it (str(e) of an
// exception, which CPython leaves out when empty).
typedef struct {
    const mp_print_t *to;
    bool started;
} mpcy_colon_print_t;

static void mpcy_colon_strn(void *env, const char *str, size_t len) {
    mpcy_colon_print_t *c = env;
    if (len > 0 && !c->started) {
        c->started = true;
        c->to->print_strn(c->to->data, ": ", 2);
    }
    c->to->print_strn(c->to->data, str, len);
}

// An attribute of a type that is a str, or MP_OBJ_NULL (allocates nothing:
// this runs in finalisers, with the heap locked).
static mp_obj_t mpcy_type_str_attr(const mp_obj_type_t *t, qstr attr) {
    mp_obj_t dest[2];
    mp_load_method_maybe(MP_OBJ_FROM_PTR(t), attr, dest);
    return dest[0] != MP_OBJ_NULL && dest[1] == MP_OBJ_NULL && mp_obj_is_str(dest[0]) ? dest[0] : MP_OBJ_NULL;
}

// The frames of E's traceback (MicroPython's entries) as CPython prints them.
void mpcy_print_frames(const mp_print_t *print, mp_obj_t e) {
    size_t n = 0, *values;
    if (mp_obj_is_exception_instance(e)) {
        mp_obj_exception_get_traceback(e, &n, &values);
    }
    if (n > 0) {
        mp_print_str(print, "Traceback (most recent call last):\n");
    }
    for (size_t i = n; i >= 3; i -= 3) {
        mp_printf(print, "  File \"%q\"", values[i - 3]);
        #if MICROPY_ENABLE_SOURCE_LINE
        mp_printf(print, ", line %d", (int)values[i - 2]);
        #endif
        if (values[i - 1] != MP_QSTRnull) {
            mp_printf(print, ", in %q", values[i - 1]);
        }
        mp_print_str(print, "\n");
    }
}

// An exception as CPython's traceback printing shows it: the frames, then
// `module.QualName: str(e)` (no module for builtins and __main__, no ": "
// when str(e) is empty).
static void mpcy_print_traceback(const mp_print_t *print, mp_obj_t e) {
    mpcy_print_frames(print, e);
    const mp_obj_type_t *t = mp_obj_get_type(e);
    mp_obj_t mod = mpcy_type_str_attr(t, MP_QSTR___module__);
    if (mod != MP_OBJ_NULL && !mp_obj_str_equal(mod, MP_OBJ_NEW_QSTR(MP_QSTR_builtins))
        && !mp_obj_str_equal(mod, MP_OBJ_NEW_QSTR(MP_QSTR___main__))) {
        mp_printf(print, "%s.", mp_obj_str_get_str(mod));
    }
    mp_obj_t name = mpcy_type_str_attr(t, MP_QSTR___qualname__);
    mp_print_str(print, name != MP_OBJ_NULL ? mp_obj_str_get_str(name) : qstr_str(t->name));
    mpcy_colon_print_t colon = { print, false };
    mp_print_t after = { &colon, mpcy_colon_strn };
    mp_obj_print_helper(&after, e, PRINT_STR);
    mp_print_str(print, "\n");
}

// An exception and its traceback to sys.stderr, as CPython prints one; if
// its str() raises, a line says so, as CPython's does.
void mpcy_print_exception(mp_obj_t e) {
    mp_print_t buf;
    const mp_print_t *print = mpcy_sys_printer(MP_QSTR_stderr, &buf);
    mp_obj_t failed;
    MPCY_CATCH(failed, mpcy_print_traceback(print, e));
    if (failed != MP_OBJ_NULL) {
        mpcy_print(print, "<exception str() failed>\n");
    }
}

// Both print to sys.stderr.
void PyErr_PrintEx(int set_sys_last_vars) {
    MPCY_CHECK_INIT("PyErr_PrintEx");
    (void)set_sys_last_vars;
    mp_obj_t e = MPCY_OBJ(PyErr_GetRaisedException());
    if (e != MP_OBJ_NULL) {
        mpcy_print_exception(e);
    }
}

void PyErr_Print(void) {
    PyErr_PrintEx(1);
}

void PyErr_WriteUnraisable(PyObject *obj) {
    mp_obj_t e = MPCY_OBJ(PyErr_GetRaisedException());
    mp_print_t buf;
    const mp_print_t *print = mpcy_sys_printer(MP_QSTR_stderr, &buf);
    mpcy_print(print, "Exception ignored in: ");
    if (obj != NULL) {
        // From a finaliser the heap is locked: repr() may fail.
        mp_obj_t failed;
        MPCY_CATCH(failed, mp_obj_print_helper(print, MPCY_OBJ(obj), PRINT_REPR));
        if (failed != MP_OBJ_NULL) {
            mpcy_print(print, "<object repr() failed>");
        }
    }
    mpcy_print(print, "\n");
    if (e != MP_OBJ_NULL) {
        mpcy_print_exception(e);
    }
}

int PyErr_CheckSignals(void) {
    MPCY_TRY(-1, mp_handle_pending(true));
    return 0;
}

NORETURN void Py_FatalError(const char *msg) {
    // MicroPython's error printer: stderr on unix, the console on a board
    // (where newlib's stderr, if linked at all, goes nowhere useful).
    mpcy_print(MICROPY_ERROR_PRINTER, "Fatal Python error: %s\n", msg);
    abort();
}

PyObject *PyException_GetTraceback(PyObject *exc) {
    if (exc == NULL) {
        return NULL;
    }
    // the traceback last made (asked again on every coroutine resume) stands
    // for an exception: no need to check that EXC is one
    mp_obj_t e = MPCY_OBJ(exc), tb = mpcy_traceback_last_for(e);
    if (tb == MP_OBJ_NULL && !mp_obj_is_exception_instance(e)) {
        return NULL;
    }
    size_t n, *values;
    mp_obj_exception_get_traceback(e, &n, &values);
    if (n == 0) {
        return NULL; // none yet (or cleared since), as CPython
    }
    tb = tb != MP_OBJ_NULL ? tb : mpcy_traceback_of(e);
    return tb == MP_OBJ_NULL ? NULL : MPCY_PY(tb);
}

// CPython's __traceback__ setter. MicroPython keeps the entries inside the
// exception: a traceback object gives EXC those of the exception it refers
// to, copied (MicroPython appends to them in place as an exception
// propagates); None clears them. Without memory for the copy EXC keeps its
// own (a traceback is optional: this runs on error paths).
int PyException_SetTraceback(PyObject *exc, PyObject *tb) {
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    mp_obj_t from = tb == Py_None ? MP_OBJ_NULL : mpcy_traceback_exc(MPCY_OBJ(tb));
    if (tb != Py_None && from == MP_OBJ_NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    if (exc == NULL || !mp_obj_is_exception_instance(MPCY_OBJ(exc))) {
        PyErr_BadInternalCall();
        return -1;
    }
    mp_obj_exception_t *e = MP_OBJ_TO_PTR(MPCY_OBJ(mpcy_native(exc, &mp_type_BaseException)));
    size_t n = 0, *values = NULL;
    if (from != MP_OBJ_NULL) {
        mp_obj_exception_t *src = MP_OBJ_TO_PTR(MPCY_OBJ(mpcy_native(MPCY_PY(from), &mp_type_BaseException)));
        if (src == e) {
            return 0; // its own (Cython restoring what it fetched)
        }
        mp_obj_exception_get_traceback(MP_OBJ_FROM_PTR(src), &n, &values);
    }
    if (n == 0) {
        if (e->traceback_len != 0) { // (MicroPython's constant exceptions are never written)
            e->traceback_len = 0;
        }
        return 0;
    }
    size_t *copy = m_new_maybe(size_t, n);
    if (copy != NULL) {
        memcpy(copy, values, n * sizeof(size_t));
        e->traceback_data = copy;
        e->traceback_alloc = e->traceback_len = n;
    }
    return 0;
}

// MicroPython does not chain exceptions (no __cause__/__context__; its own
// `raise ... from` drops the cause): documented in docs/exceptions.md.
PyObject *PyException_GetCause(PyObject *exc) {
    (void)exc;
    return NULL;
}

void PyException_SetCause(PyObject *exc, PyObject *cause) {
    (void)exc;
    (void)cause;
}

PyObject *PyException_GetContext(PyObject *exc) {
    return PyException_GetCause(exc);
}

void PyException_SetContext(PyObject *exc, PyObject *ctx) {
    PyException_SetCause(exc, ctx);
}

// The built-in exception of a Python subclass's or cdef class's instance.
PyObject *PyException_GetArgs(PyObject *exc) {
    mp_obj_exception_t *e = MP_OBJ_TO_PTR(MPCY_OBJ(mpcy_native(exc, &mp_type_BaseException)));
    return MPCY_PY(MP_OBJ_FROM_PTR(e->args));
}

void PyException_SetArgs(PyObject *exc, PyObject *args) {
    mp_obj_exception_t *e = MP_OBJ_TO_PTR(MPCY_OBJ(mpcy_native(exc, &mp_type_BaseException)));
    e->args = MP_OBJ_TO_PTR(MPCY_OBJ(args));
}

// The new class's dict gets __module__ (the name's part before the last dot)
// and __doc__ unless it has them, as CPython's.
PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict) {
    const char *dot = strrchr(name, '.');
    const char *short_name = dot ? dot + 1 : name;
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t bases = base == NULL ? mp_obj_new_tuple(1, (mp_obj_t[]) {MPCY_OBJ(PyExc_Exception)})
            : mp_obj_is_type(MPCY_OBJ(base), &mp_type_tuple) ? MPCY_OBJ(base)
            : mp_obj_new_tuple(1, (mp_obj_t[]) {MPCY_OBJ(base)});
        mp_obj_t d = dict ? MPCY_OBJ(dict) : mp_obj_new_dict(0);
        mp_map_t *m = mp_obj_dict_get_map(d);
        if (dot && mp_map_lookup(m, MP_OBJ_NEW_QSTR(MP_QSTR___module__), MP_MAP_LOOKUP) == NULL) {
            mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(MP_QSTR___module__), mp_obj_new_str(name, dot - name));
        }
        if (doc && mp_map_lookup(m, MP_OBJ_NEW_QSTR(MP_QSTR___doc__), MP_MAP_LOOKUP) == NULL) {
            mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(MP_QSTR___doc__), mp_obj_new_str(doc, strlen(doc)));
        }
        mp_obj_t args[3] = { mp_obj_new_str(short_name, strlen(short_name)), bases, d };
        r = mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_type), 3, 0, args);
    });
    return MPCY_PY(r);
}

PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict) {
    return PyErr_NewExceptionWithDoc(name, NULL, base, dict);
}
