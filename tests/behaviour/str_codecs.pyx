"""Codecs: utf-16, utf-32 (and -le/-be), utf-8, latin-1, ascii through
Cython's .decode()/.encode() fast paths and the C API, with error handlers."""

cdef extern from "Python.h":
    object PyUnicode_Decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors)
    object PyUnicode_AsEncodedString(object u, const char *encoding, const char *errors)
    object PyUnicode_DecodeUTF16(const char *s, Py_ssize_t n, const char *errors, int *byteorder)
    object PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t n, const char *errors, int *byteorder, Py_ssize_t *consumed)
    object PyUnicode_DecodeUTF32(const char *s, Py_ssize_t n, const char *errors, int *byteorder)
    object PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t n, const char *errors, int *byteorder, Py_ssize_t *consumed)
    object PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t n, const char *errors, Py_ssize_t *consumed)
    object PyUnicode_AsUTF16String(object u)
    object PyUnicode_AsUTF32String(object u)
    object PyUnicode_AsUTF8String(object u)
    object PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t n, const char *errors)
    object PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t n, const char *errors)
    object PyUnicode_AsUnicodeEscapeString(object u)
    object PyUnicode_AsRawUnicodeEscapeString(object u)
    const char *PyUnicode_AsUTF8AndSize(object u, Py_ssize_t *size) except NULL


# ---- Cython's fast paths: codec functions chosen at compile time
def dec_utf16(bytes b):
    return b.decode('utf-16')

def dec_utf16le(bytes b):
    return b.decode('utf-16-le')

def dec_utf16be_replace(bytes b):
    return b.decode('UTF-16BE', 'replace')

def dec_utf16le_ignore(bytes b):
    return b.decode('utf_16_le', 'ignore')

def dec_utf32(bytes b):
    return b.decode('utf-32')

def dec_utf32be(bytearray b):
    return b.decode('utf-32-be')

def dec_slice(bytes b):
    return b[2:6].decode('utf-16-be')

def dec_cstring(bytes b):
    cdef const char *c = b
    return c[:len(b)].decode('utf-16-le')

def enc_utf16(str s):
    return s.encode('utf-16')

def enc_utf16le(str s):
    return s.encode('utf-16-le')

def enc_utf16be(str s):
    return s.encode('utf-16-be')

def enc_utf32(str s):
    return s.encode('utf-32')

def enc_utf32le(str s):
    return s.encode('utf-32-le')

def enc_utf32be_replace(str s):
    return s.encode('utf-32-be', 'replace')

def enc_utf8(str s):
    return s.encode('utf-8')

def enc_utf16_backslash(str s):
    return s.encode('utf16', 'backslashreplace')

# ---- any codec and handler at run time
cdef const char *cstr(b):
    # None as NULL (the default codec or handler)
    return NULL if b is None else <const char *>b

def decode(bytes b, bytes encoding, bytes errors):
    return PyUnicode_Decode(b, len(b), cstr(encoding), cstr(errors))

def encode(str s, bytes encoding, bytes errors):
    return PyUnicode_AsEncodedString(s, cstr(encoding), cstr(errors))

def dec_escape(bytes b, bytes errors):
    return PyUnicode_DecodeUnicodeEscape(b, len(b), cstr(errors))

def dec_raw_escape(bytes b, bytes errors):
    return PyUnicode_DecodeRawUnicodeEscape(b, len(b), cstr(errors))

def enc_escape(str s):
    return PyUnicode_AsUnicodeEscapeString(s), PyUnicode_AsRawUnicodeEscapeString(s)

def surrogate_literals():
    # Cython makes these constants with PyUnicode_DecodeUnicodeEscape.
    return u'\udc00', u'\ud800', u'x\ud800\udc00y'

def decode_utf16(bytes b, int byteorder):
    r = PyUnicode_DecodeUTF16(b, len(b), NULL, &byteorder)
    return r, byteorder

def decode_utf16_nobo(bytes b):
    return PyUnicode_DecodeUTF16(b, len(b), NULL, NULL)

def decode_utf32(bytes b, int byteorder):
    r = PyUnicode_DecodeUTF32(b, len(b), NULL, &byteorder)
    return r, byteorder

def decode_stateful(bytes b, int unit):
    cdef Py_ssize_t consumed = -1
    cdef int bo = 0
    if unit == 1:
        r = PyUnicode_DecodeUTF8Stateful(b, len(b), NULL, &consumed)
    elif unit == 2:
        r = PyUnicode_DecodeUTF16Stateful(b, len(b), NULL, &bo, &consumed)
    else:
        r = PyUnicode_DecodeUTF32Stateful(b, len(b), NULL, &bo, &consumed)
    return r, consumed

def as_utf16(s):
    return PyUnicode_AsUTF16String(s)

def as_utf32(s):
    return PyUnicode_AsUTF32String(s)

def as_utf8(s):
    return PyUnicode_AsUTF8String(s)

def as_utf8_size(str s):
    cdef Py_ssize_t n = 0
    cdef const char *d = PyUnicode_AsUTF8AndSize(s, &n)
    return d[:n]

# ---- untyped objects: the methods looked up at run time
def dec_any(o, *args, **kw):
    return o.decode(*args, **kw)

def dec_any_utf16(o):
    return o.decode('utf-16')

def enc_any(o, *args, **kw):
    return o.encode(*args, **kw)

def enc_any_utf32be(o):
    return o.encode('utf-32-be', 'replace')

def bound_decode(o):
    f = o.decode
    return f('utf-16-le')
