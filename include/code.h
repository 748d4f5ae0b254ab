// Code objects: the layer's own type (runtime/pythonrun.c).
#ifndef MPCY_CODE_H
#define MPCY_CODE_H
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
#define PyCode_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mpcy_type_code)
int PyCode_GetNumFree(PyCodeObject *co);
PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno);
#endif
