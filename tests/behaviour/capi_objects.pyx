"""C API: the object protocol (attributes, comparison, hash, truth, repr/str),
calls, and weak references (which MicroPython has none of)."""

from cpython.ref cimport PyObject
from cpython.weakref cimport (PyWeakref_NewRef, PyWeakref_NewProxy, PyWeakref_GetObject,
                              PyWeakref_Check, PyWeakref_CheckRef, PyWeakref_CheckProxy)

cdef extern from "Python.h":
    object PyObject_GetAttr(object o, object name)
    object PyObject_GetAttrString(object o, const char *name)
    int PyObject_SetAttr(object o, object name, object v) except -1
    int PyObject_SetAttrString(object o, const char *name, object v) except -1
    int PyObject_DelAttr(object o, object name) except -1
    int PyObject_DelAttrString(object o, const char *name) except -1
    int PyObject_HasAttr(object o, object name)
    int PyObject_HasAttrString(object o, const char *name)
    object PyObject_RichCompare(object a, object b, int op)
    int PyObject_RichCompareBool(object a, object b, int op) except -1
    Py_hash_t PyObject_Hash(object o) except? -1
    int PyObject_IsTrue(object o) except -1
    int PyObject_Not(object o) except -1
    object PyObject_Repr(object o)
    object PyObject_Str(object o)
    object PyObject_Bytes(object o)
    object PyObject_Format(object o, object spec)
    object PyObject_Type(object o)
    int PyObject_IsInstance(object o, object cls) except -1
    int PyObject_IsSubclass(object o, object cls) except -1
    int PyCallable_Check(object o)
    Py_ssize_t PyObject_Size(object o) except -1
    object PyObject_Call(object f, object args, PyObject *kwargs)
    object PyObject_CallObject(object f, PyObject *args)
    object PyObject_CallNoArgs(object f)
    object PyObject_CallOneArg(object f, object arg)
    object PyObject_CallFunctionObjArgs(object f, ...)
    object PyObject_CallMethodObjArgs(object o, object name, ...)
    object PyObject_CallFunction(object f, const char *fmt, ...)
    object PyObject_CallMethod(object o, const char *name, const char *fmt, ...)
    object PyObject_Vectorcall(object f, PyObject **args, size_t nargsf, PyObject *kwnames)
    object PyObject_VectorcallDict(object f, PyObject **args, size_t nargsf, PyObject *kwdict)
    object PyObject_VectorcallMethod(object name, PyObject **args, size_t nargsf, PyObject *kwnames)
    size_t PY_VECTORCALL_ARGUMENTS_OFFSET
    int Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE
    int Py_ReprEnter(object o) except -1
    void Py_ReprLeave(object o)


# ---- attributes
def getattr_string(o, bytes name):
    return PyObject_GetAttrString(o, name)

def getattr_obj(o, name):
    return PyObject_GetAttr(o, name)

def setattr_string(o, bytes name, v):
    PyObject_SetAttrString(o, name, v)
    return getattr(o, name.decode())

def setattr_obj(o, name, v):
    PyObject_SetAttr(o, name, v)
    return getattr(o, name)

def delattr_string(o, bytes name):
    PyObject_DelAttrString(o, name)
    return hasattr(o, name.decode())

def delattr_obj(o, name):
    PyObject_DelAttr(o, name)
    return hasattr(o, name)

def hasattr_both(o, name):
    return PyObject_HasAttr(o, name), PyObject_HasAttrString(o, name.encode())

# ---- comparison, hash, truth, text
def rich_compare_all(a, b):
    return [PyObject_RichCompare(a, b, op) for op in (Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE)]

def rich_compare(a, b, int op):
    return PyObject_RichCompare(a, b, op)

def rich_compare_bool(a, b, int op):
    return PyObject_RichCompareBool(a, b, op)

def same_object_eq(a):
    # identity implies equality for RichCompareBool (even for nan)
    return PyObject_RichCompareBool(a, a, Py_EQ), PyObject_RichCompareBool(a, a, Py_NE)

def hash_of(o):
    return PyObject_Hash(o)

def hash_consistent(o):
    return PyObject_Hash(o) == hash(o)

def is_true(o):
    return PyObject_IsTrue(o), PyObject_Not(o)

def repr_str(o):
    return PyObject_Repr(o), PyObject_Str(o)

def repr_of(o):
    return PyObject_Repr(o)


cdef class Node:
    """A container whose repr guards against reaching itself again
    (Py_ReprEnter / Py_ReprLeave, as CPython's list repr)."""
    cdef public list items

    def __init__(self, *items):
        self.items = list(items)

    def __repr__(self):
        if Py_ReprEnter(self):
            return "Node(...)"
        try:
            return "Node(%s)" % ", ".join([repr(x) for x in self.items])
        finally:
            Py_ReprLeave(self)

def str_of(o):
    return PyObject_Str(o)

def bytes_of(o):
    return PyObject_Bytes(o)

def format_of(o, spec):
    return PyObject_Format(o, spec)

def type_of(o):
    return PyObject_Type(o).__name__

def isinstance_(o, cls):
    return PyObject_IsInstance(o, cls)

def issubclass_(o, cls):
    return PyObject_IsSubclass(o, cls)

def callable_(o):
    return PyCallable_Check(o)

def size_of(o):
    return PyObject_Size(o)

# ---- calls
def call(f, tuple args, dict kwargs):
    return PyObject_Call(f, args, <PyObject *>kwargs if kwargs is not None else NULL)

def call_object(f, args):
    return PyObject_CallObject(f, <PyObject *>args if args is not None else NULL)

def call_no_args(f):
    return PyObject_CallNoArgs(f)

def call_one_arg(f, a):
    return PyObject_CallOneArg(f, a)

def call_obj_args(f, a, b):
    return PyObject_CallFunctionObjArgs(f, <PyObject *>a, <PyObject *>b, <PyObject *>NULL), PyObject_CallFunctionObjArgs(f, <PyObject *>NULL)

def call_method_obj_args(o, name, a):
    return PyObject_CallMethodObjArgs(o, name, <PyObject *>a, <PyObject *>NULL)

def call_function(f):
    lst = [4]
    return [
        PyObject_CallFunction(f, NULL),
        PyObject_CallFunction(f, "i", <int>7),
        PyObject_CallFunction(f, "(is)", <int>1, b"two"),
        PyObject_CallFunction(f, "iO", <int>3, <PyObject *>lst),
    ]

def call_function_tuple_arg(f, tuple t):
    # a single "O" that is a tuple is the whole argument tuple
    return PyObject_CallFunction(f, "O", <PyObject *>t)

def call_method(o, bytes name, int x):
    return PyObject_CallMethod(o, name, "i", x)

def call_method_noargs(o, bytes name):
    return PyObject_CallMethod(o, name, NULL)

def vectorcall(f, tuple args, tuple kwnames, bint offset):
    # positional arguments then the keyword values, in one array
    cdef PyObject *arr[9]
    cdef Py_ssize_t i, n = len(args)
    cdef Py_ssize_t nkw = len(kwnames) if kwnames is not None else 0
    assert n < 9
    arr[0] = NULL
    for i in range(n):
        arr[1 + i] = <PyObject *>args[i]
    if offset:
        return PyObject_Vectorcall(f, arr + 1, (n - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                   <PyObject *>kwnames if kwnames is not None else NULL)
    return PyObject_Vectorcall(f, arr + 1, n - nkw, <PyObject *>kwnames if kwnames is not None else NULL)

def vectorcall_dict(f, tuple args, dict kw):
    cdef PyObject *arr[8]
    cdef Py_ssize_t i
    for i in range(len(args)):
        arr[i] = <PyObject *>args[i]
    return PyObject_VectorcallDict(f, arr, len(args), <PyObject *>kw if kw is not None else NULL)

def vectorcall_method(name, o, tuple args, tuple kwnames):
    # args[0] is self
    cdef PyObject *arr[8]
    cdef Py_ssize_t i
    arr[0] = <PyObject *>o
    for i in range(len(args)):
        arr[1 + i] = <PyObject *>args[i]
    cdef Py_ssize_t nkw = len(kwnames) if kwnames is not None else 0
    return PyObject_VectorcallMethod(name, arr, 1 + len(args) - nkw, <PyObject *>kwnames if kwnames is not None else NULL)


# ---- weak references: objects CPython cannot weakly reference either
def weak_ref(o):
    return PyWeakref_NewRef(o, None)

def weak_proxy(o):
    return PyWeakref_NewProxy(o, None)

def weak_checks(o):
    return PyWeakref_Check(o), PyWeakref_CheckRef(o), PyWeakref_CheckProxy(o)

def weak_object(o):
    return <object>PyWeakref_GetObject(o)


# ---- a METH_METHOD method of a type made from a spec: its descriptor passes
# the type that defines it, also for an object of a subtype
cdef extern from *:
    """
    static PyObject *capi_objects_defining(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                                           size_t nargsf, PyObject *kwnames) {
        Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
        return Py_BuildValue("(OOnn)", self, (PyObject *)cls, PyVectorcall_NARGS(nargsf), nkw);
    }
    static PyMethodDef capi_objects_methods[] = {
        {"defining", (PyCFunction)(void (*)(void))capi_objects_defining, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
        {NULL, NULL, 0, NULL}};
    static PyType_Slot capi_objects_slots[] = {{Py_tp_methods, capi_objects_methods}, {0, NULL}};
    static PyType_Slot capi_objects_sub_slots[] = {{0, NULL}};
    static PyType_Spec capi_objects_spec = {
        "capi_objects.Defining", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, capi_objects_slots};
    static PyType_Spec capi_objects_sub_spec = {
        "capi_objects.SubDefining", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, capi_objects_sub_slots};
    static PyObject *capi_objects_defining_type(PyObject *base) {
        return base == Py_None ? PyType_FromSpec(&capi_objects_spec)
                               : PyType_FromSpecWithBases(&capi_objects_sub_spec, base);
    }
    """
    object capi_objects_defining_type(object base)

def defining_type(base=None):
    """A type from a spec whose method `defining` is METH_METHOD; with BASE
    (such a type), a type from a spec deriving from it."""
    return capi_objects_defining_type(base)
