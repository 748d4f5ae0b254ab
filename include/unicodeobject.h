// str: MicroPython strings are UTF-8; indices count code points.
#ifndef MPCY_UNICODEOBJECT_H
#define MPCY_UNICODEOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyUnicodeObject;
#define PyUnicode_Check(o) MPCY_CHECK(mp_obj_is_str(MPCY_OBJ(o)), o, mp_type_str)
#define PyUnicode_CheckExact(o) mp_obj_is_str(MPCY_OBJ(o))
PyObject *PyUnicode_FromString(const char *s);
PyObject *PyUnicode_FromStringAndSize(const char *s, Py_ssize_t n);
PyObject *PyUnicode_InternFromString(const char *s);
void PyUnicode_InternInPlace(PyObject **p);
PyObject *PyUnicode_FromFormat(const char *fmt, ...);
PyObject *PyUnicode_FromFormatV(const char *fmt, va_list va);
PyObject *PyUnicode_FromOrdinal(int ch);
PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors);
PyObject *PyUnicode_Decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors);
PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *errors);
PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t n, const char *errors, Py_ssize_t *consumed);
PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t n, const char *errors);
PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t n, const char *errors);
PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t n, const char *errors);
PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t n, const char *errors);
PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *u);
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *u);
PyObject *PyUnicode_AsUTF8String(PyObject *u);
PyObject *PyUnicode_AsASCIIString(PyObject *u);
PyObject *PyUnicode_AsLatin1String(PyObject *u);
PyObject *PyUnicode_AsEncodedString(PyObject *u, const char *encoding, const char *errors);
const char *PyUnicode_AsUTF8(PyObject *u);
const char *PyUnicode_AsUTF8AndSize(PyObject *u, Py_ssize_t *size);
Py_ssize_t PyUnicode_AsWideChar(PyObject *u, wchar_t *w, Py_ssize_t size);
wchar_t *PyUnicode_AsWideCharString(PyObject *u, Py_ssize_t *size);
Py_ssize_t PyUnicode_GetLength(PyObject *u);
#define PyUnicode_GET_LENGTH(u) PyUnicode_GetLength(u)
Py_UCS4 PyUnicode_ReadChar(PyObject *u, Py_ssize_t index);
Py_ssize_t PyUnicode_FindChar(PyObject *s, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction);
#define PyUnicode_READ_CHAR(u, i) PyUnicode_ReadChar((u), (i))
PyObject *PyUnicode_Substring(PyObject *u, Py_ssize_t start, Py_ssize_t end);
PyObject *PyUnicode_Concat(PyObject *a, PyObject *b);
PyObject *PyUnicode_Join(PyObject *sep, PyObject *seq);
PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t n, const char *errors, int *byteorder);
PyObject *PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t n, const char *errors, int *byteorder, Py_ssize_t *consumed);
PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t n, const char *errors, int *byteorder);
PyObject *PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t n, const char *errors, int *byteorder, Py_ssize_t *consumed);
PyObject *PyUnicode_AsUTF16String(PyObject *u);
PyObject *PyUnicode_AsUTF32String(PyObject *u);
Py_ssize_t PyUnicode_Count(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end);
PyObject *PyUnicode_Splitlines(PyObject *s, int keepends);
PyObject *PyUnicode_Format(PyObject *fmt, PyObject *args);
int PyUnicode_Compare(PyObject *a, PyObject *b);
int PyUnicode_CompareWithASCIIString(PyObject *a, const char *b);
int PyUnicode_EqualToUTF8(PyObject *a, const char *b);
PyObject *PyUnicode_RichCompare(PyObject *a, PyObject *b, int op);
int PyUnicode_Contains(PyObject *container, PyObject *element);
Py_ssize_t PyUnicode_Find(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction);
Py_ssize_t PyUnicode_Tailmatch(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction);
PyObject *PyUnicode_Replace(PyObject *s, PyObject *old, PyObject *repl, Py_ssize_t maxcount);
int PyUnicode_IsIdentifier(PyObject *s);
#define PyUnicode_IS_READY(u) 1
#define PyUnicode_READY(u) 0
// Unicode's whitespace and decimal digits (category Nd), as CPython's
// macros: what str.isspace(), float() and int() take.
int _PyUnicode_IsWhitespace(const Py_UCS4 ch);
int _PyUnicode_ToDecimalDigit(Py_UCS4 ch);
int _PyUnicode_IsDecimalDigit(Py_UCS4 ch);
static inline int mpcy_unicode_isspace(Py_UCS4 ch) {
    return ch < 128 ? (ch >= 9 && ch <= 13) || (ch >= 0x1c && ch <= 0x20) : _PyUnicode_IsWhitespace(ch);
}
#define Py_UNICODE_ISSPACE(ch) mpcy_unicode_isspace((Py_UCS4)(ch))
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit((Py_UCS4)(ch))
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit((Py_UCS4)(ch))
#endif
