"""C API: import, module objects and sys (PyImport_*, PyModule_*, PySys_GetObject)."""

from cpython.ref cimport PyObject

cdef extern from "Python.h":
    object PyImport_ImportModule(const char *name)
    object PyImport_Import(object name)
    object PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level)
    PyObject *PyImport_AddModule(const char *name) except NULL
    object PyModule_New(const char *name)
    object PyModule_NewObject(object name)
    PyObject *PyModule_GetDict(object m) except NULL
    object PyModule_GetNameObject(object m)
    const char *PyModule_GetName(object m) except NULL
    object PyModule_GetFilenameObject(object m)
    int PyModule_AddObjectRef(object m, const char *name, PyObject *v) except -1
    int PyModule_AddIntConstant(object m, const char *name, long v) except -1
    int PyModule_AddStringConstant(object m, const char *name, const char *v) except -1
    int PyModule_SetDocString(object m, const char *doc) except -1
    bint PyModule_Check(object o)
    PyObject *PySys_GetObject(const char *name)
    PyObject *PyEval_GetBuiltins() except NULL
    PyObject *PyErr_Occurred()

module_constant = 'here'


def import_module(bytes name):
    m = PyImport_ImportModule(name)
    return m.__name__

def import_obj(name):
    return PyImport_Import(name).__name__

def import_level(bytes name, fromlist):
    m = PyImport_ImportModuleLevel(name, NULL, NULL, <PyObject *>fromlist if fromlist is not None else NULL, 0)
    return m.__name__

def import_and_use():
    m = PyImport_ImportModule(b"math")
    return m.sqrt(16.0), m.floor(2.5)

def add_module_main():
    m = <object>PyImport_AddModule(b"__main__")
    return PyModule_Check(m), m.__name__

def new_module(bytes name):
    m = PyModule_New(name)
    d = <object>PyModule_GetDict(m)
    PyModule_AddIntConstant(m, b"answer", 42)
    PyModule_AddStringConstant(m, b"text", b"caf\xc3\xa9")
    cdef object obj = [1, 2]
    PyModule_AddObjectRef(m, b"obj", <PyObject *>obj)
    PyModule_SetDocString(m, b"A module made in C.")
    return (m.__name__, PyModule_GetName(m), PyModule_GetNameObject(m), m.answer, m.obj,
            m.__doc__, d['answer'], sorted(k for k in d if not k.startswith('__')), PyModule_Check(m))

def new_module_object(name):
    return PyModule_NewObject(name).__name__

def module_text(bytes name):
    return PyModule_New(name).text

def add_null():
    m = PyModule_New(b"m")
    # NULL value and no error set: SystemError
    PyModule_AddObjectRef(m, b"x", NULL)

def get_dict(o):
    d = <object>PyModule_GetDict(o)
    return type(d).__name__, d['__name__']

def get_name(o):
    return PyModule_GetName(o)

def get_name_object(o):
    return PyModule_GetNameObject(o)

def filename(o):
    return PyModule_GetFilenameObject(o)

def filename_of_new():
    # a module made by PyModule_New has no __file__
    return PyModule_GetFilenameObject(PyModule_New(b"nofile"))

def own_module():
    import capi_modules as me
    d = <object>PyModule_GetDict(me)
    return d['module_constant'], d['__name__'], PyModule_GetName(me)

def sys_get(bytes name):
    cdef PyObject *r = PySys_GetObject(name)
    if r is NULL:
        return 'NULL', PyErr_Occurred() is NULL
    return <object>r

def builtins_dict():
    d = <object>PyEval_GetBuiltins()
    return type(d).__name__, d['len']('abc'), 'print' in d
