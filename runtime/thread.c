// Thread locks, thread identity and thread-specific storage (pythread.h).
//
// With threads (MICROPY_PY_THREAD) a lock is one of MicroPython's own
// mutexes, as a `_thread` lock is: held while the mutex is locked, so any
// thread may release it (a lock, not an rlock, as in CPython). A wait that
// can block gives up the GIL first when this thread holds it (modthread.c's
// lock.acquire does the same; CPython keeps it, and would deadlock if the
// holder needed it); nothing in the wait touches MicroPython.
//
// Without threads a lock is a flag: acquiring a free lock succeeds, and a
// lock that is held stays held, since no other thread can release it. A
// timed acquire then fails at once, and a blocking one, which CPython would
// never return from, raises RuntimeError (docs/embedding.md, Threads).
#include "mpcy.h"
#include "py/mphal.h"

typedef struct {
    #if MICROPY_PY_THREAD
    mp_thread_mutex_t mutex; // locked while the lock is held
    #else
    bool held;
    #endif
} mpcy_lock_t;

void PyThread_init_thread(void) {
}

// C memory, as CPython's: a lock may be made and used without the GIL.
PyThread_type_lock PyThread_allocate_lock(void) {
    mpcy_lock_t *l = PyMem_RawMalloc(sizeof(mpcy_lock_t));
    if (l != NULL) {
        #if MICROPY_PY_THREAD
        mp_thread_mutex_init(&l->mutex);
        #else
        l->held = false;
        #endif
    }
    return l;
}

// MicroPython's mutexes have no destructor: the memory is all there is.
void PyThread_free_lock(PyThread_type_lock lock) {
    PyMem_RawFree(lock);
}

// Takes the lock if it is free.
static bool mpcy_lock_try(mpcy_lock_t *l) {
    #if MICROPY_PY_THREAD
    return mp_thread_mutex_lock(&l->mutex, 0) == 1;
    #else
    if (l->held) {
        return false;
    }
    l->held = true;
    return true;
    #endif
}

#if MICROPY_PY_THREAD
// Waits for a held lock: MicroPython's mutexes block without a time limit,
// so a wait with one (or one an interrupt ends) tries the lock at growing
// intervals, up to a millisecond, counting the time waited.
static PyLockStatus mpcy_lock_wait(mpcy_lock_t *l, long long microseconds, int intr_flag) {
    if (microseconds < 0 && !intr_flag) {
        return mp_thread_mutex_lock(&l->mutex, 1) == 1 ? PY_LOCK_ACQUIRED : PY_LOCK_FAILURE;
    }
    unsigned long long waited = 0;
    mp_uint_t pause = 16;
    mp_uint_t last = mp_hal_ticks_us();
    for (;;) {
        if (intr_flag && MPCY_INTERRUPT_PENDING()) {
            return PY_LOCK_INTR;
        }
        mp_uint_t step = pause;
        if (microseconds >= 0 && (unsigned long long)microseconds - waited < step) {
            step = (mp_uint_t)((unsigned long long)microseconds - waited);
        }
        mp_hal_delay_us(step);
        mp_uint_t now = mp_hal_ticks_us();
        waited += (mp_uint_t)(now - last); // wraps of the tick count cancel out
        last = now;
        if (mpcy_lock_try(l)) {
            return PY_LOCK_ACQUIRED;
        }
        if (microseconds >= 0 && waited >= (unsigned long long)microseconds) {
            return PY_LOCK_FAILURE;
        }
        if (pause < 1000) {
            pause *= 2;
        }
    }
}
#endif

// microseconds: 0 only tries, negative waits without a limit. intr_flag: a
// pending KeyboardInterrupt ends the wait with PY_LOCK_INTR.
PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag) {
    mpcy_lock_t *l = lock;
    if (mpcy_lock_try(l)) {
        return PY_LOCK_ACQUIRED;
    }
    if (microseconds == 0) {
        return PY_LOCK_FAILURE;
    }
    #if MICROPY_PY_THREAD
    bool gil = PyGILState_Check();
    PyThreadState *save = gil ? PyEval_SaveThread() : NULL;
    PyLockStatus r = mpcy_lock_wait(l, microseconds, intr_flag);
    if (gil) {
        PyEval_RestoreThread(save);
    }
    return r;
    #else
    (void)intr_flag;
    if (microseconds < 0) {
        PyErr_SetString(PyExc_RuntimeError,
            "PyThread_acquire_lock: the lock is held and this MicroPython has no threads "
            "to release it (the wait would never end)");
    }
    return PY_LOCK_FAILURE;
    #endif
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag) {
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0);
}

void PyThread_release_lock(PyThread_type_lock lock) {
    mpcy_lock_t *l = lock;
    #if MICROPY_PY_THREAD
    mp_thread_mutex_unlock(&l->mutex);
    #else
    l->held = false;
    #endif
}

// _thread.get_ident()'s value: the port's thread id (a pthread_t on unix),
// also for C threads MicroPython did not start.
unsigned long PyThread_get_thread_ident(void) {
    #if MICROPY_PY_THREAD
    return (unsigned long)mp_thread_get_id();
    #else
    return 1;
    #endif
}

// ---- thread-specific storage -----------------------------------------------------
// A key is a slot of a table of MPCY_KEYS; each thread has its own value per
// slot (`__thread`: the compiler's thread-local storage, which the port's
// threads have). A slot's generation grows at each key made in it, and a
// value is the key's only while its generation matches: a new key reads NULL
// in every thread, as CPython's do. Values are C memory: the GC does not
// scan them (keep an object stored there referenced elsewhere).
#define MPCY_KEYS 32

typedef struct {
    uint32_t generation;
    void *value;
} mpcy_key_value_t;

static uint32_t mpcy_keys_used; // bit i: slot i is a key
static uint32_t mpcy_keys_generation[MPCY_KEYS];
static MPCY_THREAD_LOCAL mpcy_key_value_t mpcy_key_values[MPCY_KEYS];

// A new key, or -1 when every slot is taken.
static int mpcy_key_create(void) {
    uint32_t used = __atomic_load_n(&mpcy_keys_used, __ATOMIC_ACQUIRE);
    for (;;) {
        if (used == 0xffffffff) {
            return -1;
        }
        int i = __builtin_ctz(~used);
        if (__atomic_compare_exchange_n(&mpcy_keys_used, &used, used | (1u << i), false,
            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            __atomic_add_fetch(&mpcy_keys_generation[i], 1, __ATOMIC_RELEASE);
            return i;
        }
    }
}

static bool mpcy_key_valid(int key) {
    return key >= 0 && key < MPCY_KEYS && (__atomic_load_n(&mpcy_keys_used, __ATOMIC_ACQUIRE) & (1u << key));
}

static void mpcy_key_delete(int key) {
    if (key >= 0 && key < MPCY_KEYS) {
        __atomic_and_fetch(&mpcy_keys_used, ~(1u << key), __ATOMIC_ACQ_REL);
    }
}

static int mpcy_key_set(int key, void *value) {
    if (!mpcy_key_valid(key)) {
        return -1;
    }
    mpcy_key_values[key].generation = __atomic_load_n(&mpcy_keys_generation[key], __ATOMIC_ACQUIRE);
    mpcy_key_values[key].value = value;
    return 0;
}

static void *mpcy_key_get(int key) {
    if (!mpcy_key_valid(key)) {
        return NULL;
    }
    mpcy_key_value_t *v = &mpcy_key_values[key];
    return v->generation == __atomic_load_n(&mpcy_keys_generation[key], __ATOMIC_ACQUIRE) ? v->value : NULL;
}

Py_tss_t *PyThread_tss_alloc(void) {
    Py_tss_t *key = PyMem_RawMalloc(sizeof(Py_tss_t));
    if (key != NULL) {
        key->_is_initialized = 0;
        key->_key = 0;
    }
    return key;
}

void PyThread_tss_free(Py_tss_t *key) {
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key) {
    return key->_is_initialized;
}

// 0, also for a key already made; -1 when all MPCY_KEYS are in use.
int PyThread_tss_create(Py_tss_t *key) {
    if (key->_is_initialized) {
        return 0;
    }
    int k = mpcy_key_create();
    if (k < 0) {
        return -1;
    }
    key->_key = k;
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key) {
    if (key->_is_initialized) {
        mpcy_key_delete(key->_key);
        key->_is_initialized = 0;
    }
}

int PyThread_tss_set(Py_tss_t *key, void *value) {
    return key->_is_initialized ? mpcy_key_set(key->_key, value) : -1;
}

void *PyThread_tss_get(Py_tss_t *key) {
    return key->_is_initialized ? mpcy_key_get(key->_key) : NULL;
}

int PyThread_create_key(void) {
    return mpcy_key_create();
}

void PyThread_delete_key(int key) {
    mpcy_key_delete(key);
}

int PyThread_set_key_value(int key, void *value) {
    return mpcy_key_set(key, value);
}

void *PyThread_get_key_value(int key) {
    return mpcy_key_get(key);
}

void PyThread_delete_key_value(int key) {
    mpcy_key_set(key, NULL);
}

// After a fork the child is one thread whose values are all still its own.
void PyThread_ReInitTLS(void) {
}
