// Thread locks; Cython includes this for its atomics fallback.
#ifndef MPCY_PYTHREAD_H
#define MPCY_PYTHREAD_H
#include "Python.h"
typedef void *PyThread_type_lock;
#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
PyThread_type_lock PyThread_allocate_lock(void);
void PyThread_free_lock(PyThread_type_lock lock);
int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag);
void PyThread_release_lock(PyThread_type_lock lock);
unsigned long PyThread_get_thread_ident(void);
#endif
