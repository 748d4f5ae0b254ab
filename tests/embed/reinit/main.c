/* Py_Initialize / import / Py_FinalizeEx three times with the same Cython
   module: each interpreter initialises it afresh (its module state lives
   on the old heap, which Py_FinalizeEx frees, running __dealloc__). CPython
   keeps the first module object in its static state and does not run the
   module's code again (it prints None for GREETING in later rounds), so this
   test has no CPython run. */
// MPCY-ONLY: CPython does not re-initialise a single-phase Cython module
// EXPECT-STDOUT: round 0: hello 6 6
// EXPECT-STDOUT: Counter 6 collected
// EXPECT-STDOUT: round 1: hello 11 11
// EXPECT-STDOUT: Counter 11 collected
// EXPECT-STDOUT: round 2: hello 16 16
// EXPECT-STDOUT: Counter 16 collected
#include <Python.h>
#include <stdio.h>
#include "counter.h"

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    PyImport_AppendInittab("counter", PyInit_counter);
    for (int round = 0; round < 3; round++) {
        Py_Initialize();
        PyObject *m = PyImport_ImportModule("counter");
        if (m == NULL) {
            PyErr_Print();
            return 1;
        }
        PyObject *c = PyObject_CallMethod(m, "make", "i", round * 5 + 5);
        PyObject *n = PyObject_CallMethod(c, "bump", NULL);
        PyObject *g = PyObject_GetAttrString(m, "GREETING");
        printf("round %d: %s %ld %d\n", round, PyUnicode_AsUTF8(g), PyLong_AsLong(n), counter_value(c));
        Py_FinalizeEx();
    }
    return 0;
}
