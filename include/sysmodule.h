#ifndef MPCY_SYSMODULE_H
#define MPCY_SYSMODULE_H
PyObject *PySys_GetObject(const char *name);
int PySys_SetObject(const char *name, PyObject *v);
void PySys_WriteStdout(const char *format, ...);
void PySys_WriteStderr(const char *format, ...);
void PySys_FormatStdout(const char *format, ...);
void PySys_FormatStderr(const char *format, ...);
void PySys_SetArgv(int argc, wchar_t **argv);
void PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath);
#endif
