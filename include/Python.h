// CPython C API for Cython-generated code, mapped onto MicroPython.
// A PyObject* is an mp_obj_t bit for bit (docs/design.md). The headers here
// are CPython's, one per API area; mpcython.h holds the layer's own names
// they expand to, mpcy_glue.h what the driver's generated glue calls.
#ifndef MPCY_PYTHON_H
#define MPCY_PYTHON_H
#define Py_PYTHON_H 1

// Cython's Limited API mode: no struct internals, types from specs.
// 3.12 gives vectorcall (args array + kwnames), close to MicroPython's calls.
#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030C0000
#endif
// Cython reads Py_LIMITED_API before including us; set its own switch too.
#ifndef CYTHON_LIMITED_API
#define CYTHON_LIMITED_API 1
#endif
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 12
#define PY_MICRO_VERSION 0
#define PY_VERSION "3.12.0"
#define PY_VERSION_HEX 0x030C00F0
// Module state on the GC heap, reached from the module object: no static PyObject*.
#ifndef CYTHON_USE_MODULE_STATE
#define CYTHON_USE_MODULE_STATE 1
#endif
// Single-phase init: Cython then finds its module with PyState_FindModule (one
// load here) instead of its own malloc'ed per-interpreter table.
#ifndef CYTHON_PEP489_MULTI_PHASE_INIT
#define CYTHON_PEP489_MULTI_PHASE_INIT 0
#endif
#ifndef CYTHON_MODULE_STATE_LOOKUP_THREAD_SAFE
#define CYTHON_MODULE_STATE_LOOKUP_THREAD_SAFE 0
#endif
#ifndef CYTHON_CLINE_IN_TRACEBACK
#define CYTHON_CLINE_IN_TRACEBACK 0
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <math.h>
#include <assert.h>
#include <float.h>
#include <sys/types.h>

// C++ (Cython's --cplus): MicroPython and the layer are C. The C standard
// headers stay above, outside the block: in C++ some of them bring
// templates, which cannot have C linkage.
#ifdef __cplusplus
extern "C" {
#endif

#include "py/runtime.h"
#include "py/obj.h"
#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/objlist.h"
#include "py/objint.h"
#include "py/objtype.h"
#include "py/objmodule.h"
#include "py/objexcept.h"
#include "py/mpstate.h"
#include "py/gc.h"
#include "py/smallint.h"
#include "py/stackctrl.h"
#include "py/builtin.h"
#ifdef MPCY_NATMOD
// A dynamic native module (.mpy): MicroPython reached through mp_fun_table.
#include "mpcy_natmod.h"
#endif

#include "pyport.h"
#include "object.h"
#include "mpcython.h"
#include "pybuffer.h"
#include "pymem.h"
#include "pyerrors.h"
#include "longobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "pystrtod.h"
#include "boolobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "bytearrayobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "setobject.h"
#include "sliceobject.h"
#include "methodobject.h"
#include "classobject.h"
#include "funcobject.h"
#include "descrobject.h"
#include "moduleobject.h"
#include "abstract.h"
#include "modsupport.h"
#include "memoryobject.h"
#include "import.h"
#include "pystate.h"
#include "ceval.h"
#include "sysmodule.h"
#include "warnings.h"
#include "code.h"
#include "genericaliasobject.h"
#include "iterobject.h"
#include "pythonrun.h"
#include "pylifecycle.h"
#include "traceback.h"
#include "weakrefobject.h"
#include "pythread.h"
#include "pycapsule.h"

#ifdef __cplusplus
}
#endif

#endif
