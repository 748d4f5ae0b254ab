// Compiling and running source.
#ifndef MPCY_PYTHONRUN_H
#define MPCY_PYTHONRUN_H
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345
PyObject *Py_CompileString(const char *str, const char *filename, int start);
PyObject *Py_CompileStringExFlags(const char *str, const char *filename, int start, void *flags, int optimize);
int PyRun_SimpleString(const char *command);
PyObject *PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals);
// Compiler flags (future features, optimisation) mean nothing to MicroPython.
typedef struct {
    int cf_flags;
    int cf_feature_version;
} PyCompilerFlags;
#define PyRun_SimpleStringFlags(command, flags) ((void)(flags), PyRun_SimpleString(command))
#define PyRun_StringFlags(str, start, globals, locals, flags) ((void)(flags), PyRun_String((str), (start), (globals), (locals)))
#define Py_CompileStringFlags(str, filename, start, flags) ((void)(flags), Py_CompileString((str), (filename), (start)))
#endif
