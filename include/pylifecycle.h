// Starting and stopping the interpreter of a program that embeds MicroPython
// (CPython's pylifecycle.h), and the layer's heap and stack settings.
#ifndef MPCY_PYLIFECYCLE_H
#define MPCY_PYLIFECYCLE_H
void Py_Initialize(void);
void Py_InitializeEx(int initsigs);
int Py_IsInitialized(void);
int Py_FinalizeEx(void);
void Py_Finalize(void);
int Py_AtExit(void (*func)(void));
NORETURN void Py_Exit(int status);
// Program name, home and argv: MicroPython has no use for the first two.
void Py_SetProgramName(const wchar_t *name);
void Py_SetPythonHome(const wchar_t *home);
wchar_t *Py_DecodeLocale(const char *arg, size_t *size);
char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos);
void PySys_SetArgv(int argc, wchar_t **argv);
void PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath);
// Not CPython: the MicroPython heap and C stack an embedding program gives
// the interpreter, set before Py_Initialize (docs/embedding.md).
// mpcy_set_heap(NULL, n): Py_Initialize mallocs n bytes (default MPCY_HEAP_SIZE);
// mpcy_set_heap(buf, n): the heap is buf (static memory on a board).
void mpcy_set_heap(void *buf, size_t size);
// top: the highest address of the C stack the interpreter runs on (NULL:
// found by Py_Initialize where the C library can tell); limit: how many bytes
// of it MicroPython may use before RecursionError (default MPCY_STACK_LIMIT).
void mpcy_set_stack(void *top, size_t limit);
#endif
