/* asyncio in an embedding program: Cython coroutines (ticker.pyx) run by
   asyncio.run from C, awaiting the interpreter's own coroutine and
   asyncio's sleep, tasks, gather and wait_for (a timeout: the library's
   tick source). */
#include <Python.h>
#include <stdio.h>

extern PyObject *PyInit_ticker(void);

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (PyImport_AppendInittab("ticker", PyInit_ticker) < 0) {
        return 1;
    }
    Py_Initialize();
    int rc = PyRun_SimpleString(
        "import asyncio, ticker\n"
        "async def twice(x):\n"
        "    await asyncio.sleep(0)\n"
        "    return 2 * x\n"
        "print(asyncio.run(ticker.count(3, twice)))\n");
    if (Py_FinalizeEx() < 0) {
        return 120;
    }
    return rc == 0 ? 0 : 1;
}
