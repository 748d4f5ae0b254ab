// The MicroPython options the layer needs, on every port: the one place they
// are written. runtime/micropython.mk force-includes this file into every
// MicroPython file of a build with the layer (`-include`, before the port's
// mpconfigport.h), so unmodified ports get them as build options; the embed
// port's configuration includes it (mpconfigport_embed.h). A port that sets
// one of them differently fails to compile with "redefined", which is right:
// the layer would not work there. Options only some ports need stay with those
// ports (unix: MPCY_DYNLOAD, MPCY_THREAD_GC_WRAP in driver/unix.py).
#ifndef MPCY_CONFIG_H
#define MPCY_CONFIG_H

// PyMem_* are MicroPython's tracked allocations.
#define MICROPY_TRACKED_ALLOC (1)
// Dotted module names (`pkg.mod.pyx`) are built-in subpackages.
#define MICROPY_MODULE_BUILTIN_SUBPACKAGES (1)
// __dealloc__ runs from the GC finaliser.
#define MICROPY_ENABLE_FINALISER (1)
// A module's first import runs its init (the driver's import glue).
#define MICROPY_MODULE_BUILTIN_INIT (1)
// The layer hooks __build_class__ and __import__ (Python subclasses of cdef classes, .so modules).
#define MICROPY_CAN_OVERRIDE_BUILTINS (1)
// Python classes' special methods as CPython calls them, the reflected and
// in-place ones too (__radd__, __iadd__, __imatmul__, ...): Cython's operators
// on Python classes go through MicroPython's.
#define MICROPY_PY_ALL_SPECIAL_METHODS (1)
#define MICROPY_PY_ALL_INPLACE_SPECIAL_METHODS (1)
// sys.exc_info(), which Cython code calls too: the exception Cython handles (errors.c).
#define MICROPY_PY_SYS_EXC_INFO (1)
// Module attributes stored through a function: warnings.showwarning = f.
#define MICROPY_MODULE_ATTR_DELEGATION (1)

#endif
