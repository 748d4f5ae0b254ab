// The natmod flavour of the layer (docs/embedded.md, "Without rebuilding
// the firmware"): the layer and a Cython module compiled together as a
// MicroPython dynamic native module (.mpy, py/dynruntime.h, linked by
// tools/mpy_ld.py; driver/natmod.py builds one), which reaches the stock
// firmware only through mp_fun_table. Included twice, with -DMPCY_NATMOD:
// from the natmod's MP_CONFIGFILE (MPCY_NATMOD_CONFIG: the options of the
// firmware the module is for, which a natmod cannot read), and from
// Python.h, after MicroPython's headers (the mapping of MicroPython's names).
#if defined(MPCY_NATMOD_CONFIG)

// The stock unix (standard variant) and board firmware: struct layouts and
// object representations the layer's code reads must be the firmware's.
#define MICROPY_CONFIG_ROM_LEVEL (MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)
#define MICROPY_LONGINT_IMPL (MICROPY_LONGINT_IMPL_MPZ)
// A natmod has no thread state of its own to keep an error indicator per
// thread in: one per module, as on a port without threads.
#define MICROPY_PY_THREAD (0)
// The layer's own options (what the firmware lacks is mapped below).
#include "mpcy_config.h"

#elif !defined(MPCY_NATMOD_H)
#define MPCY_NATMOD_H

#include "py/dynruntime.h"

// The layer's state (its root pointers, docs/design.md 3.2) lives in one
// structure of the module's own zeroed data: a natmod has no root pointers,
// but its .bss is a GC-heap block the loader keeps reachable, so the
// collector scans it. Not static: mpy_ld reaches .bss only through the GOT.
// cur_exception: the exception Cython's except blocks handle
// (PyErr_SetHandledException), the firmware's own being out of reach:
// sys.exc_info() in Python code does not see it.
typedef struct _mpcy_natmod_state_t {
    mp_obj_t mpcy_err_cur;
    mp_obj_t mpcy_roots;
    mp_obj_t mpcy_modules;
    mp_obj_t mpcy_builtins_optimised;
    mp_obj_t mpcy_warnings;
    mp_obj_t mpcy_sys;
    mp_obj_t mpcy_import_next;
    mp_obj_t mpcy_fullargspec;
    mp_obj_t mpcy_traceback_last;
    void *cur_exception;
    // The builtins module's dict, for the firmware's types and functions
    // that mp_fun_table lacks (mpcy_natmod_builtin).
    mp_obj_t builtins;
    mp_obj_t types[7];
} mpcy_natmod_state_t;
// Zeroed data that holds objects: in .bss whatever -fno-zero-initialized-in-bss
// says (driver/natmod.py), so the collector scans it.
#define MPCY_NATMOD_ROOT __attribute__((section(".bss.mpcy_root")))
extern mpcy_natmod_state_t mpcy_natmod_state;
// MicroPython's qstr 0, a constant of its static qstrs but for this one.
#define MP_QSTRnull (0)

#undef MP_STATE_VM
#define MP_STATE_VM(x) (mpcy_natmod_state.x)

// nlr through the firmware's own (the layer's two frames, mpcy_nlr.h): the
// buffer's layout is the firmware's, as the architecture fixes it.
#undef nlr_push
#undef nlr_pop
#define nlr_push(buf) (mp_fun_table.nlr_push(buf))
#define nlr_pop() (mp_fun_table.nlr_pop())

// ---- The firmware's types -------------------------------------------------
// mp_fun_table has type, str, list, dict, Exception and the builtin function
// types (dynruntime.h, and mpy_ld resolves their names); the other types the
// layer names are the builtins' (looked up by name) or the types of objects
// made at import (mpcy_natmod_init). Not constants: a static table that
// names one cannot be compiled, it is made at import instead.
#define MPCY_NATMOD_TYPE(name) (*(mp_obj_type_t *)MP_OBJ_TO_PTR(mpcy_natmod_builtin(MP_QSTR_##name)))
#undef mp_type_object
#define mp_type_object MPCY_NATMOD_TYPE(object)
#undef mp_type_int
#define mp_type_int MPCY_NATMOD_TYPE(int)
#undef mp_type_bool
#define mp_type_bool MPCY_NATMOD_TYPE(bool)
#undef mp_type_bytes
#define mp_type_bytes MPCY_NATMOD_TYPE(bytes)
#undef mp_type_bytearray
#define mp_type_bytearray MPCY_NATMOD_TYPE(bytearray)
#undef mp_type_tuple
#define mp_type_tuple MPCY_NATMOD_TYPE(tuple)
#undef mp_type_float
#define mp_type_float MPCY_NATMOD_TYPE(float)
#undef mp_type_complex
#define mp_type_complex MPCY_NATMOD_TYPE(complex)
#undef mp_type_set
#define mp_type_set MPCY_NATMOD_TYPE(set)
#undef mp_type_frozenset
#define mp_type_frozenset MPCY_NATMOD_TYPE(frozenset)
#undef mp_type_range
#define mp_type_range MPCY_NATMOD_TYPE(range)
#undef mp_type_slice
#define mp_type_slice MPCY_NATMOD_TYPE(slice)
#undef mp_type_memoryview
#define mp_type_memoryview MPCY_NATMOD_TYPE(memoryview)
#undef mp_type_property
#define mp_type_property MPCY_NATMOD_TYPE(property)
#undef mp_type_staticmethod
#define mp_type_staticmethod MPCY_NATMOD_TYPE(staticmethod)
#undef mp_type_classmethod
#define mp_type_classmethod MPCY_NATMOD_TYPE(classmethod)
#undef mp_type_super
#define mp_type_super MPCY_NATMOD_TYPE(super)
#undef mp_type_reversed
#define mp_type_reversed MPCY_NATMOD_TYPE(reversed)
#undef mp_type_enumerate
#define mp_type_enumerate MPCY_NATMOD_TYPE(enumerate)
#undef mp_type_BaseException
#define mp_type_BaseException MPCY_NATMOD_TYPE(BaseException)
#undef mp_type_TypeError
#define mp_type_TypeError MPCY_NATMOD_TYPE(TypeError)
#undef mp_type_AttributeError
#define mp_type_AttributeError MPCY_NATMOD_TYPE(AttributeError)
#undef mp_type_ValueError
#define mp_type_ValueError MPCY_NATMOD_TYPE(ValueError)
#undef mp_type_ImportError
#define mp_type_ImportError MPCY_NATMOD_TYPE(ImportError)
#undef mp_type_StopIteration
#define mp_type_StopIteration MPCY_NATMOD_TYPE(StopIteration)
#undef mp_type_KeyError
#define mp_type_KeyError MPCY_NATMOD_TYPE(KeyError)
#undef mp_type_RuntimeError
#define mp_type_RuntimeError MPCY_NATMOD_TYPE(RuntimeError)
#undef mp_type_OverflowError
#define mp_type_OverflowError MPCY_NATMOD_TYPE(OverflowError)
#undef mp_type_OSError
#define mp_type_OSError MPCY_NATMOD_TYPE(OSError)
#undef mp_type_AssertionError
#define mp_type_AssertionError MPCY_NATMOD_TYPE(AssertionError)
#undef mp_type_MemoryError
#define mp_type_MemoryError MPCY_NATMOD_TYPE(MemoryError)
#undef mp_type_IndexError
#define mp_type_IndexError MPCY_NATMOD_TYPE(IndexError)
#undef mp_type_ZeroDivisionError
#define mp_type_ZeroDivisionError MPCY_NATMOD_TYPE(ZeroDivisionError)
#undef mp_type_UnicodeError
#define mp_type_UnicodeError MPCY_NATMOD_TYPE(UnicodeError)
#undef mp_type_SystemExit
#define mp_type_SystemExit MPCY_NATMOD_TYPE(SystemExit)
#undef mp_type_SyntaxError
#define mp_type_SyntaxError MPCY_NATMOD_TYPE(SyntaxError)
#undef mp_type_StopAsyncIteration
#define mp_type_StopAsyncIteration MPCY_NATMOD_TYPE(StopAsyncIteration)
#undef mp_type_NotImplementedError
#define mp_type_NotImplementedError MPCY_NATMOD_TYPE(NotImplementedError)
#undef mp_type_NameError
#define mp_type_NameError MPCY_NATMOD_TYPE(NameError)
#undef mp_type_LookupError
#define mp_type_LookupError MPCY_NATMOD_TYPE(LookupError)
#undef mp_type_KeyboardInterrupt
#define mp_type_KeyboardInterrupt MPCY_NATMOD_TYPE(KeyboardInterrupt)
#undef mp_type_IndentationError
#define mp_type_IndentationError MPCY_NATMOD_TYPE(IndentationError)
#undef mp_type_GeneratorExit
#define mp_type_GeneratorExit MPCY_NATMOD_TYPE(GeneratorExit)
#undef mp_type_EOFError
#define mp_type_EOFError MPCY_NATMOD_TYPE(EOFError)
#undef mp_type_ArithmeticError
#define mp_type_ArithmeticError MPCY_NATMOD_TYPE(ArithmeticError)
// Types no builtin names: the type of an object of each, made at import.
enum {
    MPCY_NATMOD_T_NoneType, MPCY_NATMOD_T_module, MPCY_NATMOD_T_bound_meth, MPCY_NATMOD_T_fun_bc,
    MPCY_NATMOD_T_gen_instance, MPCY_NATMOD_T_gen_wrap, MPCY_NATMOD_T_polymorph_iter, MPCY_NATMOD_T_N
};
_Static_assert(MPCY_NATMOD_T_N == sizeof(((mpcy_natmod_state_t *)0)->types) / sizeof(mp_obj_t), "one slot per type");
#define MPCY_NATMOD_OTHER_TYPE(name) (*(mp_obj_type_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.types[MPCY_NATMOD_T_##name]))
#undef mp_type_NoneType
#define mp_type_NoneType MPCY_NATMOD_OTHER_TYPE(NoneType)
#define mp_type_module MPCY_NATMOD_OTHER_TYPE(module)
#define mp_type_bound_meth MPCY_NATMOD_OTHER_TYPE(bound_meth)
#define mp_type_fun_bc MPCY_NATMOD_OTHER_TYPE(fun_bc)
#define mp_type_gen_instance MPCY_NATMOD_OTHER_TYPE(gen_instance)
#define mp_type_gen_wrap MPCY_NATMOD_OTHER_TYPE(gen_wrap)
#define mp_type_polymorph_iter MPCY_NATMOD_OTHER_TYPE(polymorph_iter)

// ---- What runtime/mpcy_mpprivate.h reaches in the firmware -----------------
// MicroPython's emergency exception object is out of reach: no exception is
// taken for it, so one made while the heap is locked (a finaliser) and kept
// in the error indicator may be overwritten by the next.
static inline bool mpcy_is_emergency_exception(mp_obj_t e) {
    (void)e;
    return false;
}
// The value of a StopIteration(value) that a MicroPython iterator ends with
// stays in the firmware's thread state: a natmod sees None.
#define MPCY_STOP_ITERATION_ARG (mp_const_none)
// No C stack limit to read (MP_STACK_CHECK is the firmware's): direct calls
// between Cython functions do not check the stack (deep recursion of Cython
// code crashes where the static build raises RecursionError).
#define MPCY_STACK_LIMIT_REACHED() (0)

// The builtins' NAME (a type, an exception, a function) from the cached
// builtins dict; set up by mpcy_natmod_init.
mp_obj_t mpcy_natmod_builtin(qstr name);
void mpcy_natmod_init(void);
#endif
