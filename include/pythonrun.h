// Compiling and running source; code objects are the layer's own type.
#ifndef MPCY_PYTHONRUN_H
#define MPCY_PYTHONRUN_H
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345
typedef struct _mpcy_code_t PyCodeObject;
// Code flags (CPython's values); defined so Cython need not import inspect.
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
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
#define PyCode_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mpcy_type_code)
int PyCode_GetNumFree(PyCodeObject *co);
PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno);
#endif
