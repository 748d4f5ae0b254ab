// Starting and stopping the interpreter of a program that embeds MicroPython
// (CPython's pylifecycle.h). The heap and stack settings: mpcython.h.
#ifndef MPCY_PYLIFECYCLE_H
#define MPCY_PYLIFECYCLE_H
void Py_Initialize(void);
void Py_InitializeEx(int initsigs);
int Py_IsInitialized(void);
int Py_FinalizeEx(void);
void Py_Finalize(void);
int Py_AtExit(void (*func)(void));
NORETURN void Py_Exit(int status);
// Program name and home: MicroPython has no use for them.
void Py_SetProgramName(const wchar_t *name);
void Py_SetPythonHome(const wchar_t *home);
wchar_t *Py_DecodeLocale(const char *arg, size_t *size);
char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos);
#endif
