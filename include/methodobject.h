// Built-in functions described by PyMethodDef.
#ifndef MPCY_METHODOBJECT_H
#define MPCY_METHODOBJECT_H
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *, size_t, PyObject *);
typedef PyCFunctionFast _PyCFunctionFast;
typedef PyCFunctionFastWithKeywords _PyCFunctionFastWithKeywords;

typedef struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
} PyMethodDef;

#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_METHOD 0x0200

typedef struct {
    mp_obj_base_t base;
    const PyMethodDef *m_ml;
    PyObject *m_self;
    PyObject *m_module;
    PyTypeObject *m_class; // a METH_METHOD function's defining class (PyCMethod_New)
} PyCFunctionObject;
typedef PyCFunctionObject PyCMethodObject;

PyObject *PyCFunction_NewEx(const PyMethodDef *ml, PyObject *self, PyObject *module);
PyObject *PyCMethod_New(const PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls);
#define PyCFunction_New(ml, self) PyCFunction_NewEx((ml), (self), NULL)
PyCFunction PyCFunction_GetFunction(PyObject *f);
PyObject *PyCFunction_GetSelf(PyObject *f);
int PyCFunction_GetFlags(PyObject *f);
// CPython's builtin functions and methods: the layer's, MicroPython's own
// built-in functions and methods of built-in objects (`[].append`).
int PyCFunction_Check(PyObject *o);
#define PyCFunction_CheckExact(o) PyCFunction_Check(o)
#define PyCFunction_GET_FUNCTION(f) PyCFunction_GetFunction(f)
#define PyCFunction_GET_SELF(f) PyCFunction_GetSelf(f)
#define PyCFunction_GET_FLAGS(f) PyCFunction_GetFlags(f)
PyObject *PyCFunction_Call(PyObject *f, PyObject *args, PyObject *kw);
#endif
