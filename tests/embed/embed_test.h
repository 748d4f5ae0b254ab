/* What several embedding programs share (both builds compile it: CPython's
   and mpcython's). */
#include <Python.h>
#include <stdio.h>

/* main() of a program that runs SCRIPT with the C extension module NAME in
   the inittab: 0, or 1 if the script raised, 120 if finalizing failed. */
static inline int run_script(const char *name, PyObject *(*init)(void), const char *script) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (PyImport_AppendInittab(name, init) < 0) {
        return 1;
    }
    Py_Initialize();
    int rc = PyRun_SimpleString(script);
    if (Py_FinalizeEx() < 0) {
        return 120;
    }
    return rc == 0 ? 0 : 1;
}

/* Prints LABEL and FMT(O) (PyObject_Str or PyObject_Repr), or for NULL
   "NULL" and the error indicator's traceback. */
static inline void show_as(const char *label, PyObject *o, PyObject *(*fmt)(PyObject *)) {
    if (o == NULL) {
        printf("%s: NULL\n", label);
        PyErr_Print();
        return;
    }
    PyObject *r = fmt(o);
    printf("%s: %s\n", label, r ? PyUnicode_AsUTF8(r) : "<failed>");
}
