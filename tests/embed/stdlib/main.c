/* The layer's frozen modules in an embedding program (driver/frozen.py
   freezes only those its code imports): enum, which the cpdef enum of
   colors.pyx imports, and dataclasses, which only the Python text below
   imports (a string literal of this file). */
#include "../embed_test.h"

extern PyObject *PyInit_colors(void);

int main(void) {
    return run_script("colors", PyInit_colors,
        "import colors, enum\n"
        "print(int(colors.green()), colors.Color.RED.name)\n"
        "print(enum.IntEnum('Level', ['LOW', 'HIGH']).HIGH.value)\n"
        "import dataclasses\n"
        "print(dataclasses.is_dataclass(1), dataclasses.MISSING is not None)\n");
}
