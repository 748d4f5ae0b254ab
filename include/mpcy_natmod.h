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
// No port HAL header: py/mphal.h's functions are the ones mpcy_natmod.c
// writes (from the time module) and this header's mapping.
#define MICROPY_MPHALPORT_H "mpcy_natmod.h"

#elif !defined(MPCY_NATMOD_H)
#define MPCY_NATMOD_H

#include "py/dynruntime.h"

// The builtins' types the layer names (MPCY_NATMOD_TYPE, below: a name
// missing here does not compile), found at import (mpcy_natmod_init).
#define MPCY_NATMOD_TYPES(X) \
    X(object) X(int) X(bool) X(bytes) X(bytearray) X(tuple) X(float) X(complex) X(set) X(frozenset) \
    X(range) X(slice) X(memoryview) X(property) X(staticmethod) X(classmethod) X(super) X(reversed) \
    X(enumerate) X(BaseException) X(TypeError) X(AttributeError) X(ValueError) X(ImportError) \
    X(StopIteration) X(KeyError) X(RuntimeError) X(OverflowError) X(OSError) X(AssertionError) \
    X(MemoryError) X(IndexError) X(ZeroDivisionError) X(UnicodeError) X(SystemExit) X(SyntaxError) \
    X(StopAsyncIteration) X(NotImplementedError) X(NameError) X(LookupError) X(KeyboardInterrupt) \
    X(IndentationError) X(GeneratorExit) X(EOFError) X(ArithmeticError)
#define MPCY_NATMOD_B(name) MPCY_NATMOD_B_##name,
enum { MPCY_NATMOD_TYPES(MPCY_NATMOD_B) MPCY_NATMOD_B_N };

// The layer's state (its root pointers, docs/design.md 3.2) lives in one
// structure of the module's own zeroed data: a natmod has no root pointers,
// but its .bss is a GC-heap block the loader keeps reachable, so the
// collector scans it. Not static: mpy_ld reaches .bss only through the GOT.
// cur_exception: the exception Cython's except blocks handle
// (PyErr_SetHandledException), the firmware's own being out of reach:
// sys.exc_info() in Python code does not see it.
typedef struct _mpcy_natmod_state_t {
    mp_obj_t mpcy_err_cur;
    mp_obj_t mpcy_thread_dict;
    mp_obj_t mpcy_roots;
    mp_obj_t mpcy_modules;
    mp_obj_t mpcy_builtins_optimised;
    mp_obj_t mpcy_warnings;
    mp_obj_t mpcy_sys;
    mp_obj_t mpcy_import_next;
    mp_obj_t mpcy_fullargspec;
    mp_obj_t mpcy_traceback_last;
    void *cur_exception;
    // The builtins module, for the firmware's types and functions that
    // mp_fun_table lacks (mpcy_natmod_builtin), and the types found in it
    // (MPCY_NATMOD_TYPE).
    mp_obj_t builtins;
    mp_obj_t builtin_types[MPCY_NATMOD_B_N];
    mp_obj_t types[8];
    // The firmware's state the layer reads, found at import: the sys module,
    // sys.modules and sys.argv (the objects the firmware's own state holds).
    mp_obj_t sys;
    mp_obj_dict_t *sys_modules;
    mp_obj_list_t *sys_argv;
    // An empty namespace (mpcy_builtin_override, bltinmodule.c).
    mp_obj_t empty_globals;
    // The micropython module (opt_level, bltinmodule.c).
    mp_obj_t micropython;
    mp_obj_t notimplemented;
    mp_obj_t ellipsis;
    mp_obj_t empty_dict;
    // The firmware's built-in modules found at import, by name.
    mp_obj_t builtin_modules;
} mpcy_natmod_state_t;
// Zeroed data that holds objects: in .bss whatever -fno-zero-initialized-in-bss
// says (driver/natmod.py), so the collector scans it.
#define MPCY_NATMOD_ROOT __attribute__((section(".bss.mpcy_root")))
extern mpcy_natmod_state_t mpcy_natmod_state;
// MicroPython's qstr 0, a constant of its static qstrs but for this one.
#define MP_QSTRnull (0)

#undef MP_STATE_VM
#define MP_STATE_VM(x) (mpcy_natmod_state.x)
// The firmware's state objects the layer names, as the objects themselves.
#define mp_loaded_modules_dict sys_modules[0]
#define mp_sys_argv_obj sys_argv[0]
#define mp_module_sys (*(mp_obj_module_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.sys))
#define mp_module_builtins (*(mp_obj_module_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.builtins))
#define mp_module_builtins_globals (*mp_module_builtins.globals)
// The current globals (the firmware's thread state) through mp_fun_table's
// swap_globals, which sets new ones and answers the previous ones, or NULL
// if they were the same (a NULL sets nothing).
static inline mp_obj_dict_t *mpcy_natmod_globals_get(void) {
    mp_obj_dict_t *e = MP_OBJ_TO_PTR(mpcy_natmod_state.empty_globals);
    mp_obj_dict_t *g = mp_fun_table.swap_globals(e);
    if (g == NULL) {
        return e;
    }
    mp_fun_table.swap_globals(g);
    return g;
}
#define mp_globals_get() (mpcy_natmod_globals_get())
#define mp_globals_set(g) ((void)mp_fun_table.swap_globals(g))

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
#define MPCY_NATMOD_TYPE(name) (*(mp_obj_type_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.builtin_types[MPCY_NATMOD_B_##name]))
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
    MPCY_NATMOD_T_gen_instance, MPCY_NATMOD_T_gen_wrap, MPCY_NATMOD_T_polymorph_iter, MPCY_NATMOD_T_ordereddict,
    MPCY_NATMOD_T_N
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
#define mp_type_ordereddict MPCY_NATMOD_OTHER_TYPE(ordereddict)

// ---- Constant objects, made at import ------------------------------------------
// MicroPython's constant types and dicts name qstrs and types, which are not
// constants in a natmod. Each is defined writable instead, in the text block,
// with what is constant, and a function mpcy_natmod_fix_UNIT_NAME (found by
// driver/natmod.py, which calls them all from mpcy_natmod_fixups) completes
// it at import. The const name the layer uses is an alias of the writable
// object, so the compiler reads no field from its initialiser.
// type, str, list, dict, Exception and the builtin function types are
// mpy_ld's link-time names for mp_fun_table's entries, in code and in data.
#undef mp_type_type
#undef mp_type_str
#undef mp_type_list
#undef mp_type_Exception
#define MPCY_NATMOD_FIX_NAME2(u, n) mpcy_natmod_fix_##u##_##n
#define MPCY_NATMOD_FIX_NAME(u, n) MPCY_NATMOD_FIX_NAME2(u, n)
#define MPCY_NATMOD_FIX(n) void MPCY_NATMOD_FIX_NAME(MPCY_NATMOD_UNIT, n)(void)
void mpcy_natmod_fixups(void);
#define MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, ...) \
    _struct_type _typename##_mpcy_rw = { .base = { &mp_type_type }, .flags = _flags, __VA_ARGS__ }; \
    extern const _struct_type _typename __attribute__((alias(#_typename "_mpcy_rw"))); \
    MPCY_NATMOD_FIX(_typename); \
    MPCY_NATMOD_FIX(_typename)
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_0
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_0(_struct_type, _typename, _name, _flags) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags) { _typename##_mpcy_rw.name = (_name); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_1
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_1(_struct_type, _typename, _name, _flags, f1, v1) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slots = { NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_2
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_2(_struct_type, _typename, _name, _flags, f1, v1, f2, v2) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slots = { NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_3
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_3(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slots = { NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_4
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_4(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slots = { NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_5
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_5(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slots = { NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_6
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_6(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_7
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_7(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6, f7, v7) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slot_index_##f7 = 7, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); _typename##_mpcy_rw.slots[6] = (const void *)(v7); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_8
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_8(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6, f7, v7, f8, v8) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slot_index_##f7 = 7, .slot_index_##f8 = 8, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); _typename##_mpcy_rw.slots[6] = (const void *)(v7); _typename##_mpcy_rw.slots[7] = (const void *)(v8); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_9
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_9(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6, f7, v7, f8, v8, f9, v9) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slot_index_##f7 = 7, .slot_index_##f8 = 8, .slot_index_##f9 = 9, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); _typename##_mpcy_rw.slots[6] = (const void *)(v7); _typename##_mpcy_rw.slots[7] = (const void *)(v8); _typename##_mpcy_rw.slots[8] = (const void *)(v9); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_10
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_10(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6, f7, v7, f8, v8, f9, v9, f10, v10) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slot_index_##f7 = 7, .slot_index_##f8 = 8, .slot_index_##f9 = 9, .slot_index_##f10 = 10, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); _typename##_mpcy_rw.slots[6] = (const void *)(v7); _typename##_mpcy_rw.slots[7] = (const void *)(v8); _typename##_mpcy_rw.slots[8] = (const void *)(v9); _typename##_mpcy_rw.slots[9] = (const void *)(v10); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_11
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_11(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6, f7, v7, f8, v8, f9, v9, f10, v10, f11, v11) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slot_index_##f7 = 7, .slot_index_##f8 = 8, .slot_index_##f9 = 9, .slot_index_##f10 = 10, .slot_index_##f11 = 11, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); _typename##_mpcy_rw.slots[6] = (const void *)(v7); _typename##_mpcy_rw.slots[7] = (const void *)(v8); _typename##_mpcy_rw.slots[8] = (const void *)(v9); _typename##_mpcy_rw.slots[9] = (const void *)(v10); _typename##_mpcy_rw.slots[10] = (const void *)(v11); }
#undef MP_DEFINE_CONST_OBJ_TYPE_NARGS_12
#define MP_DEFINE_CONST_OBJ_TYPE_NARGS_12(_struct_type, _typename, _name, _flags, f1, v1, f2, v2, f3, v3, f4, v4, f5, v5, f6, v6, f7, v7, f8, v8, f9, v9, f10, v10, f11, v11, f12, v12) \
    MPCY_NATMOD_TYPE_HEAD(_struct_type, _typename, _flags, .slot_index_##f1 = 1, .slot_index_##f2 = 2, .slot_index_##f3 = 3, .slot_index_##f4 = 4, .slot_index_##f5 = 5, .slot_index_##f6 = 6, .slot_index_##f7 = 7, .slot_index_##f8 = 8, .slot_index_##f9 = 9, .slot_index_##f10 = 10, .slot_index_##f11 = 11, .slot_index_##f12 = 12, .slots = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, }) { _typename##_mpcy_rw.name = (_name); _typename##_mpcy_rw.slots[0] = (const void *)(v1); _typename##_mpcy_rw.slots[1] = (const void *)(v2); _typename##_mpcy_rw.slots[2] = (const void *)(v3); _typename##_mpcy_rw.slots[3] = (const void *)(v4); _typename##_mpcy_rw.slots[4] = (const void *)(v5); _typename##_mpcy_rw.slots[5] = (const void *)(v6); _typename##_mpcy_rw.slots[6] = (const void *)(v7); _typename##_mpcy_rw.slots[7] = (const void *)(v8); _typename##_mpcy_rw.slots[8] = (const void *)(v9); _typename##_mpcy_rw.slots[9] = (const void *)(v10); _typename##_mpcy_rw.slots[10] = (const void *)(v11); _typename##_mpcy_rw.slots[11] = (const void *)(v12); }

// Qstr objects as constants (the object representation is the firmware's:
// MICROPY_OBJ_REPR_A on every target of a natmod so far).
#if MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_A
#error "the natmod flavour assumes MICROPY_OBJ_REPR_A"
#endif
#undef MP_OBJ_NEW_QSTR
#define MP_OBJ_NEW_QSTR(qst) ((mp_obj_t)((((mp_uint_t)(qst)) << 3) | 0x00000002))
#define MP_OBJ_QSTR_VALUE(o) (((mp_uint_t)(o)) >> 3)
// MPCY_Q(MP_QSTR_x) (runtime/mpcy.h) and MP_ROM_QSTR(MP_QSTR_x) paste to
// names driver/natmod.py defines in the module's qstrs.h: x where x is a
// static qstr (the firmware's first qstrs, the same numbers everywhere),
// else a marker, MPCY_NATMOD_QMARK + x's index in the module's qstr table,
// which the fix function of the table replaces at import. Markers fit the
// 16 bits of mp_arg_t's names; None, False and True in a constant table
// (MP_ROM_NONE...) and the types no builtin names (MPCY_ROM_TYPE, from
// MPCY_NATMOD_QMARK_TYPE) are markers below them.
#define MPCY_NATMOD_QMARK (0x8000)
#define MPCY_NATMOD_QMARK_TYPE (0x7f00)
#define MPCY_NATMOD_QMARK_NONE (0x7ffd)
#define MPCY_NATMOD_QMARK_FALSE (0x7ffe)
#define MPCY_NATMOD_QMARK_TRUE (0x7fff)
#undef MP_ROM_QSTR
#define MP_ROM_QSTR(q) MP_OBJ_NEW_QSTR(MPCY_NATMOD_Q_##q)
#undef MP_ROM_NONE
#define MP_ROM_NONE MP_OBJ_NEW_QSTR(MPCY_NATMOD_QMARK_NONE)
#undef MP_ROM_FALSE
#define MP_ROM_FALSE MP_OBJ_NEW_QSTR(MPCY_NATMOD_QMARK_FALSE)
#undef MP_ROM_TRUE
#define MP_ROM_TRUE MP_OBJ_NEW_QSTR(MPCY_NATMOD_QMARK_TRUE)
void mpcy_natmod_table_qstrs(mp_rom_map_elem_t *table, size_t n);
// The static-initialiser forms runtime/mpcy.h describes.
#define MPCY_Q(q) (MPCY_NATMOD_Q_##q)
// A qstr as the constant its case label has: itself if static, its marker
// if in the module's table, else a value no label has.
qstr mpcy_natmod_qconst(qstr q);
#define MPCY_QSWITCH(q) (mpcy_natmod_qconst(q))
// The function a module of the shared runtime names in a static table
// (driver/natmod.py: its trampoline, which jumps to the layer's), for the
// comparisons runtime/mpcy.h's mpcy_natmod_fn describes.
void *mpcy_natmod_fn(void *f);
// The layer's builtins overrides a module's code can look up (bltinmodule.c):
// super, format, vars, ascii, print and __import__, in that order, NULL where
// it cannot; the module's entry defines the table (driver/natmod.py,
// builtin_overrides).
#define MPCY_NATMOD_N_BUILTINS 6
extern const void *const mpcy_natmod_builtins[MPCY_NATMOD_N_BUILTINS];
extern const mp_obj_fun_builtin_var_t mpcy_super_obj, mpcy_format_obj, mpcy_vars_obj, mpcy_print_builtin_obj,
                                      mpcy_import_builtin_obj;
extern const mp_obj_fun_builtin_fixed_t mpcy_ascii_obj;
#define MPCY_QCONST
#define MPCY_TYPES_STATIC
// (not static: mpy_ld reaches .bss only through the GOT)
#define MPCY_STATIC_ROOT MPCY_NATMOD_ROOT
void mpcy_natmod_args_fixup(mp_arg_t *table, size_t n);
void mpcy_natmod_qfield_fixup(void *table, size_t n, size_t stride, size_t offset, size_t width);
#define MPCY_FIX_ARGS(table) \
    MPCY_NATMOD_FIX(table); \
    MPCY_NATMOD_FIX(table) { mpcy_natmod_args_fixup(table, MP_ARRAY_SIZE(table)); }
#define MPCY_FIX_QFIELD(table, field) \
    MPCY_NATMOD_FIX(table); \
    MPCY_NATMOD_FIX(table) { \
        mpcy_natmod_qfield_fixup(table, MP_ARRAY_SIZE(table), sizeof(table[0]), \
    __builtin_offsetof(__typeof__(table[0]), field), sizeof(table[0].field)); \
    }
#define MPCY_FIX_QSTRS(table) \
    MPCY_NATMOD_FIX(table); \
    MPCY_NATMOD_FIX(table) { mpcy_natmod_qfield_fixup(table, MP_ARRAY_SIZE(table), sizeof(table[0]), 0, sizeof(table[0])); }
#define MPCY_ROM_TYPE(name) MP_OBJ_NEW_QSTR(MPCY_NATMOD_QMARK_TYPE + MPCY_NATMOD_T_##name)
// The layer's root pointers are fields of mpcy_natmod_state_t.
#define MP_REGISTER_ROOT_POINTER(decl) struct mpcy_natmod_root_pointer_unused
// A natmod adds no built-in module and no module attribute delegation: the
// layer's modules (warnings...) are reached by the layer's C code only.
#define MP_REGISTER_MODULE(name, obj) struct mpcy_natmod_module_unused
#define MP_REGISTER_MODULE_DELEGATION(obj, fun) struct mpcy_natmod_delegation_unused
#define MPCY_DEFINE_MODULE(name, globals_dict) \
    mp_obj_module_t name##_mpcy_rw = { .globals = (mp_obj_dict_t *)&globals_dict, }; \
    extern const mp_obj_module_t name __attribute__((alias(#name "_mpcy_rw"))); \
    MPCY_NATMOD_FIX(name); \
    MPCY_NATMOD_FIX(name) { name##_mpcy_rw.base.type = &mp_type_module; }
#undef MP_DEFINE_CONST_DICT_WITH_SIZE
#define MP_DEFINE_CONST_DICT_WITH_SIZE(dict_name, table_name, n) \
    const mp_obj_dict_t dict_name = { \
        .base = {&mp_type_dict}, \
        .map = { .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1, .used = n, .alloc = n, \
                 .table = (mp_map_elem_t *)(mp_rom_map_elem_t *)table_name, }, \
    }; \
    MPCY_NATMOD_FIX(dict_name); \
    MPCY_NATMOD_FIX(dict_name) { mpcy_natmod_table_qstrs((mp_rom_map_elem_t *)table_name, n); }
#undef MP_DEFINE_CONST_MAP
#define MP_DEFINE_CONST_MAP(map_name, table_name) \
    const mp_map_t map_name = { .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1, \
                                .used = MP_ARRAY_SIZE(table_name), .alloc = MP_ARRAY_SIZE(table_name), \
                                .table = (mp_map_elem_t *)(mp_rom_map_elem_t *)table_name, }; \
    MPCY_NATMOD_FIX(map_name); \
    MPCY_NATMOD_FIX(map_name) { mpcy_natmod_table_qstrs((mp_rom_map_elem_t *)table_name, MP_ARRAY_SIZE(table_name)); }

// ---- What runtime/mpcy_mpprivate.h reaches in the firmware -----------------
// MicroPython's emergency exception object is out of reach: no exception is
// taken for it, so one made while the heap is locked (a finaliser) and kept
// in the error indicator may be overwritten by the next.
static inline bool mpcy_is_emergency_exception(mp_obj_t e) {
    (void)e;
    return false;
}
// dynruntime.h's mp_obj_new_exception gives the type itself, for a caller
// that raises it at once (the VM makes the instance); the layer keeps an
// error as the current exception, which must be an instance: py/obj.h's
// function, written again in runtime/mpcy_natmod_py.c.
#undef mp_obj_new_exception
// The value of a StopIteration(value) that a MicroPython iterator ends with
// stays in the firmware's thread state: a natmod sees None.
#define MPCY_STOP_ITERATION_ARG (mp_const_none)
// and an iterator of the layer that ends with a value ends without it for
// the firmware (which reads it from there too).
#define mp_make_stop_iteration(o) ((void)(o), MP_OBJ_STOP_ITERATION)
// No C stack limit to read (MP_STACK_CHECK is the firmware's): direct calls
// between Cython functions do not check the stack (deep recursion of Cython
// code crashes where the static build raises RecursionError).
#define MPCY_STACK_LIMIT_REACHED() (0)

// The firmware's functions that the layer compares slots with: the slots
// themselves, read from the firmware's types.
#undef mp_obj_str_binary_op
#define mp_obj_str_binary_op MP_OBJ_TYPE_GET_SLOT(&mp_type_str, binary_op)
#define mp_obj_str_make_new MP_OBJ_TYPE_GET_SLOT(&mp_type_str, make_new)
#define mp_obj_tuple_getiter MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, iter)
// Constant objects of the firmware, found at import (the builtins'
// NotImplemented and Ellipsis; an empty dict made fixed, as the firmware's).
#define mp_const_notimplemented_obj (*(mp_obj_base_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.notimplemented))
#define mp_const_ellipsis_obj (*(mp_obj_base_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.ellipsis))
#define mp_const_empty_dict_obj (*(mp_obj_dict_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.empty_dict))
// The firmware's built-in modules a natmod knows: those it found at import.
#define mpcy_natmod_builtin_modules (*(mp_obj_dict_t *)MP_OBJ_TO_PTR(mpcy_natmod_state.builtin_modules))
#define mp_builtin_module_map (mpcy_natmod_builtin_modules.map)
// The current locals: the builtins' locals() reads them; nothing sets them
// (mpcy_natmod.c raises).
mp_obj_dict_t *mpcy_natmod_locals_get(void);
#define mp_locals_get() (mpcy_natmod_locals_get())
void mpcy_natmod_locals_set(mp_obj_dict_t *d);
#define mp_locals_set(d) (mpcy_natmod_locals_set(d))
// No C stack limit to check against (MPCY_STACK_LIMIT_REACHED below).
#undef MP_STACK_CHECK
#define MP_STACK_CHECK() ((void)0)

// The builtins' NAME (a type, an exception, a function) from the cached
// builtins dict; set up by mpcy_natmod_init.
mp_obj_t mpcy_natmod_builtin(qstr name);
void mpcy_natmod_init(void);
#endif
