// The interpreter's life in a program that embeds it (CPython's
// Python/pylifecycle.c). In a program built by `./mpcython embed`
// (MPCY_EMBED=1) Py_Initialize starts MicroPython on a GC heap and a C stack
// the program may choose (mpcy_set_heap, mpcy_set_stack; docs/embedding.md)
// and Py_FinalizeEx stops it. In a MicroPython executable the interpreter is
// already running: Py_Initialize does nothing, Py_IsInitialized is 1.
#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE // pthread_getattr_np
#endif
#include <pthread.h>
#endif
#include "mpcy.h"
#include "py/gc.h"
#include "py/stackctrl.h"

// Default heap and stack limit (./mpcython embed --heap / --stack-limit).
#ifndef MPCY_HEAP_SIZE
#define MPCY_HEAP_SIZE (1024 * 1024)
#endif
#ifndef MPCY_STACK_LIMIT
#define MPCY_STACK_LIMIT (128 * 1024)
#endif
// Stack kept free below MicroPython's limit for C code (the layer, printf).
#define MPCY_STACK_MARGIN (16 * 1024)

#if MPCY_EMBED
#include "shared/runtime/gchelper.h"
#include "py/lexer.h"
#include "py/builtin.h"
#include "py/mperrno.h"

bool mpcy_initialized;
static void (*mpcy_atexit[32])(void);
static int mpcy_atexit_len;

int Py_AtExit(void (*func)(void)) {
    if (mpcy_atexit_len == MP_ARRAY_SIZE(mpcy_atexit)) {
        return -1;
    }
    mpcy_atexit[mpcy_atexit_len++] = func;
    return 0;
}

static void mpcy_run_atexit(void) {
    while (mpcy_atexit_len > 0) {
        MPCY_NO_RAISE(mpcy_atexit[--mpcy_atexit_len]()); // C functions, after the interpreter
    }
}

static char *mpcy_heap;
static size_t mpcy_heap_size = MPCY_HEAP_SIZE;
static bool mpcy_heap_malloced;
static char *mpcy_stack_top;
static size_t mpcy_stack_limit = MPCY_STACK_LIMIT;

static void mpcy_stderr_strn(void *env, const char *str, size_t len) {
    (void)env;
    fwrite(str, 1, len, stderr);
}
const mp_print_t mpcy_stderr_print = { NULL, mpcy_stderr_strn };

// Before Py_Initialize nothing of MicroPython exists, its printer included.
static NORETURN void mpcy_fatal(const char *func, const char *msg) {
    fprintf(stderr, "Fatal Python error: %s: %s\n", func, msg);
    fflush(stderr);
    abort();
}

NORETURN void mpcy_not_initialized(const char *func) {
    mpcy_fatal(func, "the interpreter is not initialized (call Py_Initialize() first)");
}

void mpcy_set_heap(void *buf, size_t size) {
    if (mpcy_initialized) {
        mpcy_fatal("mpcy_set_heap", "called after Py_Initialize()");
    }
    if (mpcy_heap_malloced) {
        free(mpcy_heap);
        mpcy_heap_malloced = false;
    }
    mpcy_heap = buf;
    mpcy_heap_size = size;
}

void mpcy_set_stack(void *top, size_t limit) {
    if (mpcy_initialized) {
        mpcy_fatal("mpcy_set_stack", "called after Py_Initialize()");
    }
    mpcy_stack_top = top;
    if (limit != 0) {
        mpcy_stack_limit = limit;
    }
}

// The top (highest address) of the calling thread's stack, and its size, where
// the C library tells; the GC scans from the stack pointer up to it, so
// main()'s own variables are seen.
static char *mpcy_find_stack_top(size_t *size) {
    #if defined(__linux__)
    pthread_attr_t attr;
    void *addr;
    size_t sz;
    char *top = NULL;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &addr, &sz) == 0) {
            top = (char *)addr + sz;
            *size = sz;
        }
        pthread_attr_destroy(&attr);
    }
    return top;
    #else
    (void)size;
    return NULL;
    #endif
}

void Py_InitializeEx(int initsigs) {
    (void)initsigs; // MicroPython installs no signal handlers here
    if (mpcy_initialized) {
        return;
    }
    size_t avail = 0;
    char *top = mpcy_stack_top ? mpcy_stack_top : mpcy_find_stack_top(&avail);
    if (top == NULL) {
        mpcy_fatal("Py_Initialize", "cannot find the top of the C stack here: call mpcy_set_stack() first");
    }
    size_t limit = mpcy_stack_limit;
    if (avail != 0 && limit + MPCY_STACK_MARGIN > avail) {
        limit = avail > 2 * MPCY_STACK_MARGIN ? avail - MPCY_STACK_MARGIN : avail / 2;
    }
    if (mpcy_heap == NULL) {
        mpcy_heap = malloc(mpcy_heap_size);
        if (mpcy_heap == NULL) {
            mpcy_fatal("Py_Initialize", "cannot allocate the MicroPython heap");
        }
        mpcy_heap_malloced = true;
    }
    mp_stack_set_top(top);
    mp_stack_set_limit(limit);
    gc_init(mpcy_heap, mpcy_heap + mpcy_heap_size);
    mp_obj_t exc;
    MPCY_CATCH(exc, mp_init());
    if (exc != MP_OBJ_NULL) {
        mpcy_fatal("Py_Initialize", "cannot start MicroPython (a heap too small?)");
    }
    #if MPCY_GC_STRESS
    // A collection before every allocation (./mpcython embed --gc-stress),
    // as gc.threshold(0): for tests.
    MPCY_GC_ALLOC_THRESHOLD = 0;
    #endif
    mpcy_initialized = true;
    MPCY_CATCH(exc, mpcy_import_install());
    if (exc != MP_OBJ_NULL) {
        mpcy_fatal("Py_Initialize", "cannot install the import hook");
    }
}

void Py_Initialize(void) {
    Py_InitializeEx(1);
}

int Py_IsInitialized(void) {
    return mpcy_initialized;
}

int Py_FinalizeEx(void) {
    if (!mpcy_initialized) {
        return 0;
    }
    mp_obj_t e = MPCY_OBJ(PyErr_GetRaisedException());
    if (e != MP_OBJ_NULL) {
        mpcy_print_exception(e);
    }
    // Finalisers (__dealloc__ of what is left) run now, as at a soft reset;
    // they also tell the layer that its roots point into a heap that is gone
    // (see importdl.c). The roots are forgotten here for a new Py_Initialize.
    gc_sweep_all();
    mp_deinit();
    mpcy_forget_modules();
    mpcy_forget_roots();
    MP_STATE_VM(mpcy_import_next) = MP_OBJ_NULL;
    if (mpcy_heap_malloced) {
        free(mpcy_heap);
        mpcy_heap = NULL;
        mpcy_heap_malloced = false;
    }
    mpcy_initialized = false;
    mpcy_run_atexit();
    return 0;
}

// What the embed port's embed_util.c gives a MicroPython program; the layer
// replaces that file to say what went wrong instead of looping silently.
void gc_collect(void) {
    gc_collect_start();
    mpcy_gc_scan_statics();
    gc_helper_collect_regs_and_stack();
    gc_collect_end();
}

// No file system: `import` finds inittab, built-in and frozen modules only.
mp_import_stat_t mp_import_stat(const char *path) {
    (void)path;
    return MP_IMPORT_STAT_NO_EXIST;
}

mp_lexer_t *mp_lexer_new_from_file(qstr filename) {
    (void)filename;
    mp_raise_OSError(MP_ENOENT);
}

void nlr_jump_fail(void *val) {
    fprintf(stderr, "Fatal Python error: uncaught MicroPython exception outside the C API:\n");
    fflush(stderr);
    mp_obj_print_exception(MICROPY_ERROR_PRINTER, MP_OBJ_FROM_PTR(val));
    abort();
}

#else // a MicroPython executable: the interpreter is running

void mpcy_set_heap(void *buf, size_t size) {
    (void)buf;
    (void)size;
}

void mpcy_set_stack(void *top, size_t limit) {
    (void)top;
    (void)limit;
}

void Py_InitializeEx(int initsigs) {
    (void)initsigs;
}

void Py_Initialize(void) {
}

// Nothing is run at exit in a MicroPython executable (CPython's -1: no room).
int Py_AtExit(void (*func)(void)) {
    (void)func;
    return -1;
}

int Py_IsInitialized(void) {
    return 1;
}

// The interpreter belongs to the MicroPython executable, not to the caller.
int Py_FinalizeEx(void) {
    return 0;
}

#endif

void Py_SetProgramName(const wchar_t *name) {
    (void)name;
}

void Py_SetPythonHome(const wchar_t *home) {
    (void)home;
}

// The C library's locale conversion, into PyMem_RawMalloc memory.
wchar_t *Py_DecodeLocale(const char *arg, size_t *size) {
    size_t n = mbstowcs(NULL, arg, 0);
    if (n == (size_t)-1) {
        if (size) {
            *size = (size_t)-2;
        }
        return NULL;
    }
    wchar_t *w = PyMem_RawMalloc((n + 1) * sizeof(wchar_t));
    if (w == NULL) {
        if (size) {
            *size = (size_t)-1;
        }
        return NULL;
    }
    mbstowcs(w, arg, n + 1);
    if (size) {
        *size = n;
    }
    return w;
}

char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos) {
    size_t n = wcstombs(NULL, text, 0);
    if (n == (size_t)-1) {
        if (error_pos) {
            *error_pos = 0;
        }
        return NULL;
    }
    char *s = PyMem_RawMalloc(n + 1);
    if (s != NULL) {
        wcstombs(s, text, n + 1);
    }
    if (error_pos) {
        *error_pos = (size_t)-1;
    }
    return s;
}

void Py_Finalize(void) {
    Py_FinalizeEx();
}

NORETURN void Py_Exit(int status) {
    if (Py_FinalizeEx() < 0 && status == 0) {
        status = 120;
    }
    exit(status);
}
