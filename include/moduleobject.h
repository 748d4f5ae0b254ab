// Modules: a MicroPython module object followed by the CPython module state.
#ifndef MPCY_MODULEOBJECT_H
#define MPCY_MODULEOBJECT_H
struct PyModuleDef;
typedef struct PyModuleDef_Base {
    mp_obj_base_t ob_base;
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy; // the module created from this def (also a GC root)
} PyModuleDef_Base;
#define PyModuleDef_HEAD_INIT { { NULL }, NULL, 0, NULL }
typedef struct PyModuleDef_Slot {
    int slot;
    void *value;
} PyModuleDef_Slot;
#define Py_mod_create 1
#define Py_mod_exec 2
#define Py_mod_multiple_interpreters 3
#define Py_mod_gil 4
#define Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED ((void *)0)
#define Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED ((void *)1)
#define Py_MOD_PER_INTERPRETER_GIL_SUPPORTED ((void *)2)
#define Py_MOD_GIL_USED ((void *)0)
#define Py_MOD_GIL_NOT_USED ((void *)1)
typedef struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    const PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} PyModuleDef;

#define PyModule_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_module)
#define PyModule_CheckExact(o) PyModule_Check(o)
PyObject *PyModule_NewObject(PyObject *name);
PyObject *PyModule_New(const char *name);
PyObject *PyModule_Create2(PyModuleDef *def, int apiver);
#define PyModule_Create(def) PyModule_Create2((def), 1013)
#define PYTHON_API_VERSION 1013
#define PYTHON_ABI_VERSION 3
PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int apiver);
#define PyModule_FromDefAndSpec(def, spec) PyModule_FromDefAndSpec2((def), (spec), 1013)
int PyModule_ExecDef(PyObject *module, PyModuleDef *def);
PyObject *PyModuleDef_Init(PyModuleDef *def);
PyObject *PyModule_GetDict(PyObject *m);
PyObject *PyModule_GetNameObject(PyObject *m);
const char *PyModule_GetName(PyObject *m);
PyObject *PyModule_GetFilenameObject(PyObject *m);
PyModuleDef *PyModule_GetDef(PyObject *m);
// Cython reads its module state on every access to a module global: the
// module asked for last answers without a search (runtime/moduleobject.c).
extern mpcy_module_t *mpcy_module_last;
void *mpcy_module_state(PyObject *m);
static inline void *PyModule_GetState(PyObject *m) {
    mpcy_module_t *last = mpcy_module_last;
    return (PyObject *)last == m ? last->state : mpcy_module_state(m);
}
int PyModule_AddObjectRef(PyObject *m, const char *name, PyObject *v);
int PyModule_AddObject(PyObject *m, const char *name, PyObject *v);
int PyModule_Add(PyObject *m, const char *name, PyObject *v);
int PyModule_AddIntConstant(PyObject *m, const char *name, long v);
int PyModule_AddStringConstant(PyObject *m, const char *name, const char *v);
int PyModule_AddType(PyObject *m, PyTypeObject *t);
int PyModule_AddFunctions(PyObject *m, const PyMethodDef *functions);
int PyModule_SetDocString(PyObject *m, const char *doc);
static inline PyObject *PyState_FindModule(PyModuleDef *def) {
    return def->m_base.m_copy;
}
int PyState_AddModule(PyObject *module, PyModuleDef *def);
int PyState_RemoveModule(PyModuleDef *def);
#endif
