// Thread locks, thread identity and thread-specific storage (runtime/thread.c).
#ifndef MPCY_PYTHREAD_H
#define MPCY_PYTHREAD_H
#include "Python.h"

typedef void *PyThread_type_lock;
#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
typedef enum {
    PY_LOCK_FAILURE = 0,
    PY_LOCK_ACQUIRED = 1,
    PY_LOCK_INTR
} PyLockStatus;
// Longest wait of PyThread_acquire_lock_timed, in microseconds.
#define PY_TIMEOUT_T long long
#define PY_TIMEOUT_MAX LLONG_MAX

void PyThread_init_thread(void);
PyThread_type_lock PyThread_allocate_lock(void);
void PyThread_free_lock(PyThread_type_lock lock);
int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag);
PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag);
void PyThread_release_lock(PyThread_type_lock lock);
unsigned long PyThread_get_thread_ident(void);

// Thread-specific storage (PEP 539). _key is a slot of the layer's key table
// (thread.c); Py_tss_NEEDS_INIT is a key not yet created.
typedef struct _Py_tss_t {
    int _is_initialized;
    int _key;
} Py_tss_t;
#define Py_tss_NEEDS_INIT {0, 0}
Py_tss_t *PyThread_tss_alloc(void);
void PyThread_tss_free(Py_tss_t *key);
int PyThread_tss_is_created(Py_tss_t *key);
int PyThread_tss_create(Py_tss_t *key);
void PyThread_tss_delete(Py_tss_t *key);
int PyThread_tss_set(Py_tss_t *key, void *value);
void *PyThread_tss_get(Py_tss_t *key);

// The older thread-local storage API (deprecated since CPython 3.7), over
// the same keys.
int PyThread_create_key(void);
void PyThread_delete_key(int key);
int PyThread_set_key_value(int key, void *value);
void *PyThread_get_key_value(int key);
void PyThread_delete_key_value(int key);
void PyThread_ReInitTLS(void);
#endif
