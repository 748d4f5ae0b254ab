// Thread locks and identity (pythread.h).
#include "mpcy.h"

// Locks do nothing (the interpreter is one thread at a time); any non-NULL
// handle will do.
static char mpcy_lock_token;

PyThread_type_lock PyThread_allocate_lock(void) {
    return (PyThread_type_lock) & mpcy_lock_token;
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
