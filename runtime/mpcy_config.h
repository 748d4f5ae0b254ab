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

// CPython's exception names MicroPython lacks: real subclasses of the nearest
// MicroPython type (runtime/errors.c), in MicroPython's builtins table itself
// (ROM, below) so that Python code sees them too, at no RAM cost.
#define MPCY_EXTRA_EXCEPTIONS(X) \
    X(Warning, Exception) \
    X(UserWarning, Warning) \
    X(DeprecationWarning, Warning) \
    X(PendingDeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(BytesWarning, Warning) \
    X(ResourceWarning, Warning) \
    X(EncodingWarning, Warning) \
    X(BufferError, Exception) \
    X(SystemError, Exception) \
    X(ReferenceError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(RecursionError, RuntimeError) \
    X(ModuleNotFoundError, ImportError) \
    X(UnboundLocalError, NameError) \
    X(TabError, IndentationError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(FileNotFoundError, OSError) \
    X(FileExistsError, OSError) \
    X(PermissionError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(InterruptedError, OSError) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError)

// Declared here, where MicroPython's own files see them (this file comes
// before any header: the struct types are incomplete until py/obj.h).
#ifdef __cplusplus
extern "C" {
#endif
#define MPCY_DECLARE_EXC(name, base) extern const struct _mp_obj_type_t mpcy_type_##name;
MPCY_EXTRA_EXCEPTIONS(MPCY_DECLARE_EXC)
#undef MPCY_DECLARE_EXC
// The builtins module Cython's code sees (runtime/bltinmodule.c): its
// delegation entry in MicroPython's table names it.
extern const struct _mp_obj_module_t mpcy_builtins_module_obj;
#ifdef __cplusplus
}
#endif
#define MPCY_BUILTIN_EXC(name, base) { MP_ROM_QSTR(MP_QSTR_##name), MP_ROM_PTR(&mpcy_type_##name) },
#define MICROPY_PORT_EXTRA_BUILTINS \
    MPCY_EXTRA_EXCEPTIONS(MPCY_BUILTIN_EXC) \
    { MP_ROM_QSTR(MP_QSTR_IOError), MP_ROM_PTR(&mp_type_OSError) }, \
    { MP_ROM_QSTR(MP_QSTR_EnvironmentError), MP_ROM_PTR(&mp_type_OSError) }, \
    { MP_ROM_QSTR(MP_QSTR___debug__), MP_ROM_TRUE },

#endif
