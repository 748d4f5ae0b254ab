/* Cython's generated shapes.h (cdef public) and shapes_api.h (cdef api,
   import_shapes()) used from a C program; errors come back as CPython's
   error indicator. */
// EXPECT-STDERR: ValueError: negative size: -1.0 x 2.0
// EXPECT-STDERR: RuntimeError: unlucky
#include <Python.h>
#include <stdio.h>
#include "shapes.h"
#include "shapes_api.h"

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (PyImport_AppendInittab("shapes", PyInit_shapes) < 0) {
        return 1;
    }
    Py_Initialize();
    PyObject *m = PyImport_ImportModule("shapes");
    if (m == NULL) {
        PyErr_Print();
        return 1;
    }
    printf("area: %g\n", area(3, 4));
    double r = area(-1, 2);
    printf("area error: %g %d\n", r, PyErr_Occurred() != NULL);
    PyErr_Print();
    printf("scale: %g\n", scale);
    PyObject_CallMethod(m, "set_scale", "d", 0.5);
    printf("scale after set_scale: %g area: %g\n", scale, area(3, 4));
    struct Point p = { 1.5, -2 };
    PyObject *d = describe(p);
    printf("describe: %s\n", PyUnicode_AsUTF8(d));

    if (import_shapes() < 0) {
        PyErr_Print();
        return 1;
    }
    printf("api_add: %d\n", api_add(2, 40));
    int e = api_add(13, 1);
    printf("api_add error: %d %d\n", e, PyErr_Occurred() != NULL);
    PyErr_Print();
    PyObject *u = api_upper(PyUnicode_FromString("shout"));
    printf("api_upper: %s\n", PyUnicode_AsUTF8(u));
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
