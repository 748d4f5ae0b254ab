// The layer's own names beside CPython's: what the macros and inline
// functions of the CPython headers here expand to, so they end up in the C
// code of Cython's and hand-written extension modules, and what the driver's
// generated wrapper compiles into each module. They are kept out of the
// CPython headers so that those say only what CPython says, and in include/
// (not runtime/) because extension code is compiled against them. Functions
// here are called from C code that has no nlr frame: like the API, none may
// raise (tests/lint/nlr.py). What only the layer uses: runtime/.
#ifndef MPCY_MPCYTHON_H
#define MPCY_MPCYTHON_H

// The ABI of compiled modules (.so files are checked against it on import):
// each .so defines the constant (declared here so that a C++ module's
// definition has external C linkage too).
#define MPCY_ABI_VERSION 2
extern const int mpcy_abi_version;

// ---- For the CPython headers' macros and inline functions ------------------
// PyObject * and mp_obj_t: two spellings of the same word.
#define MPCY_OBJ(p) ((mp_obj_t)(p))
#define MPCY_PY(o) ((PyObject *)(o))
// Built-in type objects are MicroPython's (PyLong_Type is mp_type_int).
#define MPCY_TYPE(t) (*(PyTypeObject *)&(t))
#define MPCY_EXC(t) ((PyObject *)&(t))

// Reference counts: the MicroPython GC owns every object (docs/design.md, "GC
// roots"). Py_REFCNT never answers 1, so code that would mutate an object it
// believes it owns alone (string concatenation in place, tuple reuse) never
// does so here.
#define MPCY_REFCNT_SHARED ((Py_ssize_t)1 << 30)
// Dropping a reference is not free of meaning, though: the object must stay
// alive up to that point, as under CPython. C code often reads an object's
// data through an interior pointer (Cython's `for c in some_bytes`) after its
// last use of the object itself; the compiler then discards the object
// pointer, and MicroPython's GC only honours pointers to an allocation's first
// byte, so the data was collected mid-loop. The empty asm makes the pointer
// live (register or stack, both scanned) until the DECREF; it emits no
// instruction, only fewer registers for the rest (about 1%, performance.md).
static inline void mpcy_live_until(const void *p) {
    __asm__ volatile ("" : : "g" (p));
}

// Instances of subclasses of a built-in type count as that type, as in
// CPython (Py*_Check; the Py*_CheckExact macros stay exact). mpcy_native: the
// object of built-in type `t` that `o` is: `o` itself, or the native part of
// an instance of a Python subclass of `t` (MicroPython keeps it apart, in
// subobj[0]); NULL for anything else, and for such an instance whose native
// part is not made yet (inside its __init__ before super().__init__()). The
// API functions of type `t` work on it (object.c).
PyObject *mpcy_native(PyObject *o, const mp_obj_type_t *t);
// Only an object whose type has a base can be of a subclass: tested inline,
// so a Py*_Check of another object costs no call.
static inline int mpcy_may_subclass(mp_obj_t x) {
    return mp_obj_is_obj(x) && MP_OBJ_TYPE_HAS_SLOT(((mp_obj_base_t *)MP_OBJ_TO_PTR(x))->type, parent);
}
// Py*_Check(o): `exact` (MicroPython's inline test of the type itself), else a
// subclass of built-in type `t`.
#define MPCY_CHECK(exact, o, t) ((exact) || (mpcy_may_subclass(MPCY_OBJ(o)) && mpcy_native(MPCY_PY(o), &(t)) != NULL))
// The object of type `t` that `o` is, for the unchecked accessor macros
// (PyTuple_GET_ITEM): `o` when `exact`, else mpcy_native.
#define MPCY_NATIVE(exact, o, t) ((exact) ? MPCY_OBJ(o) : MPCY_OBJ(mpcy_native(MPCY_PY(o), &(t))))
// A tuple or a tuple-like type (namedtuple, attrtuple such as os.uname()):
// py/objtuple.h's mp_obj_is_tuple_compatible, spelled out (1.25 has it in
// objtuple.c only; runtime/mpcy_mpprivate.h).
#define mpcy_is_tuple_compatible(x) \
    (MP_OBJ_TYPE_GET_SLOT_OR_NULL(mp_obj_get_type(x), iter) == mp_obj_tuple_getiter)
// The head of an instance of a cdef class with a built-in base (Cython's
// struct starts with PyDictObject, PyListObject, PyBaseExceptionObject, ...,
// each of which is this): MicroPython's layout of an instance of a Python
// subclass of a built-in type (py/objtype.h's mp_obj_instance_t with its one
// native sub-object), so that MicroPython's own code (super(), an exception's
// traceback) finds the built-in part where it looks for it. `members` stays
// empty (docs/design.md, section 5).
typedef struct {
    mp_obj_base_t ob_base;
    mp_map_t members;
    mp_obj_t native;
} mpcy_subnative_t;
// Py_EnterRecursiveCall: RecursionError where MicroPython's stack check says.
int mpcy_enter_recursive_call(const char *where);
// PyTraceBack_Check (pythonrun.c).
int mpcy_traceback_check(PyObject *o);

// The layer's own types, which CPython's type names and Check macros name.
extern const mp_obj_type_t mpcy_type_cfunction;
extern const mp_obj_type_t mpcy_type_method_descr;
extern const mp_obj_type_t mpcy_type_code;
extern const mp_obj_type_t mpcy_type_capsule;

// Exceptions MicroPython lacks (mpcy_type_Warning, ...): declared with their
// list, MPCY_EXTRA_EXCEPTIONS, in runtime/mpcy_config.h.

// The error indicator: one normalised exception instance (a GC root), read by
// PyErr_Occurred; written only by runtime/errors.c. One per thread where the
// port has POSIX threads, as CPython's (runtime/pystate.c); elsewhere one.
#if MICROPY_PY_THREAD && defined(__linux__)
#define MPCY_ERR_PER_THREAD 1
mp_obj_t *mpcy_err_slot(void);
#define MPCY_ERR (*mpcy_err_slot())
#else
#define MPCY_ERR_PER_THREAD 0
#define MPCY_ERR (MP_STATE_VM(mpcy_err_cur))
#endif

// A module object: MicroPython's, then the CPython module's def and state
// (PyModule_GetState reads it); `mod` first so MicroPython sees a module.
struct PyModuleDef;
typedef struct _mpcy_module_t {
    mp_obj_module_t mod;
    struct PyModuleDef *def;
    void *state;
} mpcy_module_t;

// ---- For the driver's generated wrapper -----------------------------------
// A compiled module's static variables that can hold objects, listed by the
// wrapper, registered by it at module init and scanned by every collection
// (runtime/mpcy_roots.c; docs/design.md, "GC roots").
typedef struct {
    void *addr;
    size_t size;
} mpcy_static_t;
typedef struct mpcy_statics {
    struct mpcy_statics *next;
    const mpcy_static_t *vars;
    size_t n;
    // The module's constant text, Cython's string table, from `text` to
    // `text_end` (set by the wrapper at init): a str or bytes made of one of
    // those NUL-terminated strings points at it, not at a copy in the heap.
    const char *text, *text_end;
} mpcy_statics_t;
#define MPCY_STATIC(v) { (void *)&(v), sizeof(v) }
void mpcy_register_statics(mpcy_statics_t *s);

// ---- For programs that embed the interpreter ------------------------------
// The MicroPython heap and C stack an embedding program gives the
// interpreter, set before Py_Initialize (docs/embedding.md).
// mpcy_set_heap(NULL, n): Py_Initialize mallocs n bytes (default MPCY_HEAP_SIZE);
// mpcy_set_heap(buf, n): the heap is buf (static memory on a board).
void mpcy_set_heap(void *buf, size_t size);
// top: the highest address of the C stack the interpreter runs on (NULL:
// found by Py_Initialize where the C library can tell); limit: how many bytes
// of it MicroPython may use before RecursionError (default MPCY_STACK_LIMIT).
void mpcy_set_stack(void *top, size_t limit);
#endif
