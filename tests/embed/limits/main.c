/* The heap and the stack limit an embedding program gives MicroPython:
   the driver's defaults (--heap, --stack-limit), then mpcy_set_heap() with
   a static buffer and mpcy_set_stack() before a second Py_Initialize.
   MemoryError and RecursionError (a RuntimeError) come back as Python
   exceptions. Sizes are MicroPython's, hence no CPython run. */
// MPCY-ONLY: heap and stack sizes are the layer's settings
// EMBED-ARGS: --heap 256K --stack-limit 48K
// EXPECT-STDOUT: heap ok: True
// EXPECT-STDOUT: MemoryError
// EXPECT-STDOUT: recursion stopped: True
// EXPECT-STDOUT: depth within limit: True
// EXPECT-STDOUT: static heap ok: True
// EXPECT-STDOUT: MemoryError
// EXPECT-STDOUT: deeper with a bigger limit: True
// EXPECT-STDOUT: done
#include <Python.h>
#include <stdio.h>

static char heap2[96 * 1024];

static const char *probe =
    "import gc\n"
    "def depth():\n"
    "    n = 0\n"
    "    def f():\n"
    "        nonlocal n\n"
    "        n += 1\n"
    "        f()\n"
    "    try:\n"
    "        f()\n"
    "    except RuntimeError:\n"
    "        return n\n"
    "    return -1\n"
    "def big():\n"
    "    try:\n"
    "        return len(bytearray(%d))\n"
    "    except MemoryError:\n"
    "        print('MemoryError')\n";

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char code[1024];
    Py_Initialize();
    snprintf(code, sizeof(code), probe, 300 * 1024);
    PyRun_SimpleString(code);
    PyRun_SimpleString("total = gc.mem_free() + gc.mem_alloc()\nprint('heap ok:', 200 * 1024 < total <= 256 * 1024)");
    PyRun_SimpleString("big()");
    PyRun_SimpleString("d1 = depth()\nprint('recursion stopped:', d1 > 10)");
    PyObject *d1 = PyDict_GetItemString(PyModule_GetDict(PyImport_AddModule("__main__")), "d1");
    long depth1 = PyLong_AsLong(d1);
    PyRun_SimpleString("print('depth within limit:', d1 < 2000)");
    Py_FinalizeEx();

    mpcy_set_heap(heap2, sizeof(heap2));
    mpcy_set_stack(NULL, 4 * 48 * 1024);
    Py_Initialize();
    snprintf(code, sizeof(code), probe, 100 * 1024);
    PyRun_SimpleString(code);
    PyRun_SimpleString("total = gc.mem_free() + gc.mem_alloc()\nprint('static heap ok:', 64 * 1024 < total <= 96 * 1024)");
    PyRun_SimpleString("big()");
    PyRun_SimpleString("d2 = depth()");
    long depth2 = PyLong_AsLong(PyDict_GetItemString(PyModule_GetDict(PyImport_AddModule("__main__")), "d2"));
    printf("deeper with a bigger limit: %s\n", depth2 > 2 * depth1 ? "True" : "False");
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
