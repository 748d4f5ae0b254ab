/* Calling functions of a Python module frozen into the program (--freeze)
   from C with PyObject_Call*; a Python exception raised in it is printed
   with its traceback by PyErr_Print. */
// EMBED-ARGS: --freeze greet.py
// EXPECT-STDERR: ValueError: n is 3
#include "../embed_test.h"

static void show(const char *label, PyObject *o) {
    show_as(label, o, PyObject_Str);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    Py_Initialize();
    PyObject *m = PyImport_ImportModule("greet");
    if (m == NULL) {
        PyErr_Print();
        return 1;
    }
    PyObject *greet = PyObject_GetAttrString(m, "greet");
    show("CallFunction", PyObject_CallFunction(greet, "s", "world"));
    show("CallFunction 2", PyObject_CallFunction(greet, "ss", "C", "?"));
    PyObject *kw = Py_BuildValue("{s:s}", "punct", "...");
    show("Call kw", PyObject_Call(greet, Py_BuildValue("(s)", "kw"), kw));
    show("calls", PyObject_GetAttrString(m, "calls"));
    show("fail", PyObject_CallMethod(m, "fail", "i", 0));
    PyObject *acc = PyObject_CallMethod(m, "Accumulator", NULL);
    show("add", PyObject_CallMethod(acc, "add", "iii", 1, 2, 3));
    show("add again", PyObject_CallMethod(acc, "add", "(d)", 0.5));
    printf("SimpleString import: %d\n", PyRun_SimpleString("import greet\nprint(greet.greet('again'), len(greet.calls))"));
    Py_FinalizeEx();
    return 0;
}
