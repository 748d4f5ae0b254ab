// Every MicroPython internal the layer relies on beyond MicroPython's public
// headers and documented port interface, each with why (docs/design.md,
// "MicroPython internals"). The rest of the layer uses these names instead of
// reaching into MicroPython itself, so this file is the list to go through
// when MicroPython moves (written against 1.26.1):
//  - struct layouts copied here: compare with the file named; the static
//    asserts below catch what the compiler can see, the behaviour tests named
//    catch the rest (they fail at once if a copy is wrong);
//  - state fields (MP_STATE_*): a renamed field is a compile error here;
//    a changed meaning is not: reread the code named;
//  - link-time wraps: the wrapped functions must keep their names and stay
//    out-of-line, or --wrap silently does nothing (the mod_cglobals behaviour
//    test and tests/embed's threads programs fail then);
//  - what the layer replaces (the embed port's embed_util.c) and hooks
//    (MICROPY_PORT_INIT_FUNC, built-in overrides).
// Where 1.25.0 (also supported; docs/embedded.md) differs, the layer uses
// what both have, without version tests:
//  - mp_small_int_mul_overflow(x, y) became (x, y, &result) in 1.26:
//    abstract.c checks with __builtin_mul_overflow instead;
//  - mp_obj_is_tuple_compatible moved from objtuple.c to objtuple.h in 1.26:
//    include/mpcython.h spells it out (mpcy_is_tuple_compatible).
//  - 1.25 calls no __set_name__ when it creates a class (1.26's objtype.c
//    does, with MICROPY_PY_DESCRIPTORS): the one version test,
//    MPCY_MP_SETS_NAMES below, tells the layer's class creation to call them
//    (mpcy_set_names); pow(a, b, 0) divides by zero in 1.25's mpz (1.26 raises
//    ValueError): abstract.c raises CPython's ValueError first on both.
#ifndef MPCY_MPPRIVATE_H
#define MPCY_MPPRIVATE_H

// PyMem_* are tracked allocations (py/malloc.c m_tracked_calloc). The
// natmod flavour reaches none of the state below: include/mpcy_natmod.h
// says what it does instead, entry by entry.
#if !MICROPY_TRACKED_ALLOC && !defined(MPCY_NATMOD)
#error "the layer needs MICROPY_TRACKED_ALLOC=1 (PyMem_*)"
#endif

// MicroPython calls __set_name__ of a new class's attributes itself (see
// above; checked by the cclass_descr behaviour test on both releases).
#define MPCY_MP_SETS_NAMES (MICROPY_VERSION >= MICROPY_MAKE_VERSION(1, 26, 0) && MICROPY_PY_DESCRIPTORS)

// ---- Copied private struct layouts -----------------------------------------
// py/objboundmeth.c's mp_obj_bound_meth_t, read by PyMethod_Function and
// PyMethod_Self (classobject.c) and to tell a built-in method by its function
// (PyCFunction_Check; object.c's `dict.fromkeys`): MicroPython has no
// accessor for a bound method's parts. Checked by the capi_calls and
// builtins_calls behaviour tests.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t meth;
    mp_obj_t self;
} mpcy_bound_meth_t;

// py/objfloat.c's mp_obj_float_t where floats are heap objects, written by
// mpcy_float_new_maybe (floatobject.c) to make a float without raising
// (mp_obj_new_float raises MemoryError). Checked by every behaviour test that
// returns a float (the fast paths of PyNumber_* make them).
#if MICROPY_PY_BUILTINS_FLOAT && MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_C && MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_D
typedef struct {
    mp_obj_base_t base;
    mp_float_t value;
} mpcy_float_obj_t;
#endif

// py/objdict.c's mp_obj_dict_view_t (d.keys(), d.values(), d.items()), whose
// dict PyObject_Size reads (abstract.c): MicroPython's views have no len().
// Its type is static there; mpcy_is_dict_view finds it from a view made once.
// Checked by the capi_dict behaviour test (len of each view).
typedef struct {
    mp_obj_base_t base;
    mp_obj_t dict;
} mpcy_dict_view_t;

// py/objdict.c's mp_obj_dict_view_it_t (the iterator of a dict, an
// OrderedDict and their views) and py/objset.c's mp_obj_set_it_t (of a set:
// a polymorph iterator, py/objpolyiter.c, whose iternext is the word after
// the base), read by mpcy_getiter (iterobject.c) for the container whose size
// CPython's iterators watch. Their type and iternext are static there;
// mpcy_iter_owner finds them from iterators made once. Checked by the
// iter_changes behaviour test (a wrong copy reads no container and raises
// nothing, or crashes).
typedef struct {
    mp_obj_base_t base;
    int kind; // mp_dict_view_kind_t, an enum
    mp_obj_t dict;
    size_t cur;
} mpcy_dict_it_t;

typedef struct {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
    mp_obj_t set;
    size_t cur;
} mpcy_set_it_t;

// A tuple in static memory (errors.c keeps a copy of the emergency exception's
// arguments in one): py/objtuple.h's mp_obj_tuple_t is a base, a length and
// the items.
_Static_assert(sizeof(mp_obj_tuple_t) == 2 * sizeof(mp_obj_t)
    && offsetof(mp_obj_tuple_t, items) == 2 * sizeof(mp_obj_t), "mp_obj_tuple_t is { base, len, items[] }");

// An instance of a cdef class with a built-in base (include/mpcython.h's
// mpcy_subnative_t) is laid out as py/objtype.h's mp_obj_instance_t with one
// native sub-object, and its type is flagged MP_TYPE_FLAG_INSTANCE_TYPE:
// py/objtype.c then finds the built-in part in subobj[0] (super() binds the
// base's methods to it and super().__init__() makes it through the base's
// make_new; objexcept.c's get_native_exception keeps an exception's
// traceback there). Checked by the cclass_builtin_base behaviour test.
_Static_assert(offsetof(mpcy_subnative_t, members) == offsetof(mp_obj_instance_t, members)
    && offsetof(mpcy_subnative_t, native) == offsetof(mp_obj_instance_t, subobj), "mpcy_subnative_t is mp_obj_instance_t with one subobj");

// py/objtype.c's mp_obj_super_t (MicroPython's super(T, obj), private
// there), read by mpcy_native_attr (mpcy_objectshims.c) for an attribute of
// T's built-in base that MicroPython's lookup misses (`super().__len__()` in a
// list subclass). Checked by the builtin_dunder behaviour test.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t type;
    mp_obj_t obj;
} mpcy_super_obj_t;

// ---- Object internals with private meaning ----------------------------------
// A bytes or str object whose hash is 0 has none computed yet (py/objstr.h,
// mp_obj_str_t.hash: "0 means not computed"): PyBytes_FromStringAndSize(NULL,
// n) and PyBytes_Concat (bytesobject.c) fill the data after creation.
#define MPCY_STR_HASH_NOT_COMPUTED 0

// The items of an instance of a Python class are in its `members` map, which
// mp_load_attr and mp_store_attr look at first unless the class has
// properties, descriptors or __getattr__/__setattr__
// (MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS; py/objtype.c mp_obj_instance_attr):
// the getattr and setattr fast paths of object.c read and write it directly.
static inline mp_map_t *mpcy_instance_members(mp_obj_t o) {
    return &((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->members;
}

// A map lookup cannot raise when the key is a qstr and every key of the map
// is one: only pointers are compared, no __eq__ or __hash__ runs
// (py/map.c mp_map_lookup, all_keys_are_qstrs).
static inline bool mpcy_map_lookup_cannot_raise(const mp_map_t *map, mp_obj_t key) {
    return mp_obj_is_qstr(key) && map->all_keys_are_qstrs;
}

// A key stays in the slot of a map's table where it was put until it is
// deleted (py/map.c mp_map_lookup: a lookup probes, an insertion takes a
// free or deleted slot, a removal empties the key's slot or, in an ordered
// map, moves the later ones down; growing rehashes into a new table): a key
// seen in slot AT is in the map. The memo of where a type's dict had a name
// (typeobject.c) reads that one slot again; the iter_next_lookup behaviour
// test removes, re-adds and moves a class's __next__ between calls.
static inline mp_map_elem_t *mpcy_map_slot_holds(const mp_map_t *map, size_t at, mp_obj_t key) {
    return at < map->alloc && map->table[at].key == key ? &map->table[at] : NULL;
}

// A module stub's globals are the ROM dict of the generated glue until its
// init replaces them (MP_DEFINE_CONST_DICT sets is_fixed; a dict made at run
// time has it clear): importdl.c tells an initialised stub by it. The stubs
// themselves are writable although MicroPython's module table declares them
// const (the glue aliases them; mpcython's GLUE_STUB).
static inline bool mpcy_stub_is_static(const mp_obj_module_t *stub) {
    return stub->globals->map.is_fixed;
}

#ifndef MPCY_NATMOD
// mp_iternext returns MP_OBJ_STOP_ITERATION and leaves the value of a
// StopIteration(value) in the thread state (py/runtime.c mp_iternext,
// py/objgenerator.c): PyType_GetSlot's tp_iternext of MicroPython
// iterators (typeobject.c) passes the value on.
#define MPCY_STOP_ITERATION_ARG MP_STATE_THREAD(stop_iteration_arg)

// While the heap is locked every exception MicroPython makes is one static
// object (py/objexcept.c, MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF), which the
// next overwrites: errors.c copies it before it is overwritten.
static inline bool mpcy_is_emergency_exception(mp_obj_t e) {
    return e == MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_emergency_exception_obj));
}

#endif

// A type's dict is a slot of mp_obj_full_type_t: the layer puts it first in
// the slots of spec types (mpcy_spectype.c mpcy_type_set_slots), so it is at
// one offset for all of them; Cython's Limited-API code reads a type's dict at
// type.__dictoffset__, which object.c answers with this offset.
#define MPCY_TYPE_DICT_OFFSET offsetof(mp_obj_full_type_t, slots)
_Static_assert(MPCY_TYPE_DICT_OFFSET % sizeof(mp_obj_t) == 0, "a type's first slot is a pointer-aligned word");
// Replace the dict of a type made with MP_OBJ_TYPE_SET_SLOT (mpcy_subclass.c:
// the class namespace becomes the dict): the slot keeps its index.
#define MPCY_TYPE_SET_DICT(t, dict) \
    MP_OBJ_TYPE_SET_SLOT((t), locals_dict, (dict), (t)->slot_index_locals_dict - 1)
// Replace the print function of a class MicroPython made (py/objtype.c
// mp_obj_new_type gives every class instance_print): typeobject.c's
// CPython repr of the classes Cython code makes. Checked by the class_repr
// behaviour test.
#define MPCY_TYPE_SET_PRINT(t, fun) \
    MP_OBJ_TYPE_SET_SLOT((t), print, (fun), (t)->slot_index_print - 1)
// The same for make_new (mp_obj_instance_make_new; the class's __init__
// then runs with the built-in part made: pyclass_builtin_base behaviour test).
#define MPCY_TYPE_SET_MAKE_NEW(t, fun) \
    MP_OBJ_TYPE_SET_SLOT((t), make_new, (fun), (t)->slot_index_make_new - 1)

// A released memoryview (memoryview.__exit__, mpcy_objectshims.c) is made
// empty: py/objarray.h's len 0, items NULL (no element is read then, and
// the exporter's memory is no longer referenced). Checked by the
// builtin_dunder behaviour test.
#include "py/objarray.h"
static inline void mpcy_memoryview_release(mp_obj_t mv) {
    mp_obj_array_t *a = MP_OBJ_TO_PTR(mv);
    a->len = 0;
    a->items = NULL;
}

// An instance of a Python class with the built-in base `base` whose
// built-in part is not made yet: py/objtype.c puts a placeholder
// (native_base_init_wrapper_obj) in subobj[0] until __init__ returns or calls
// super().__init__(), which makes the part with the base's make_new.
// T.__init__(self, ...) from Cython code makes it the same way
// (mpcy_objectshims.c). Checked by the builtin_dunder behaviour test.
static inline bool mpcy_native_unmade(mp_obj_t o, const mp_obj_type_t *base) {
    if (!mp_obj_is_obj(o) || !mp_obj_is_instance_type(mp_obj_get_type(o))
        || !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(o)), MP_OBJ_FROM_PTR(base))) {
        return false;
    }
    mp_obj_t part = ((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->subobj[0];
    return !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(part)), MP_OBJ_FROM_PTR(base));
}

#ifndef MPCY_NATMOD
// ---- State fields ----------------------------------------------------------------
// The head of the tracked-allocation list (py/malloc.c): pymem.c finds the
// offset from a node to its data with it; after a soft reset it still points
// into the swept heap and importdl.c clears it. The mem_balance behaviour
// test walks the list (its nodes start with prev and next) to count blocks.
#define MPCY_TRACKED_HEAD MP_STATE_VM(m_tracked_head)

// The C stack limit of MP_STACK_CHECK (py/stackctrl.c), read by direct
// Cython-to-Cython calls (call.c), which check the stack without an nlr frame.
#define MPCY_STACK_LIMIT_REACHED() (mp_stack_usage() >= MP_STATE_THREAD(stack_limit))

// gc.threshold(0) without the gc module: a collection before every
// allocation (pylifecycle.c, ./mpcython embed --gc-stress).
#define MPCY_GC_ALLOC_THRESHOLD MP_STATE_MEM(gc_alloc_threshold)

// A C thread that MicroPython did not start gets a thread state as
// py/modthread.c's thread_entry makes one (pystate.c mpcy_foreign_begin): the
// fields set there are those thread_entry sets; check when mp_state_thread_t
// gains fields.
#define MPCY_MAIN_THREAD_GLOBALS MP_STATE_MAIN_THREAD(dict_globals)

// A KeyboardInterrupt is pending: MicroPython raises it in the main thread
// only, which finds it in its thread state's pending exception
// (py/scheduler.c). Read without the GIL by a lock wait that an interrupt
// may end (thread.c; no test sends a signal).
#define MPCY_INTERRUPT_PENDING() \
    (mp_thread_get_state() == &mp_state_ctx.thread && MP_STATE_MAIN_THREAD(mp_pending_exception) != MP_OBJ_NULL)

#endif

// ---- Link-time wraps ------------------------------------------------------------
// Every port collects with gc_collect_start(), its own root scan, then
// gc_collect_end(): wrapping gc_collect_start (-Wl,--wrap, runtime/
// micropython.mk and micropython.cmake) adds the registered static variables
// of compiled modules to every collection without editing a port
// (mpcy_roots.c). The embed port's gc_collect is the layer's own
// (pylifecycle.c).
void __real_gc_collect_start(void);
void __wrap_gc_collect_start(void);
// The unix port's collector signals each thread it started to scan its own
// stack (ports/unix/mpthreadport.c mp_thread_gc_others); wrapping it
// (--wrap=mp_thread_gc_others, passed by the driver) does the same for C
// threads inside PyGILState_Ensure (pystate.c).
void __real_mp_thread_gc_others(void);
void __wrap_mp_thread_gc_others(void);

// ---- What the layer takes as never raising ------------------------------------
// Collecting garbage runs the finalisers of what it frees (__del__, a spec
// type's tp_dealloc), each under mp_call_function_1_protected, which prints
// what one raises; MicroPython's allocators that answer NULL (m_malloc_maybe,
// m_tracked_calloc) rely on a collection raising nothing, and so do the
// layer's (PyMem_Malloc, mpcy_float_new_maybe, PySlice_New). The nlr lint
// (tests/lint/nlr.py) reads the next line.
// nlr-lint: never raises: gc_collect, gc_sweep_all
// A type's buffer slot reports that it has none by its result: mp_get_buffer
// answers false (mp_get_buffer_raise is the one that raises), and the layer's
// own slot for spec types (mpcy_spectype.c) clears the error of the C one.
// nlr-lint: never raises: mp_get_buffer

// ---- Hooks and replaced port files -------------------------------------------
// builtins.__import__ and __build_class__ are overridden through
// MICROPY_CAN_OVERRIDE_BUILTINS's override dict (py/modbuiltins.c,
// MP_STATE_VM(mp_module_builtins_override_dict)), by bltinmodule.c only.
// On unix, MICROPY_PORT_INIT_FUNC (force-included by runtime/mpcy_port.h)
// installs the .so loader (dynload.c). In a program built by `./mpcython
// embed`, pylifecycle.c replaces the embed port's embed_util.c (gc_collect,
// nlr_jump_fail, mp_import_stat, mp_lexer_new_from_file), which the driver
// leaves out.
#endif
