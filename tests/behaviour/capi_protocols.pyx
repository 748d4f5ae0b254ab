"""C API: number, sequence, mapping, item and iterator protocols."""

from cpython.ref cimport PyObject

cdef extern from "Python.h":
    object PyNumber_Add(object a, object b)
    object PyNumber_Subtract(object a, object b)
    object PyNumber_Multiply(object a, object b)
    object PyNumber_TrueDivide(object a, object b)
    object PyNumber_FloorDivide(object a, object b)
    object PyNumber_Remainder(object a, object b)
    object PyNumber_Divmod(object a, object b)
    object PyNumber_Power(object a, object b, object c)
    object PyNumber_Lshift(object a, object b)
    object PyNumber_Rshift(object a, object b)
    object PyNumber_And(object a, object b)
    object PyNumber_Or(object a, object b)
    object PyNumber_Xor(object a, object b)
    object PyNumber_Negative(object o)
    object PyNumber_Positive(object o)
    object PyNumber_Absolute(object o)
    object PyNumber_Invert(object o)
    object PyNumber_InPlaceAdd(object a, object b)
    object PyNumber_InPlaceMultiply(object a, object b)
    object PyNumber_InPlaceOr(object a, object b)
    bint PyNumber_Check(object o)

    bint PySequence_Check(object o)
    Py_ssize_t PySequence_Size(object o) except -1
    object PySequence_GetItem(object o, Py_ssize_t i)
    int PySequence_SetItem(object o, Py_ssize_t i, object v) except -1
    int PySequence_DelItem(object o, Py_ssize_t i) except -1
    object PySequence_GetSlice(object o, Py_ssize_t lo, Py_ssize_t hi)
    int PySequence_SetSlice(object o, Py_ssize_t lo, Py_ssize_t hi, object v) except -1
    int PySequence_DelSlice(object o, Py_ssize_t lo, Py_ssize_t hi) except -1
    int PySequence_Contains(object o, object v) except -1
    Py_ssize_t PySequence_Index(object o, object v) except -1
    Py_ssize_t PySequence_Count(object o, object v) except -1
    object PySequence_Tuple(object o)
    object PySequence_List(object o)
    object PySequence_Fast(object o, const char *msg)
    object PySequence_Concat(object a, object b)
    object PySequence_Repeat(object o, Py_ssize_t n)
    object PySequence_InPlaceConcat(object a, object b)
    object PySequence_InPlaceRepeat(object o, Py_ssize_t n)

    bint PyMapping_Check(object o)
    Py_ssize_t PyMapping_Size(object o) except -1
    object PyMapping_Keys(object o)
    object PyMapping_Values(object o)
    object PyMapping_Items(object o)
    object PyMapping_GetItemString(object o, const char *key)
    int PyMapping_SetItemString(object o, const char *key, object v) except -1
    int PyMapping_HasKey(object o, object key)
    int PyMapping_HasKeyString(object o, const char *key)

    object PyObject_GetItem(object o, object key)
    int PyObject_SetItem(object o, object key, object v) except -1
    int PyObject_DelItem(object o, object key) except -1
    object PyObject_GetIter(object o)
    PyObject *PyIter_Next(object it) except? NULL
    bint PyIter_Check(object o)
    PyObject *PyErr_Occurred()


# ---- numbers: one function for each operator
_binops = {
    'add': lambda a, b: PyNumber_Add(a, b),
    'sub': lambda a, b: PyNumber_Subtract(a, b),
    'mul': lambda a, b: PyNumber_Multiply(a, b),
    'truediv': lambda a, b: PyNumber_TrueDivide(a, b),
    'floordiv': lambda a, b: PyNumber_FloorDivide(a, b),
    'mod': lambda a, b: PyNumber_Remainder(a, b),
    'divmod': lambda a, b: PyNumber_Divmod(a, b),
    'pow': lambda a, b: PyNumber_Power(a, b, None),
    'lshift': lambda a, b: PyNumber_Lshift(a, b),
    'rshift': lambda a, b: PyNumber_Rshift(a, b),
    'and': lambda a, b: PyNumber_And(a, b),
    'or': lambda a, b: PyNumber_Or(a, b),
    'xor': lambda a, b: PyNumber_Xor(a, b),
}

def binop(name, a, b):
    return _binops[name](a, b)

def power_mod(a, b, c):
    return PyNumber_Power(a, b, c)

def unary(o):
    return PyNumber_Negative(o), PyNumber_Positive(o), PyNumber_Absolute(o)

def invert(o):
    return PyNumber_Invert(o)

def negative(o):
    return PyNumber_Negative(o)

def inplace_add(a, b):
    r = PyNumber_InPlaceAdd(a, b)
    return r, r is a

def inplace_mul(a, b):
    r = PyNumber_InPlaceMultiply(a, b)
    return r, r is a

def inplace_or(a, b):
    r = PyNumber_InPlaceOr(a, b)
    return sorted(r), r is a

def number_check(o):
    return PyNumber_Check(o)

# ---- sequences
def seq_check(o):
    return PySequence_Check(o)

def seq_size(o):
    return PySequence_Size(o)

def seq_get(o, Py_ssize_t i):
    return PySequence_GetItem(o, i)

def seq_set(o, Py_ssize_t i, v):
    PySequence_SetItem(o, i, v)
    return o

def seq_del(o, Py_ssize_t i):
    PySequence_DelItem(o, i)
    return o

def seq_slice(o, Py_ssize_t lo, Py_ssize_t hi):
    return PySequence_GetSlice(o, lo, hi)

def seq_set_slice(o, Py_ssize_t lo, Py_ssize_t hi, v):
    PySequence_SetSlice(o, lo, hi, v)
    return o

def seq_del_slice(o, Py_ssize_t lo, Py_ssize_t hi):
    PySequence_DelSlice(o, lo, hi)
    return o

def seq_contains(o, v):
    return PySequence_Contains(o, v)

def seq_index(o, v):
    return PySequence_Index(o, v)

def seq_count(o, v):
    return PySequence_Count(o, v)

def seq_tuple(o):
    return PySequence_Tuple(o)

def seq_list(o):
    return PySequence_List(o)

def seq_fast(o):
    r = PySequence_Fast(o, "custom message: need a sequence")
    return r, type(r).__name__

def seq_concat(a, b):
    return PySequence_Concat(a, b)

def seq_repeat(o, Py_ssize_t n):
    return PySequence_Repeat(o, n)

def seq_inplace_concat(a, b):
    r = PySequence_InPlaceConcat(a, b)
    return r, r is a

def seq_inplace_repeat(o, Py_ssize_t n):
    r = PySequence_InPlaceRepeat(o, n)
    return r, r is o

# ---- mappings
def map_check(o):
    return PyMapping_Check(o)

def map_size(o):
    return PyMapping_Size(o)

def map_views(o):
    return sorted(PyMapping_Keys(o)), sorted(PyMapping_Values(o)), sorted(PyMapping_Items(o))

def map_keys(o):
    return PyMapping_Keys(o)

def map_get_string(o, bytes key):
    return PyMapping_GetItemString(o, key)

def map_set_string(o, bytes key, v):
    PyMapping_SetItemString(o, key, v)
    return o

def map_has_key(o, key):
    # errors are swallowed: 0
    r = PyMapping_HasKey(o, key)
    return r, PyErr_Occurred() is NULL

def map_has_key_string(o, bytes key):
    r = PyMapping_HasKeyString(o, key)
    return r, PyErr_Occurred() is NULL

# ---- items
def get_item(o, key):
    return PyObject_GetItem(o, key)

def set_item(o, key, v):
    PyObject_SetItem(o, key, v)
    return o

def del_item(o, key):
    PyObject_DelItem(o, key)
    return o

# ---- iterators
def iterate(o):
    # PyIter_Next returns NULL with no exception at the end
    it = PyObject_GetIter(o)
    out = []
    cdef PyObject *item
    while True:
        item = PyIter_Next(it)
        if item is NULL:
            break
        out.append(<object>item)
    return out, PyErr_Occurred() is NULL, PyIter_Check(it)

def iter_next(it):
    cdef PyObject *item = PyIter_Next(it)
    if item is NULL:
        return 'end', PyErr_Occurred() is NULL
    return <object>item

def get_iter(o):
    return PyObject_GetIter(o)

def iter_check(o):
    return PyIter_Check(o)
