/* The standard modules of an embedding program, frozen into it because its
   code imports them (driver/frozen.py):
   - the layer's: enum, which the cpdef enum of colors.pyx imports, and
     dataclasses, which only the Python text below imports (a string literal
     of this file);
   - MicroPython's asyncio: Cython coroutines (ticker.pyx) run by
     asyncio.run from C, awaiting the interpreter's own coroutine and
     asyncio's sleep, tasks, gather and wait_for (a timeout: the library's
     tick source). */
#include "../embed_test.h"

extern PyObject *PyInit_colors(void);
extern PyObject *PyInit_ticker(void);

int main(void) {
    if (PyImport_AppendInittab("ticker", PyInit_ticker) < 0) {
        return 1;
    }
    return run_script("colors", PyInit_colors,
        "import colors, enum\n"
        "print(int(colors.green()), colors.Color.RED.name)\n"
        "print(enum.IntEnum('Level', ['LOW', 'HIGH']).HIGH.value)\n"
        "import dataclasses\n"
        "print(dataclasses.is_dataclass(1), dataclasses.MISSING is not None)\n"
        "import asyncio, ticker\n"
        "async def twice(x):\n"
        "    await asyncio.sleep(0)\n"
        "    return 2 * x\n"
        "print(asyncio.run(ticker.count(3, twice)))\n");
}
