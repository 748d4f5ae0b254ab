// Basic C types of the CPython API.
#ifndef MPCY_PYPORT_H
#define MPCY_PYPORT_H
#include <sys/types.h>
#include "pyconfig.h"

typedef intptr_t Py_ssize_t;
typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;
typedef wchar_t Py_UNICODE;
#define PY_SSIZE_T_MAX INTPTR_MAX
#define PY_SSIZE_T_MIN INTPTR_MIN
#define PY_LONG_LONG long long
#define PY_INT64_T int64_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_UINT32_T uint32_t
#define Py_HUGE_VAL HUGE_VAL
#define Py_MEMCPY memcpy
#define PyAPI_FUNC(RTYPE) RTYPE
#define PyAPI_DATA(RTYPE) extern RTYPE
#ifdef __cplusplus
#define PyMODINIT_FUNC extern "C" PyObject *
#else
#define PyMODINIT_FUNC PyObject *
#endif
#define Py_LOCAL_INLINE(type) static inline type
#define PyDoc_STR(str) str
#define PyDoc_STRVAR(name, str) static const char name[] = str
#define Py_UNUSED(name) _unused_##name __attribute__((unused))
#define Py_UNREACHABLE() __builtin_unreachable()
#define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)
#define _Py_HashSecret_t int
#endif
