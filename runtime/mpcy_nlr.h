// The error boundary between MicroPython and the C API (docs/design.md,
// "Error boundaries"). MicroPython raises with nlr (a longjmp); CPython's C
// API returns NULL or -1 with the error indicator set. Cython's C code has no
// nlr frame: a jump through it would skip its cleanup. So:
//  - every function C code can call (the API, include/) catches MicroPython's
//    raises with MPCY_TRY or MPCY_CATCH and returns the CPython way; none may
//    let an nlr jump escape (tests/lint/nlr.py checks it);
//  - where MicroPython calls C code (a spec type's slots, a PyMethodDef
//    function), mpcy_check turns a NULL result into a raise of the pending
//    error (mpcy_err_raise).
#ifndef MPCY_NLR_H
#define MPCY_NLR_H

// Raise the pending error with nlr (MicroPython side of the boundary).
NORETURN void mpcy_err_raise(void);
// Check the result of a CPython-convention call: NULL means raise.
static inline mp_obj_t mpcy_check(PyObject *r) {
    if (r == NULL) {
        mpcy_err_raise();
    }
    return MPCY_OBJ(r);
}

// The two nlr frames of the layer, its only uses of nlr_push (the lint checks
// that calls which may raise lie inside one of them).
// Run a MicroPython statement; `exc` becomes the exception it raised, or
// MP_OBJ_NULL when it completed.
#define MPCY_CATCH(exc, ...) do { \
        nlr_buf_t mpcy_nlr_; \
        if (nlr_push(&mpcy_nlr_) == 0) { \
            __VA_ARGS__; \
            nlr_pop(); \
            (exc) = MP_OBJ_NULL; \
        } else { \
            (exc) = MP_OBJ_FROM_PTR(mpcy_nlr_.ret_val); \
        } \
} while (0)
// A call that cannot raise although the nlr lint cannot see why: a C
// function with the CPython convention called through a pointer (it returns
// its errors; the lint holds every function of the API to that), or a
// MicroPython function that raises only in cases the caller has ruled out.
// One call per use, and each use says why.
#define MPCY_NO_RAISE(call) (call)

// gcc's -Wclobbered (in -Wextra, an error under MicroPython's -Werror) flags
// locals of a function with an nlr frame where MicroPython's nlr is setjmp
// (MICROPY_NLR_SETJMP=1): a local changed by the frame's statement would have
// its old value again after the jump. It is a false alarm in the functions
// put between these two markers, each checked: MPCY_TRY's failure path reads
// no local (it returns the failure value, a constant), and after an
// MPCY_CATCH such a function reads, when the statement raised, only the
// exception and values set before the frame. A new warning (the driver suite
// compiles the layer that way) is a function to check, then to mark.
#if defined(__GNUC__) && !defined(__clang__)
#define MPCY_CLOBBER_CHECKED _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wclobbered\"")
#define MPCY_CLOBBER_CHECKED_END _Pragma("GCC diagnostic pop")
#else
#define MPCY_CLOBBER_CHECKED
#define MPCY_CLOBBER_CHECKED_END
#endif

// Run a MicroPython statement; on an exception set the error indicator to it
// and return `fail` (the CPython convention: NULL, -1, ...).
#define MPCY_TRY(fail, ...) do { \
        nlr_buf_t mpcy_nlr_; \
        if (nlr_push(&mpcy_nlr_) == 0) { \
            __VA_ARGS__; \
            nlr_pop(); \
        } else { \
            PyErr_SetRaisedException(MPCY_PY(mpcy_nlr_.ret_val)); \
            return fail; \
        } \
} while (0)
#endif
