// A C++ program embedding the interpreter with a C++ Cython module
// (cppcount.pyx): C++ on both sides of the C API, a C++ exception turned
// into a Python one by `except +`, and one caught again in the program.
#include <Python.h>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" PyObject *PyInit_cppcount(void);

int main() {
    if (PyImport_AppendInittab("cppcount", PyInit_cppcount) < 0) {
        return 1;
    }
    Py_Initialize();
    std::vector<std::string> lines = {
        "import cppcount",
        "print(cppcount.count([b'x', b'y', b'x']))",
        "try:\n    cppcount.nth([1, 2], 7)\nexcept IndexError as e:\n    print('IndexError')",
    };
    int rc = 0;
    for (const std::string &l : lines) {
        rc |= PyRun_SimpleString(l.c_str());
    }
    try {
        throw std::runtime_error("the program's own exception");
    } catch (const std::exception &e) {
        std::printf("caught in C++: %s\n", e.what());
    }
    std::fflush(stdout);
    if (Py_FinalizeEx() < 0) {
        return 120;
    }
    return rc;
}
