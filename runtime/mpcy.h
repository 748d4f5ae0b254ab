// What the layer's runtime files share and nothing outside them sees: every
// runtime/*.c includes this (and, through it, the API, the error boundary
// and the MicroPython internals it relies on). Declarations are grouped by
// the file that defines them.
#ifndef MPCY_INTERNAL_H
#define MPCY_INTERNAL_H
#include "Python.h"
#include "mpcy_glue.h"
#include "mpcy_nlr.h"
#include "mpcy_mpprivate.h"
#include "py/objfun.h"
#include "py/bc.h"
#include "py/objlist.h"
#include "py/objtuple.h"
#include "py/smallint.h"

// Thread-local storage where the port has threads (`__thread`: the
// compiler's, which the ports' threads have).
#if MICROPY_PY_THREAD
#define MPCY_THREAD_LOCAL __thread
#else
#define MPCY_THREAD_LOCAL
#endif

// ---- Static tables that name qstrs --------------------------------------------
// A qstr is a constant in every build but the natmod flavour, where a table
// that names one (argument tables, qstr arrays, switch cases) gets a
// constant marker instead and a fix function that replaces the markers at
// import (include/mpcy_natmod.h). Here they are the plain forms:
// MPCY_Q(MP_QSTR_x): a qstr in a static initialiser or a case label;
// MPCY_QSWITCH(q): the qstr a switch with such labels tests; MPCY_QCONST:
// the const of a table a natmod completes at import; MPCY_FIX_ARGS(table),
// MPCY_FIX_QSTRS(table): after such a table (an mp_arg_t one: its names and
// default objects; an array of qstrs); MPCY_FIX_QFIELD(table, field): after
// a table of structures with a qstr field.
#ifndef MPCY_NATMOD
#define MPCY_Q(q) (q)
#define MPCY_QSWITCH(q) (q)
#define MPCY_QCONST const
#define MPCY_FIX_ARGS(table) struct mpcy_fix_unused_##table
#define MPCY_FIX_QSTRS(table) struct mpcy_fix_unused_##table
#define MPCY_FIX_QFIELD(table, field) struct mpcy_fix_unused_##table
// static for a local table of the builtins' types (in a natmod they are
// known at run time only: the table is automatic there).
#define MPCY_TYPES_STATIC static
// A MicroPython type no builtin names (mp_type_NAME) in a constant table:
// the natmod flavour finds it at import.
#define MPCY_ROM_TYPE(name) MP_ROM_PTR(&mp_type_##name)
// A static variable that points to C heap memory (malloc), which is the GC
// heap in a natmod: there it is scanned (include/mpcy_natmod.h).
#define MPCY_STATIC_ROOT static
// A function address from a module's static table (a type's slots) as the
// layer compares it with one of its own: a module of the natmod flavour's
// shared runtime names the layer's functions through trampolines.
#define mpcy_natmod_fn(f) (f)
// A module object whose type the natmod flavour sets at import.
#define MPCY_DEFINE_MODULE(name, globals_dict) \
    const mp_obj_module_t name = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&globals_dict, }
#endif

// ---- Types made from a PyType_Spec (typeobject.c, mpcy_spectype.c) --------
// Slot numbers of CPython's typeslots.h are 1..MPCY_SLOT_MAX-1.
#define MPCY_SLOT_MAX (Py_tp_token + 1)

// A MicroPython type followed by the CPython slots it was given (so
// PyType_GetSlot can answer): only those it has (its own, inherited and the
// layer's defaults), found through a byte per slot number, so a type costs
// MPCY_SLOT_MAX bytes and a pointer per slot it has, not a pointer per slot
// number.
typedef struct _mpcy_type_t {
    mp_obj_full_type_t mp;
    const char *tp_name;        // "module.Name", as CPython's tp_name
    Py_ssize_t basicsize;
    Py_ssize_t itemsize;
    unsigned long flags;
    Py_ssize_t dictoffset;
    Py_ssize_t vectorcalloffset;
    PyObject *module;
    PyObject *bases;            // tuple
    const mp_obj_type_t *base;  // first base (a MicroPython type)
    mp_obj_t inst_descrs;       // dict: instance descriptors named as mpcy_is_type_name
    const mp_obj_type_t *native; // a built-in base: its instance is the built-in part (mpcy_nativebase.c)
    uint8_t slot_at[MPCY_SLOT_MAX];  // 1 + index in slots of slot N; 0: none
    void *slots[];
} mpcy_type_t;

// The names of a type's own strings, which its instances may have
// descriptors of (kept in inst_descrs: mpcy_type_fill_dict).
static inline bool mpcy_is_type_name(qstr q) {
    return q == MP_QSTR___module__ || q == MP_QSTR___qualname__ || q == MP_QSTR___doc__;
}

// The CPython slot N of a spec type, or NULL.
static inline void *mpcy_slot(const mpcy_type_t *t, int slot) {
    unsigned i = t->slot_at[slot];
    return i ? t->slots[i - 1] : NULL;
}
// Set slot N, which mpcy_type_alloc made room for.
static inline void mpcy_slot_set(mpcy_type_t *t, int slot, void *f) {
    assert(t->slot_at[slot] != 0);
    t->slots[t->slot_at[slot] - 1] = f;
}
// typeobject.c: a new spec type with room for the slots whose numbers are
// set in HAVE and those of BASE (NULL or a spec type), whose values it
// inherits (CPython's inherit_slots).
mpcy_type_t *mpcy_type_alloc(bool have[MPCY_SLOT_MAX], const mpcy_type_t *base);

// typeobject.c: a new zeroed instance of TYPE (raises MemoryError), as
// PyType_GenericAlloc gives it.
mp_obj_base_t *mpcy_instance_new(PyTypeObject *type, Py_ssize_t nitems);
// Cython's tp_new in Limited API mode does not check what tp_alloc returns
// (`o = alloc_func(t, 0);`, then o is used), so a full heap there would be a
// NULL dereference. make_new, where MicroPython may raise, allocates the
// instance first (MemoryError from there; a plain `object` until taken, so
// that a block nobody takes has no finaliser to run) and
// PyType_GenericAlloc hands it out to the first allocation of that type in
// this thread. Saved and restored around each tp_new call; C slots do not
// raise (tests/lint/nlr.py), so no restore is skipped.
typedef struct {
    PyTypeObject *type;
    mp_obj_base_t *obj;
} mpcy_reserved_t;
extern MPCY_THREAD_LOCAL mpcy_reserved_t mpcy_reserved;

// The make_new slot of every spec type, which tells them from other types.
mp_obj_t mpcy_type_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
#define MPCY_IS_SPEC_TYPE(t) (MP_OBJ_TYPE_GET_SLOT_OR_NULL((const mp_obj_type_t *)(t), make_new) == mpcy_type_make_new)

static inline MP_ALWAYSINLINE mpcy_type_t *mpcy_spec_type(const mp_obj_type_t *t) {
    return MPCY_IS_SPEC_TYPE(t) ? (mpcy_type_t *)t : NULL;
}
// The slot of a spec type, or NULL (also for MicroPython's own types).
static inline void *mpcy_type_slot(const mp_obj_type_t *t, int slot) {
    mpcy_type_t *st = mpcy_spec_type(t);
    return st ? mpcy_slot(st, slot) : NULL;
}

// typeobject.c: the attribute `attr` along the bases of `type`; whether a
// Python class defines the method `name`.
mp_obj_t mpcy_type_lookup(const mp_obj_type_t *type, qstr attr);
// CPython's repr of the instances of a Python class made from Cython code,
// and the built-in part of a dict (list, ...) subclass made before __init__.
void mpcy_cython_class(mp_obj_t cls);
// `type` and its bases in MicroPython's lookup order (depth first, left to
// right) until `visit` returns an object, which is the result;
// MP_OBJ_SENTINEL from `visit` leaves out that type's bases.
typedef mp_obj_t (*mpcy_type_visit_t)(const mp_obj_type_t *type, void *ctx);
mp_obj_t mpcy_type_walk(const mp_obj_type_t *type, mpcy_type_visit_t visit, void *ctx);
// exceptions.c: CPython's str() (kind PRINT_STR) or repr() of an exception
// whose class defines neither; MP_OBJ_NULL for any other object.
mp_obj_t mpcy_exception_text(mp_obj_t o, mp_print_kind_t kind);
// mpcy_subclass.c: whether `t` is the shadow a Python subclass has of its cdef base.
bool mpcy_is_shadow_base(const mp_obj_type_t *t);
// A subtype's instance layout as its base's (size, dict, vectorcall, built-in part).
void mpcy_type_inherit_layout(mpcy_type_t *t, const mpcy_type_t *bt);
// `attr` in the dict of `type` itself (none in object's).
mp_obj_t mpcy_type_own_attr(const mp_obj_type_t *type, qstr attr);
// The same where the memo of where it was found last answers (raising
// nothing), else MP_OBJ_NULL: absent, or not remembered.
mp_obj_t mpcy_type_own_memo(const mp_obj_type_t *type, qstr attr);
bool mpcy_class_has(const mp_obj_type_t *t, qstr name);
int mpcy_class_has_first(const mp_obj_type_t *t, const qstr *names, size_t n);
// genobject.c: the am_* slots of MicroPython's own types (PyType_GetSlot).
void *mpcy_async_slot(const mp_obj_type_t *t, int slot);
// The keyword arguments of a MicroPython call as a dict (MP_OBJ_NULL for none),
// for a C slot's kwargs.
mp_obj_t mpcy_kw_dict(mp_map_t *kw);
// The same in spec types and Python classes only (a built-in base's attributes
// are its built-in part's: mpcy_generic_attr).
mp_obj_t mpcy_type_lookup_own(const mp_obj_type_t *type, qstr attr);
// mpcy_spectype.c: give a spec type its MicroPython slots (call, attr,
// binary_op, ...), which call the CPython slots in t->slots; __del__ of spec
// types (the GC finaliser runs tp_dealloc).
void mpcy_type_set_slots(mpcy_type_t *t);
MP_DECLARE_CONST_FUN_OBJ_1(mpcy_del_obj);
// A destructor run by the GC's finaliser (tp_dealloc, a capsule's): a pending
// error put aside, its own error reported as unraisable.
void mpcy_run_finaliser(destructor d, mp_obj_t self);
// mpcy_nativebase.c: a cdef class with a built-in base (refused with
// TypeError where MicroPython cannot have one), and the built-in type's
// tp_new, tp_init and tp_dealloc that PyType_GetSlot gives.
void mpcy_native_base_check(const char *name, const mp_obj_type_t *base);
// Whether built-in type t's __new__ makes an empty object its __init__ fills.
bool mpcy_native_filled_by_init(const mp_obj_type_t *t);
PyObject *mpcy_slot_native_new(PyTypeObject *type, PyObject *args, PyObject *kw);
int mpcy_slot_native_init(PyObject *self, PyObject *args, PyObject *kw);
void mpcy_slot_native_dealloc(PyObject *self);
// super().__init__ of such a class, reaching its built-in base (bltinmodule.c).
MP_DECLARE_CONST_FUN_OBJ_KW(mpcy_native_init_obj);
// The built-in part of an instance of a spec type with a built-in base.
static inline mp_obj_t mpcy_native_part(mp_obj_t self) {
    return ((mpcy_subnative_t *)MP_OBJ_TO_PTR(self))->native;
}
// mpcy_subclass.c: Python classes with a cdef class base.
bool mpcy_has_spec_base(mp_obj_t bases);
void mpcy_set_names(mp_obj_t cls);
mp_obj_t mpcy_new_class(mp_obj_t cls);
mp_obj_t mpcy_type_from_class(mp_obj_t name, mp_obj_t bases, mp_obj_t dict);
// mpcy_objectshims.c: a type's attribute, with object's methods that
// MicroPython lacks; object.__init__.
mp_obj_t mpcy_type_load_attr(mp_obj_t type, qstr attr, bool raise);
MP_DECLARE_CONST_FUN_OBJ_VAR(mpcy_object_init_obj);
// An attribute CPython's built-in object or type has and MicroPython's
// lacks, as a callable: a method (int.bit_length, str.expandtabs, ...; bound
// to the object's built-in part), or a special method (__iter__, __len__,
// __getitem__, __contains__, __next__, __reversed__) that MicroPython
// implements through a slot; MP_OBJ_NULL for other names and objects.
mp_obj_t mpcy_native_attr(mp_obj_t o, qstr attr);
// CPython's TypeError unless a method `t.name()` got self alone (raises).
void mpcy_noargs(const mp_obj_type_t *t, qstr name, size_t n_args, mp_map_t *kw);
// longobject.c, floatobject.c, bytesobject.c: those methods of int, float,
// and str/bytes/bytearray.
extern const mp_obj_dict_t mpcy_long_methods;
extern const mp_obj_dict_t mpcy_float_methods;
extern const mp_obj_dict_t mpcy_bytes_methods;
// longobject.c: int.from_bytes with CPython's arguments, for C code.
extern const mp_obj_fun_builtin_var_t mpcy_int_from_bytes_obj;

// ---- object.c ------------------------------------------------------------------
// An attribute name as a qstr (raises TypeError for another object).
qstr mpcy_qstr(PyObject *name);
// mp_load_attr, with mpcy_type_load_attr for types.
mp_obj_t mpcy_load_attr(mp_obj_t o, qstr attr);
// mp_load_method, with the special methods of built-in objects
// (mpcy_native_attr) for an object that has no such attribute.
void mpcy_load_method(mp_obj_t o, qstr attr, mp_obj_t *dest);
// PyObject_GenericGetAttr/SetAttr of spec types over MicroPython's dest protocol.
void mpcy_generic_attr(mp_obj_t self, qstr attr, mp_obj_t *dest);
// Raise CPython's "unhashable type" for a mutable built-in.
void mpcy_check_hashable(mp_obj_t key);
// A type's name for messages ("module.Name" for spec types).
const char *mpcy_type_name(const mp_obj_type_t *t);
// MicroPython's built-in function objects; a method of a built-in object
// bound to it as CPython's builtin method (methodobject.c).
bool mpcy_is_native_fun(mp_obj_t f);
extern const mp_obj_type_t mpcy_type_builtin_method;
// The method `fun` of built-in type t as CPython's method descriptor (self
// MP_OBJ_NULL: `int.bit_length`, checks its first argument) or bound to self.
mp_obj_t mpcy_native_method_new(const mp_obj_type_t *t, qstr name, mp_obj_t fun, mp_obj_t self);
// CPython's names of a MicroPython built-in function (`len.__name__`) and of
// a method MicroPython bound to a built-in object (`[].append.__qualname__`);
// MP_OBJ_NULL where not known.
mp_obj_t mpcy_native_fun_attr(mp_obj_t fun, qstr attr);
mp_obj_t mpcy_native_bound_attr(mp_obj_t bound, qstr attr);

// An object of SIZE bytes of type TYPE, or NULL when the heap is full; raises
// nothing (the fast paths and the emergency paths allocate with it).
static inline void *mpcy_obj_new_maybe(const mp_obj_type_t *type, size_t size) {
    mp_obj_base_t *o = m_malloc_maybe(size);
    if (o != NULL) {
        o->type = type;
    }
    return o;
}

// mpcy_native with the exact type tested inline: the API functions' fast path.
static inline PyObject *mpcy_as_native(PyObject *o, const mp_obj_type_t *t) {
    return o != NULL && mp_obj_is_exact_type(MPCY_OBJ(o), t) ? o : mpcy_native(o, t);
}

// Defines PyObject *NAME(const char *fmt, ...) as its va_list form VNAME
// (PyUnicode_FromFormat, PyBytes_FromFormat).
#define MPCY_DEFINE_FORMAT_VARARGS(name, vname) \
    PyObject *name(const char *fmt, ...) { \
        va_list va; \
        va_start(va, fmt); \
        PyObject *r = vname(fmt, va); \
        va_end(va); \
        return r; \
    }

// Defines int NAME(char *str, size_t size, const char *fmt, ...) as
// vsnprintf (PyOS_snprintf, and natmod's own snprintf).
#define MPCY_DEFINE_SNPRINTF(name) \
    int name(char *str, size_t size, const char *fmt, ...) { \
        va_list va; \
        va_start(va, fmt); \
        int n = vsnprintf(str, size, fmt, va); \
        va_end(va); \
        return n; \
    }

// A doubly linked list with a head pointer, of nodes with prev and next
// (PyMem's natmod blocks, the threads' error slots): push a node at the
// head, unlink one.
#define MPCY_DLIST_PUSH(head, node) do { \
        (node)->prev = NULL; \
        (node)->next = (head); \
        if ((node)->next != NULL) { \
            (node)->next->prev = (node); \
        } \
        (head) = (node); \
} while (0)
#define MPCY_DLIST_UNLINK(head, node) do { \
        if ((node)->prev != NULL) { \
            (node)->prev->next = (node)->next; \
        } else { \
            (head) = (node)->next; \
        } \
        if ((node)->next != NULL) { \
            (node)->next->prev = (node)->prev; \
        } \
} while (0)

// ---- errors.c (setting an error: PyErr_Format and the other CPython functions)
// Raise (nlr) with a message in PyUnicode_FromFormat's format (%R, %S, ...).
NORETURN void mpcy_raise(const mp_obj_type_t *type, const char *fmt, ...);
// CPython's SystemError for a NULL or wrong-type argument `o` of `what`; -1.
int mpcy_bad_type(PyObject *o, const char *what);
// Text to a printer in mp_printf's format; an exception with its traceback
// to sys.stderr. Neither raises (what a replaced sys.stderr raises is dropped).
void mpcy_print(const mp_print_t *print, const char *fmt, ...);
void mpcy_print_exception(mp_obj_t e);
// An exception's frames as CPython prints a traceback, without the last line.
void mpcy_print_frames(const mp_print_t *print, mp_obj_t e);

// ---- sysmodule.c: sys attributes Cython code sets (sys.stdout = ...) ---------
// The value set through the layer, or MP_OBJ_NULL; cannot raise.
mp_obj_t mpcy_sys_get(qstr attr);
// sys.attr = v (MP_OBJ_NULL: del), as on CPython.
void mpcy_sys_set(qstr attr, mp_obj_t v);
// The printer of sys.stdout or sys.stderr (MP_QSTR_stdout / MP_QSTR_stderr):
// MicroPython's, or `buf` writing to the object Cython code put there.
const mp_print_t *mpcy_sys_printer(qstr stream, mp_print_t *buf);
// `buf` as a printer that calls FILE.write(text); returns it.
const mp_print_t *mpcy_file_printer(mp_obj_t file, mp_print_t *buf);

// ---- Fast paths: operations that cannot raise, so need no nlr frame --------
// (an nlr_push/nlr_pop pair costs more than a small-int add; on the unix
// port with threads each one also reads the thread state.)
// abstract.c: small-int and float arithmetic and comparisons: the result, or
// MP_OBJ_NULL when the operands are other types, the result is not a small
// int, a divisor is zero or the heap is full (then take the general path,
// under an nlr frame).
mp_obj_t mpcy_binary_op_fast(mp_binary_op_t op, mp_obj_t a, mp_obj_t b);
#if MICROPY_PY_BUILTINS_FLOAT
// floatobject.c: a float object, or MP_OBJ_NULL when the heap is full.
mp_obj_t mpcy_float_new_maybe(mp_float_t v);
#endif

// Item i of an exact list or tuple (negative i counts from the end), or
// MP_OBJ_NULL when o is something else or i is out of range.
static inline mp_obj_t mpcy_seq_item_fast(mp_obj_t o, mp_int_t i) {
    size_t n;
    mp_obj_t *items;
    if (mp_obj_is_exact_type(o, &mp_type_list)) {
        n = ((mp_obj_list_t *)MP_OBJ_TO_PTR(o))->len;
        items = ((mp_obj_list_t *)MP_OBJ_TO_PTR(o))->items;
    } else if (mp_obj_is_exact_type(o, &mp_type_tuple)) {
        n = ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(o))->len;
        items = ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(o))->items;
    } else {
        return MP_OBJ_NULL;
    }
    if (i < 0) {
        i += n;
    }
    return (mp_uint_t)i < n ? items[i] : MP_OBJ_NULL;
}

// Store into an exact list at an index in range; false if not done.
static inline bool mpcy_list_store_fast(mp_obj_t o, mp_int_t i, mp_obj_t v) {
    if (!mp_obj_is_exact_type(o, &mp_type_list)) {
        return false;
    }
    mp_obj_list_t *l = MP_OBJ_TO_PTR(o);
    if (i < 0) {
        i += l->len;
    }
    if ((mp_uint_t)i >= l->len) {
        return false;
    }
    l->items[i] = v;
    return true;
}

// ---- iterobject.c: iterators -------------------------------------------------------
// iter(o) as CPython's (raises): an iterator over a dict, its views or a set
// raises RuntimeError when the container changes size during the iteration.
mp_obj_t mpcy_getiter(mp_obj_t o);
// next(o) as CPython's (raises; MP_OBJ_STOP_ITERATION at the end, as mp_iternext).
mp_obj_t mpcy_iternext(mp_obj_t o);
// A Python class's __next__ to call for next(o) into DEST (true), or false
// where mp_iternext is next(o); raises TypeError without __next__.
bool mpcy_next_method(mp_obj_t o, mp_obj_t *dest);
// Its common case: a function __next__ of the class itself (false: any other).
bool mpcy_own_next(mp_obj_t o, mp_obj_t *dest);
// The same for a function __iter__ in the class's own dict (raises).
bool mpcy_own_iter(mp_obj_t o, mp_obj_t *dest);

// ---- rangeobject.c -------------------------------------------------------------
// range(*args) called from C code: CPython's for ints beyond a machine word.
mp_obj_t mpcy_range_call(size_t n_args, const mp_obj_t *args);

// ---- call.c, tupleobject.c, methodobject.c: calls ------------------------------
// Argument arrays of up to this many words are built on the C stack, larger
// ones on the GC heap and left to the collector: m_del of a small block
// leaves a hole that gc_alloc rescans from on every later allocation, which
// made each keyword call cost time in proportion to the heap in use.
#define MPCY_STACK_ARGS 16
#define MPCY_ARGS_BUF(buf, n) ((n) <= MPCY_STACK_ARGS ? (buf) : m_new(mp_obj_t, (n)))
// A vectorcall (values, then a tuple of keyword names) made the MicroPython way.
mp_obj_t mpcy_call_vec(mp_obj_t fun, mp_obj_t const *args, size_t nargs, mp_obj_t kwnames);
// TypeError when a keyword name comes twice (callee `fun`, or `name` when
// fun is MP_OBJ_NULL).
void mpcy_kw_unique(mp_obj_t fun, const char *name, size_t n_args, size_t n_kw, const mp_obj_t *args);
// MicroPython's arguments as a tuple and a dict (NULL without keywords).
void mpcy_split_args(size_t n_args, size_t n_kw, const mp_obj_t *args, PyObject **targs, PyObject **kwargs);
// A tuple of `n` items, or NULL with the error set.
PyObject *mpcy_tuple_from_array(size_t n, const mp_obj_t *items);
// Call a PyMethodDef function with MicroPython's arguments (raises).
mp_obj_t mpcy_call_methoddef(const PyMethodDef *ml, PyObject *self, PyTypeObject *cls, size_t n_args, size_t n_kw, const mp_obj_t *args);

// ---- longobject.c, floatobject.c: numbers from text ----------------------------
// int(text, base) with CPython's error message (raises).
mp_obj_t mpcy_long_from_text(const char *s, size_t len, int base, mp_obj_t text_obj);
// float(text) for str/bytes/bytearray with CPython's error message (raises).
mp_obj_t mpcy_float_from_text(mp_obj_t s);
// The str, bytes or bytearray that `o` is (of a subclass too), else MP_OBJ_NULL.
mp_obj_t mpcy_text(PyObject *o);
// unicodeobject.c: the ASCII text int() and float() parse in a str (Unicode
// white space and decimal digits as ASCII) or a bytes-like object, into v (raises).
void mpcy_number_ascii(mp_obj_t text, vstr_t *v);

// ---- unicodeobject.c, codecs.c: strings ----------------------------------------
// PyUnicode_FromFormat's formatting, as a str (raises).
mp_obj_t mpcy_str_from_fmt(const char *fmt, va_list va);
// PyUnicode_FromFormat's format into `vp` (%s %d %R %S ...; `raw`: the bytes
// variant). Runs MicroPython code: call under nlr.
void mpcy_vformat(vstr_t *vp, const char *fmt, va_list va, bool raw);
// The data and length of a str or bytes object `o` (the caller has checked
// it is one): mp_obj_str_get_data without its TypeError for other objects.
static inline const char *mpcy_str_data(mp_obj_t o, size_t *len) {
    GET_STR_DATA_LEN(o, data, n);
    *len = n;
    return (const char *)data;
}
// The str `u` is (mpcy_native), else MP_OBJ_NULL with CPython's TypeError.
mp_obj_t mpcy_str_check(PyObject *u);
// codecs.c: the length of the well-formed UTF-8 sequence at s (n > 0 bytes
// left), or 0 with *bad and CPython's *reason for the ill-formed bytes.
size_t mpcy_utf8_seq(const byte *s, size_t n, size_t *bad, const char **reason);
// codecs.c: 0 if the UTF-8 of a str can be encoded to UTF-8 (has no
// surrogate), else -1 with CPython's UnicodeEncodeError.
int mpcy_utf8_check(const char *d, size_t n);
// codecs.c: CPython's bytes.decode (bytes, bytearray) or str.encode for
// `attr` of `self`, a function taking self first; else MP_OBJ_NULL.
mp_obj_t mpcy_codec_method(mp_obj_t self, qstr attr);
// bytearrayobject.c: CPython's bytearray.append for `attr` of `self` (an exact
// bytearray), a function taking self first; else MP_OBJ_NULL.
mp_obj_t mpcy_bytearray_method(mp_obj_t self, qstr attr);

// ---- sliceobject.c ---------------------------------------------------------------
// mp_obj_subscr(o, key, value), with CPython's result where MicroPython's
// subscript takes no slice step or deletes nothing (str, bytes, tuple,
// bytearray; list assignment and deletion) and where a dict takes an
// unhashable key. Raises.
mp_obj_t mpcy_subscr(mp_obj_t o, mp_obj_t key, mp_obj_t value);

// ---- mpcy_instancedict.c: obj.__dict__ of a MicroPython instance, writable ----
mp_obj_t mpcy_instance_dict_new(mp_obj_t inst);
mp_map_t *mpcy_instance_dict_map(mp_obj_t self);
// dictobject.c: the map of what PyDict_Check accepts (a dict, a subclass
// instance's dict part, an instance's __dict__); NULL for anything else.
mp_map_t *mpcy_dict_map_or_null(PyObject *d);
// dict(x) as CPython's: a mapping (an object with keys(), such as an instance
// of a dict subclass) is merged, anything else is key-value pairs.
mp_obj_t mpcy_dict_from(mp_obj_t x);

// ---- genericaliasobject.c: types.GenericAlias ---------------------------------
extern const mp_obj_type_t mpcy_type_generic_alias;

// ---- descrobject.c --------------------------------------------------------------
extern const mp_obj_type_t mpcy_type_getset_descr;
extern const mp_obj_type_t mpcy_type_member_descr;
// Read and write through a getset or member descriptor (CPython convention).
PyObject *mpcy_getset_get(mp_obj_t descr, mp_obj_t self);
int mpcy_getset_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value);
PyObject *mpcy_member_get(mp_obj_t descr, mp_obj_t self);
int mpcy_member_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value);
// Store in `dict` a slot wrapper (CPython's wrapper_descriptor) for each of
// the spec's own slots that Python code reaches by name: __init__, __get__,
// __set__, __delete__ (names already in the dict win).
void mpcy_add_slot_wrappers(mpcy_type_t *t, const PyType_Spec *spec, mp_obj_t dict);
// descrobject.c: for a spec type instance SELF, the special method ATTR
// (obj.__len__, obj.__add__, obj.__await__, ...) bound to SELF when its type
// has that slot; dest untouched otherwise.
void mpcy_special_method_attr(mp_obj_t self, qstr attr, mp_obj_t *dest);

// ---- bltinmodule.c ------------------------------------------------------------------
// The builtins module Cython uses.
PyObject *mpcy_builtins_module(void);
// Once, at the first module init: the layer's __build_class__.
void mpcy_install_hooks(void);
// builtins.`name` as overridden (MICROPY_CAN_OVERRIDE_BUILTINS), or
// MP_OBJ_NULL; and overriding it (returns the previous override). Raises.
mp_obj_t mpcy_builtin_override(qstr name);
mp_obj_t mpcy_set_builtin_override(qstr name, mp_obj_t value);

// ---- mpcy_roots.c: GC roots (docs/design.md, "GC roots") ---------------------------
// Keep an allocation alive for as long as the interpreter runs.
void mpcy_keep(void *p);
// While a module's init runs, what it keeps goes to this list (itself kept).
extern mp_obj_t mpcy_keep_list;
// Scan the registered static variables of compiled modules (every collection).
void mpcy_gc_scan_statics(void);
mp_obj_t mpcy_static_text(const mp_obj_type_t *type, const char *s, size_t n);
// Around a module's init and exec (importdl.c): whose text mpcy_static_text reads.
const mpcy_statics_t *mpcy_init_text_begin(void);
void mpcy_init_text_end(const mpcy_statics_t *prev);
// pystate.c: before each call a Cython module makes, give other threads
// their turn at the GIL now and then, as MicroPython's VM does.
#if MICROPY_PY_THREAD && MICROPY_PY_THREAD_GIL
void mpcy_call_tick(void);
#else
static inline void mpcy_call_tick(void) {
}
#endif
#if MPCY_ERR_PER_THREAD
// pystate.c: every thread's error indicator, scanned with the statics;
// cleared when the heap is gone.
void mpcy_err_scan(void);
void mpcy_err_forget(void);
#endif
// Forget the layer's roots when the heap they point into is gone.
void mpcy_forget_roots(void);

// ---- moduleobject.c, import.c, importdl.c: modules and import ----------------------
// The static stub of a module being initialised by the import glue, and its
// name: the module object Cython creates is this stub, so `import x` returns
// it.
extern mp_obj_module_t *mpcy_pending_stub;
extern const char *mpcy_pending_name;
// The stub of the module whose init function is running, or NULL.
extern mp_obj_module_t *mpcy_running_init;
// MicroPython's module object over a constant globals table (its built-in
// modules' pattern): the dict MODULE_globals and the module MODULE.
#define MPCY_DEFINE_CONST_MODULE(module, table) \
    static MP_DEFINE_CONST_DICT(module##_globals, table); \
    MPCY_DEFINE_MODULE(module, module##_globals)
// Call a PyInit_ function with STUB pending as the module it creates, named
// NAME: its result, or NULL with the error indicator set (an exception that
// escapes the init through nlr becomes the indicator).
PyObject *mpcy_module_call_init(PyObject *(*initfunc)(void), mp_obj_module_t *stub, const char *name);
// The type of a PyModuleDef returned by a multi-phase PyInit function.
extern const mp_obj_type_t mpcy_type_moduledef;
#if MPCY_EMBED
// Forget the modules of an interpreter that Py_FinalizeEx ended.
void mpcy_forget_modules(void);
#endif
// import.c: put the layer's __import__ hook (inittab, frozen modules) in
// front of the current one, once per interpreter.
void mpcy_import_install(void);
// import.c: builtins.__import__ as C code sees it (the stand-ins included).
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_import_builtin_obj);
// importdl.c: import a module through its PyInit_ function (a heap stub).
mp_obj_t mpcy_module_load(PyObject *(*initfunc)(void), const char *name);

// ---- pythonrun.c ----------------------------------------------------------------------
// A traceback object for Cython code that passes one around (`with` hands
// it to __exit__): MicroPython keeps the entries inside the exception, so it
// only refers to the exception.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t exc;
} mpcy_traceback_t;
// The traceback object last made (mpcy_traceback_of), if it stands for EXC
// (then an exception), else MP_OBJ_NULL: asked again for the same exception,
// it is given again. Cython asks for the handled exception's on every
// coroutine resume and `try` (PyErr_GetExcInfo), and MicroPython keeps that
// exception set.
static inline mp_obj_t mpcy_traceback_last_for(mp_obj_t exc) {
    mp_obj_t tb = MP_STATE_VM(mpcy_traceback_last);
    return tb != MP_OBJ_NULL && ((mpcy_traceback_t *)MP_OBJ_TO_PTR(tb))->exc == exc ? tb : MP_OBJ_NULL;
}
// A traceback object standing for an exception's own entries.
mp_obj_t mpcy_traceback_of(mp_obj_t exc);
mp_obj_t mpcy_traceback_exc(mp_obj_t tb);
// sys._getframe() for code run by PyEval_EvalCode.
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_getframe_obj);

// ---- pylifecycle.c: embedding ------------------------------------------------------------
// In a program built by `./mpcython embed` the interpreter starts at
// Py_Initialize; the API's entry points check that it did, and stop with a
// fatal error naming the function if not. In a MicroPython executable it is
// always running and the check is compiled out.
#if MPCY_EMBED
extern bool mpcy_initialized;
NORETURN void mpcy_not_initialized(const char *func);
#define MPCY_CHECK_INIT(func) do { if (!mpcy_initialized) { mpcy_not_initialized(func); } } while (0)
#else
#define MPCY_CHECK_INIT(func) (void)0
#endif
#endif
