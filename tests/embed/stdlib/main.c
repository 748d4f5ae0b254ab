/* The layer's frozen modules in an embedding program (driver/frozen.py
   freezes only those its code imports): enum, which the cpdef enum of
   colors.pyx imports, and dataclasses, which only the Python text below
   imports (a string literal of this file). */
#include <Python.h>
#include <stdio.h>

extern PyObject *PyInit_colors(void);

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (PyImport_AppendInittab("colors", PyInit_colors) < 0) {
        return 1;
    }
    Py_Initialize();
    int rc = PyRun_SimpleString(
        "import colors, enum\n"
        "print(int(colors.green()), colors.Color.RED.name)\n"
        "print(enum.IntEnum('Level', ['LOW', 'HIGH']).HIGH.value)\n"
        "import dataclasses\n"
        "print(dataclasses.is_dataclass(1), dataclasses.MISSING is not None)\n");
    if (Py_FinalizeEx() < 0) {
        return 120;
    }
    return rc == 0 ? 0 : 1;
}
