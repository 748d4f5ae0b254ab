/* PyThread locks in a program without threads (the embed port): a free lock
   is taken, a held one stays held; a timed acquire of a held lock fails at
   once; a blocking one, which CPython would never return from (no other
   thread can release the lock), fails with RuntimeError set. After release
   the lock works again. */
// MPCY-ONLY: CPython waits forever in the blocking acquire of a held lock
// EXPECT-STDOUT: acquire free: 1
// EXPECT-STDOUT: try held: 0
// EXPECT-STDOUT: timed 1 s held: 0, error set: 0
// EXPECT-STDOUT: blocking held: 0
// EXPECT-STDOUT: RuntimeError: PyThread_acquire_lock: the lock is held and this MicroPython has no threads to release it (the wait would never end)
// EXPECT-STDOUT: after release: 1
// EXPECT-STDOUT: ident stable: 1
// EXPECT-STDOUT: interpreter works: 6
#include <Python.h>
#include <stdio.h>

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    Py_Initialize();
    PyThread_type_lock l = PyThread_allocate_lock();
    printf("acquire free: %d\n", PyThread_acquire_lock(l, WAIT_LOCK));
    printf("try held: %d\n", PyThread_acquire_lock(l, NOWAIT_LOCK));
    int r = PyThread_acquire_lock_timed(l, 1000000, 0);
    printf("timed 1 s held: %d, error set: %d\n", r, PyErr_Occurred() != NULL);
    printf("blocking held: %d\n", PyThread_acquire_lock(l, WAIT_LOCK));
    if (PyErr_Occurred()) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *s = PyObject_Str(exc);
        printf("%s: %s\n", Py_TYPE(exc) == (PyTypeObject *)PyExc_RuntimeError ? "RuntimeError" : "?",
            PyUnicode_AsUTF8(s));
    }
    PyThread_release_lock(l);
    printf("after release: %d\n", PyThread_acquire_lock(l, NOWAIT_LOCK));
    PyThread_release_lock(l);
    PyThread_free_lock(l);
    printf("ident stable: %d\n", PyThread_get_thread_ident() == PyThread_get_thread_ident());
    PyRun_SimpleString("print('interpreter works:', sum([1, 2, 3]))");
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
