// Interpreter and thread state, the GIL and C threads (pystate.h, ceval.h).
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE // pthread_getattr_np
#endif
#include "mpcy.h"
#include "py/gc.h"
#include "py/mphal.h"
#if MICROPY_PY_THREAD && defined(__linux__)
#include <pthread.h>
#endif

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

#if MPCY_ERR_PER_THREAD
// ---- The error indicator, one per thread ---------------------------------------
// Threads without a GIL (the unix port's) raise at the same time; with one
// indicator they swapped or lost each other's errors. Each thread's is a
// slot in C memory made at its first use, on a list the collector scans
// (mpcy_gc_scan_statics), unlinked when the thread ends (a pthread key's
// destructor).
typedef struct mpcy_err_slot_t {
    mp_obj_t err;
    mp_obj_t dict; // PyThreadState_GetDict's, scanned with err
    struct mpcy_err_slot_t *prev, *next;
} mpcy_err_slot_t;

static __thread mpcy_err_slot_t *mpcy_err_mine;
static mpcy_err_slot_t *mpcy_err_slots;
static pthread_mutex_t mpcy_err_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t mpcy_err_key;
static pthread_once_t mpcy_err_once = PTHREAD_ONCE_INIT;

static void mpcy_err_slot_free(void *p) {
    mpcy_err_slot_t *s = p;
    pthread_mutex_lock(&mpcy_err_mutex);
    MPCY_DLIST_UNLINK(mpcy_err_slots, s);
    pthread_mutex_unlock(&mpcy_err_mutex);
    free(s);
}

static void mpcy_err_key_init(void) {
    pthread_key_create(&mpcy_err_key, mpcy_err_slot_free);
}

mp_obj_t *mpcy_err_slot(void) {
    mpcy_err_slot_t *s = mpcy_err_mine;
    if (s == NULL) {
        pthread_once(&mpcy_err_once, mpcy_err_key_init);
        s = calloc(1, sizeof(*s));
        if (s == NULL) {
            Py_FatalError("out of memory for a thread's error indicator");
        }
        pthread_mutex_lock(&mpcy_err_mutex);
        MPCY_DLIST_PUSH(mpcy_err_slots, s);
        pthread_mutex_unlock(&mpcy_err_mutex);
        pthread_setspecific(mpcy_err_key, s);
        mpcy_err_mine = s;
    }
    return &s->err;
}

void mpcy_err_scan(void) {
    pthread_mutex_lock(&mpcy_err_mutex);
    for (mpcy_err_slot_t *s = mpcy_err_slots; s != NULL; s = s->next) {
        gc_collect_root((void **)&s->err, 2);
    }
    pthread_mutex_unlock(&mpcy_err_mutex);
}

void mpcy_err_forget(void) {
    pthread_mutex_lock(&mpcy_err_mutex);
    for (mpcy_err_slot_t *s = mpcy_err_slots; s != NULL; s = s->next) {
        s->err = MP_OBJ_NULL;
        s->dict = MP_OBJ_NULL;
    }
    pthread_mutex_unlock(&mpcy_err_mutex);
}

static mp_obj_t *mpcy_thread_dict_slot(void) {
    mpcy_err_slot();
    return &mpcy_err_mine->dict;
}
#else
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_thread_dict);
#define mpcy_thread_dict_slot() (&MP_STATE_VM(mpcy_thread_dict))
#endif

// CPython's dict for extensions' per-thread state (made at the first call,
// kept for the thread's life); NULL with no error set only without memory,
// as CPython clears its error there.
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the slot, set before the frame
PyObject *PyThreadState_GetDict(void) {
    mp_obj_t *slot = mpcy_thread_dict_slot(), failed;
    if (*slot == MP_OBJ_NULL) {
        MPCY_CATCH(failed, *slot = mp_obj_new_dict(0));
        if (failed != MP_OBJ_NULL) {
            return NULL;
        }
    }
    return MPCY_PY(*slot);
}
MPCY_CLOBBER_CHECKED_END

// ---- threads and the GIL -------------------------------------------------------
// MicroPython's GIL where the port has one (MICROPY_PY_THREAD_GIL); with
// threads but no GIL the calls only keep their bookkeeping; without threads
// they do nothing. A C thread that MicroPython did not start gets a
// MicroPython thread state in its first PyGILState_Ensure and loses it in
// the matching Release (docs/embedding.md).
#if MICROPY_PY_THREAD

// This thread has given up the GIL (PyEval_SaveThread), or is a C thread
// outside PyGILState_Ensure.
static __thread bool mpcy_released;

typedef struct {
    mp_state_thread_t ts;
    int depth; // nesting of PyGILState_Ensure
} mpcy_foreign_t;
static __thread mpcy_foreign_t *mpcy_foreign;

#if MPCY_THREAD_GC_WRAP
// The unix port's collector scans the stacks of the threads it started (it
// signals each, and each scans itself). The driver links with
// --wrap=mp_thread_gc_others so the same is done for C threads inside
// PyGILState_Ensure.
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include "shared/runtime/gchelper.h"

#define MPCY_FOREIGN_MAX 16
#define MPCY_GC_SIGNAL (SIGRTMIN + 7)
static pthread_mutex_t mpcy_foreign_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_t mpcy_foreign_ids[MPCY_FOREIGN_MAX];
static bool mpcy_foreign_used[MPCY_FOREIGN_MAX];
static sem_t mpcy_gc_done;

static void mpcy_gc_signal(int signo) {
    (void)signo;
    gc_helper_collect_regs_and_stack();
    sem_post(&mpcy_gc_done);
}

static void mpcy_foreign_register(bool add) {
    static bool ready;
    pthread_mutex_lock(&mpcy_foreign_mutex);
    if (!ready) {
        sem_init(&mpcy_gc_done, 0, 0);
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = mpcy_gc_signal;
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        sigaction(MPCY_GC_SIGNAL, &sa, NULL);
        ready = true;
    }
    size_t i;
    for (i = 0; i < MPCY_FOREIGN_MAX; i++) {
        if (add ? !mpcy_foreign_used[i] : (mpcy_foreign_used[i] && pthread_equal(mpcy_foreign_ids[i], pthread_self()))) {
            mpcy_foreign_used[i] = add;
            mpcy_foreign_ids[i] = pthread_self();
            break;
        }
    }
    pthread_mutex_unlock(&mpcy_foreign_mutex);
    if (add && i == MPCY_FOREIGN_MAX) {
        Py_FatalError("PyGILState_Ensure: more than 16 C threads at once");
    }
}

void __wrap_mp_thread_gc_others(void) {
    __real_mp_thread_gc_others();
    pthread_mutex_lock(&mpcy_foreign_mutex);
    for (size_t i = 0; i < MPCY_FOREIGN_MAX; i++) {
        if (mpcy_foreign_used[i] && !pthread_equal(mpcy_foreign_ids[i], pthread_self())) {
            pthread_kill(mpcy_foreign_ids[i], MPCY_GC_SIGNAL);
            while (sem_wait(&mpcy_gc_done) != 0) {
            }
        }
    }
    pthread_mutex_unlock(&mpcy_foreign_mutex);
}
#else
// Other ports: a C thread's stack is scanned while it holds the GIL and
// collects; keep what it holds across PyGILState_Release elsewhere.
static void mpcy_foreign_register(bool add) {
    (void)add;
}
#endif

// A MicroPython thread state for a C thread, as _thread's thread_entry makes one.
static void mpcy_foreign_begin(void) {
    mpcy_foreign_t *f = calloc(1, sizeof(*f));
    if (f == NULL) {
        Py_FatalError("PyGILState_Ensure: out of memory for a thread state");
    }
    char *top = (char *)&f;
    size_t size = 64 * 1024;
    #if defined(__linux__)
    pthread_attr_t attr;
    void *addr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            top = (char *)addr + size;
        }
        pthread_attr_destroy(&attr);
    }
    #endif
    mp_thread_set_state(&f->ts);
    mp_stack_set_top(top);
    mp_stack_set_limit(size > 32 * 1024 ? size - 16 * 1024 : size / 2);
    f->ts.gc_lock_depth = 0;
    f->ts.nlr_top = NULL;
    f->ts.nlr_jump_callback_top = NULL;
    f->ts.mp_pending_exception = MP_OBJ_NULL;
    f->ts.dict_locals = MPCY_MAIN_THREAD_GLOBALS;
    f->ts.dict_globals = MPCY_MAIN_THREAD_GLOBALS;
    mpcy_foreign = f;
    mpcy_released = true;
    mpcy_foreign_register(true);
}

static void mpcy_foreign_end(void) {
    mpcy_foreign_register(false);
    mp_thread_set_state(NULL);
    free(mpcy_foreign);
    mpcy_foreign = NULL;
}

PyThreadState *PyEval_SaveThread(void) {
    mpcy_released = true;
    MP_THREAD_GIL_EXIT();
    return PyThreadState_Get();
}

void PyEval_RestoreThread(PyThreadState *ts) {
    (void)ts;
    MP_THREAD_GIL_ENTER();
    mpcy_released = false;
}

// CPython 3.13's: detach the current thread state (give up the GIL), then
// attach TS (take it); the answer is the state that was attached, NULL
// when this thread held none. Cython asks Swap(NULL) whether it holds the GIL.
PyThreadState *PyThreadState_Swap(PyThreadState *ts) {
    PyThreadState *old = PyGILState_Check() ? PyThreadState_Get() : NULL;
    if (old != NULL) {
        mpcy_released = true;
        MP_THREAD_GIL_EXIT();
    }
    if (ts != NULL) {
        MP_THREAD_GIL_ENTER();
        mpcy_released = false;
    }
    return old;
}

PyGILState_STATE PyGILState_Ensure(void) {
    MPCY_CHECK_INIT("PyGILState_Ensure");
    if (mp_thread_get_state() == NULL) {
        mpcy_foreign_begin();
    }
    if (mpcy_foreign != NULL) {
        mpcy_foreign->depth++;
    }
    if (!mpcy_released) {
        return PyGILState_LOCKED;
    }
    MP_THREAD_GIL_ENTER();
    mpcy_released = false;
    return PyGILState_UNLOCKED;
}

void PyGILState_Release(PyGILState_STATE state) {
    if (state == PyGILState_UNLOCKED) {
        mpcy_released = true;
        MP_THREAD_GIL_EXIT();
    }
    if (mpcy_foreign != NULL && --mpcy_foreign->depth == 0) {
        mpcy_foreign_end();
    }
}

int PyGILState_Check(void) {
    return mp_thread_get_state() != NULL && !mpcy_released;
}

#if MICROPY_PY_THREAD_GIL
// MicroPython's VM lets other threads have the GIL every
// MICROPY_PY_THREAD_GIL_VM_DIVISOR backward jumps of bytecode, CPython's also
// when a function is entered. Cython code that loops in C around calls (a
// thread polling event.is_set()) runs no backward jump of bytecode and kept
// the GIL for ever: the layer lets go of it every so many calls, where the
// VM would, not while the scheduler runs.
void mpcy_call_tick(void) {
    static unsigned int calls; // counted under the GIL
    if (++calls < MICROPY_PY_THREAD_GIL_VM_DIVISOR || mpcy_released) {
        return;
    }
    calls = 0;
    #if MICROPY_ENABLE_SCHEDULER
    if (MP_STATE_VM(sched_state) != MP_SCHED_IDLE) {
        return;
    }
    #endif
    MP_THREAD_GIL_EXIT();
    MP_THREAD_GIL_ENTER();
}
#endif

#else // no threads: one thread, which holds the interpreter unless it gave it up

// This thread has given up the interpreter (PyEval_SaveThread,
// PyThreadState_Swap(NULL)): nothing else runs, but PyGILState_Check and
// PyThreadState_Swap answer as CPython's do.
static bool mpcy_detached;

PyThreadState *PyEval_SaveThread(void) {
    mpcy_detached = true;
    return PyThreadState_Get();
}

void PyEval_RestoreThread(PyThreadState *ts) {
    (void)ts;
    mpcy_detached = false;
}

PyThreadState *PyThreadState_Swap(PyThreadState *ts) {
    PyThreadState *old = mpcy_detached ? NULL : PyThreadState_Get();
    mpcy_detached = ts == NULL;
    return old;
}

PyGILState_STATE PyGILState_Ensure(void) {
    MPCY_CHECK_INIT("PyGILState_Ensure");
    if (!mpcy_detached) {
        return PyGILState_LOCKED;
    }
    mpcy_detached = false;
    return PyGILState_UNLOCKED;
}

void PyGILState_Release(PyGILState_STATE state) {
    if (state == PyGILState_UNLOCKED) {
        mpcy_detached = true;
    }
}

int PyGILState_Check(void) {
    return !mpcy_detached;
}
#endif

void PyEval_InitThreads(void) {
}

PyThreadState *PyGILState_GetThisThreadState(void) {
    return PyThreadState_Get();
}
