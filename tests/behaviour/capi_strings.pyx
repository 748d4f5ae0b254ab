"""C API: str (PyUnicode_*) creation, formatting, decoding, encoding, comparison."""

from cpython.ref cimport PyObject

cdef extern from "Python.h":
    object PyUnicode_FromString(const char *s)
    object PyUnicode_FromStringAndSize(const char *s, Py_ssize_t n)
    object PyUnicode_FromFormat(const char *fmt, ...)
    object PyUnicode_InternFromString(const char *s)
    object PyUnicode_FromOrdinal(int ch)
    object PyUnicode_Decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors)
    object PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *errors)
    object PyUnicode_DecodeASCII(const char *s, Py_ssize_t n, const char *errors)
    object PyUnicode_DecodeLatin1(const char *s, Py_ssize_t n, const char *errors)
    object PyUnicode_FromEncodedObject(object o, const char *encoding, const char *errors)
    object PyUnicode_AsUTF8String(object u)
    object PyUnicode_AsASCIIString(object u)
    object PyUnicode_AsLatin1String(object u)
    object PyUnicode_AsEncodedString(object u, const char *encoding, const char *errors)
    const char *PyUnicode_AsUTF8(object u) except NULL
    const char *PyUnicode_AsUTF8AndSize(object u, Py_ssize_t *size) except NULL
    Py_ssize_t PyUnicode_GetLength(object u) except -1
    Py_UCS4 PyUnicode_ReadChar(object u, Py_ssize_t i) except? <Py_UCS4>-1
    object PyUnicode_Substring(object u, Py_ssize_t start, Py_ssize_t end)
    object PyUnicode_Concat(object a, object b)
    object PyUnicode_Join(object sep, object seq)
    object PyUnicode_Split(object s, PyObject *sep, Py_ssize_t maxsplit)
    object PyUnicode_Replace(object s, object old, object new, Py_ssize_t maxcount)
    Py_ssize_t PyUnicode_Find(object s, object sub, Py_ssize_t start, Py_ssize_t end, int direction) except -2
    Py_ssize_t PyUnicode_FindChar(object s, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2
    Py_ssize_t PyUnicode_Count(object s, object sub, Py_ssize_t start, Py_ssize_t end) except -1
    Py_ssize_t PyUnicode_Tailmatch(object s, object sub, Py_ssize_t start, Py_ssize_t end, int direction) except -1
    int PyUnicode_Contains(object container, object element) except -1
    int PyUnicode_Compare(object a, object b) except? -1
    int PyUnicode_CompareWithASCIIString(object a, const char *b)
    object PyUnicode_RichCompare(object a, object b, int op)
    object PyUnicode_Format(object fmt, object args)
    object PyUnicode_Splitlines(object s, int keepends)
    int PyUnicode_IsIdentifier(object s) except -1
    bint PyUnicode_Check(object o)
    bint PyUnicode_CheckExact(object o)
    PyObject *PyErr_Occurred()

from libc.limits cimport INT_MIN, INT_MAX, UINT_MAX, LONG_MIN, LLONG_MIN, LLONG_MAX, ULLONG_MAX


# ---- creation
def from_string(bytes b):
    return PyUnicode_FromString(b)

def from_string_and_size(bytes b, Py_ssize_t n):
    return PyUnicode_FromStringAndSize(b, n)

def intern_twice(bytes b):
    a = PyUnicode_InternFromString(b)
    c = PyUnicode_InternFromString(b)
    return a, a is c, type(a) is str

def from_ordinal(int ch):
    return PyUnicode_FromOrdinal(ch)

# ---- PyUnicode_FromFormat, one call per conversion
def format_ints():
    return [
        PyUnicode_FromFormat("%d|%d|%d", <int>0, <int>INT_MIN, <int>INT_MAX),
        PyUnicode_FromFormat("%i", <int>-42),
        PyUnicode_FromFormat("%ld|%ld", <long>LONG_MIN, <long>123456789012),
        PyUnicode_FromFormat("%lld|%lld", <long long>LLONG_MIN, <long long>LLONG_MAX),
        PyUnicode_FromFormat("%zd|%zd", <Py_ssize_t>-5, <Py_ssize_t>(<size_t>-1 >> 1)),
        PyUnicode_FromFormat("%u|%lu|%llu|%zu", <unsigned int>UINT_MAX, <unsigned long>7, <unsigned long long>ULLONG_MAX, <size_t>-1),
        PyUnicode_FromFormat("%x|%x", <int>255, <unsigned int>0xdeadbeef),
        PyUnicode_FromFormat("[%5d][%3d]", <int>42, <int>12345),
        PyUnicode_FromFormat("[%05d]", <int>42),
        PyUnicode_FromFormat("[%.3d]", <int>7),
        PyUnicode_FromFormat("[%8s]", b"pad"),
        PyUnicode_FromFormat("100%%"),
    ]

def format_text(obj):
    return [
        PyUnicode_FromFormat("<%s>", b"bytes here"),
        PyUnicode_FromFormat("<%.3s>", b"abcdef"),
        PyUnicode_FromFormat("<%s>", b"caf\xc3\xa9"),
        PyUnicode_FromFormat("<%c%c%c>", <int>65, <int>0xe9, <int>0x20ac),
        PyUnicode_FromFormat("<%S>", <PyObject *>obj),
        PyUnicode_FromFormat("<%R>", <PyObject *>obj),
        PyUnicode_FromFormat("<%U>", <PyObject *>"unicode"),
        PyUnicode_FromFormat("<%V>", <PyObject *>"obj", b"fallback"),
        PyUnicode_FromFormat("<%V>", <PyObject *>NULL, b"fallback"),
        PyUnicode_FromFormat("%s=%d, %S=%R", b"a", <int>1, <PyObject *>"b", <PyObject *>"c"),
    ]

def format_bad_char(int c):
    return PyUnicode_FromFormat("%c", c)

def format_str_raises(obj):
    # str(obj) raises inside PyUnicode_FromFormat
    return PyUnicode_FromFormat("%S", <PyObject *>obj)

def format_repr_raises(obj):
    return PyUnicode_FromFormat("%R", <PyObject *>obj)

# ---- UTF-8 views
def as_utf8_and_size(u):
    cdef Py_ssize_t n = -1
    cdef const char *s = PyUnicode_AsUTF8AndSize(u, &n)
    return s[:n], n

def as_utf8(u):
    cdef const char *s = PyUnicode_AsUTF8(u)
    return <bytes>s

def get_length(u):
    return PyUnicode_GetLength(u)

def read_char(u, Py_ssize_t i):
    return <long>PyUnicode_ReadChar(u, i)

# ---- decoding / encoding
cdef const char *c_str(bytes b):
    # None as NULL: the API's default encoding or error handler
    return NULL if b is None else <const char *>b

def decode(bytes b, encoding, errors):
    return PyUnicode_Decode(b, len(b), c_str(encoding), c_str(errors))

def decode_utf8(bytes b, Py_ssize_t n):
    return PyUnicode_DecodeUTF8(b, n, NULL)

def decode_ascii(bytes b):
    return PyUnicode_DecodeASCII(b, len(b), NULL)

def decode_latin1(bytes b):
    return PyUnicode_DecodeLatin1(b, len(b), NULL)

def from_encoded_object(o, bytes encoding):
    return PyUnicode_FromEncodedObject(o, encoding, NULL)

def encode(u, encoding, errors):
    return PyUnicode_AsEncodedString(u, c_str(encoding), c_str(errors))

def as_utf8_string(u):
    return PyUnicode_AsUTF8String(u)

def as_ascii_string(u):
    return PyUnicode_AsASCIIString(u)

def as_latin1_string(u):
    return PyUnicode_AsLatin1String(u)

# ---- operations
def substring(u, Py_ssize_t a, Py_ssize_t b):
    return PyUnicode_Substring(u, a, b)

def concat(a, b):
    return PyUnicode_Concat(a, b)

def join(sep, seq):
    return PyUnicode_Join(sep, seq)

def split(s, sep, Py_ssize_t maxsplit):
    return PyUnicode_Split(s, <PyObject *>sep if sep is not None else NULL, maxsplit)

def replace(s, old, new, Py_ssize_t maxcount):
    return PyUnicode_Replace(s, old, new, maxcount)

def find(s, sub, Py_ssize_t a, Py_ssize_t b, int direction):
    return PyUnicode_Find(s, sub, a, b, direction)

def findchar(s, Py_UCS4 ch, Py_ssize_t a, Py_ssize_t b, int direction):
    return PyUnicode_FindChar(s, ch, a, b, direction)

def count(s, sub, Py_ssize_t a, Py_ssize_t b):
    return PyUnicode_Count(s, sub, a, b)

def tailmatch(s, sub, Py_ssize_t a, Py_ssize_t b, int direction):
    return PyUnicode_Tailmatch(s, sub, a, b, direction)

def contains(container, element):
    return PyUnicode_Contains(container, element)

def compare(a, b):
    return PyUnicode_Compare(a, b)

def compare_ascii(a, bytes b):
    cdef int r = PyUnicode_CompareWithASCIIString(a, b)
    return r, PyErr_Occurred() is NULL

def rich_compare(a, b, int op):
    return PyUnicode_RichCompare(a, b, op)

def format_op(fmt, args):
    return PyUnicode_Format(fmt, args)

def splitlines(s, bint keepends):
    return PyUnicode_Splitlines(s, keepends)

def is_identifier(s):
    return PyUnicode_IsIdentifier(s)

def checks(o):
    return PyUnicode_Check(o), PyUnicode_CheckExact(o)
