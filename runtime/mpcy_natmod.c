// The natmod flavour of the layer (include/mpcy_natmod.h, docs/embedded.md
// "Without rebuilding the firmware"): its state, what it finds in the
// firmware at import, and the module init mpy_init runs. Empty in every
// other build.
#include "mpcy.h"
#include "py/compile.h"

#ifdef MPCY_NATMOD

MPCY_NATMOD_ROOT mpcy_natmod_state_t mpcy_natmod_state;

void mpcy_natmod_init_exceptions(void);

// A constant table's markers (MPCY_Q and MP_ROM_QSTR, MP_ROM_NONE... in
// include/mpcy_natmod.h) become the module's qstrs and the firmware's
// objects; static qstrs are below the markers and stay.
static qstr mpcy_natmod_fix_qnum(qstr q) {
    return q >= MPCY_NATMOD_QMARK ? mp_native_qstr_table[q - MPCY_NATMOD_QMARK] : q;
}

static mp_rom_obj_t mpcy_natmod_fix_qstr(mp_rom_obj_t o) {
    if (!mp_obj_is_qstr(o) || MP_OBJ_QSTR_VALUE(o) < MPCY_NATMOD_QMARK_TYPE) {
        return o;
    }
    if (MP_OBJ_QSTR_VALUE(o) < MPCY_NATMOD_QMARK_TYPE + MPCY_NATMOD_T_N) {
        return mpcy_natmod_state.types[MP_OBJ_QSTR_VALUE(o) - MPCY_NATMOD_QMARK_TYPE];
    }
    switch (MP_OBJ_QSTR_VALUE(o)) {
        case MPCY_NATMOD_QMARK_NONE:
            return mp_const_none;
        case MPCY_NATMOD_QMARK_FALSE:
            return mp_const_false;
        case MPCY_NATMOD_QMARK_TRUE:
            return mp_const_true;
        default:
            return MP_OBJ_QSTR_VALUE(o) >= MPCY_NATMOD_QMARK
                   ? MP_OBJ_NEW_QSTR(mpcy_natmod_fix_qnum(MP_OBJ_QSTR_VALUE(o))) : o;
    }
}

void mpcy_natmod_table_qstrs(mp_rom_map_elem_t *table, size_t n) {
    for (size_t i = 0; i < n; i++) {
        table[i].key = mpcy_natmod_fix_qstr(table[i].key);
        table[i].value = mpcy_natmod_fix_qstr(table[i].value);
    }
}

// An argument table: its names, and the defaults of its object arguments.
void mpcy_natmod_args_fixup(mp_arg_t *table, size_t n) {
    for (size_t i = 0; i < n; i++) {
        table[i].qst = mpcy_natmod_fix_qnum(table[i].qst);
        if ((table[i].flags & MP_ARG_KIND_MASK) == MP_ARG_OBJ) {
            table[i].defval.u_rom_obj = mpcy_natmod_fix_qstr(table[i].defval.u_rom_obj);
        }
    }
}

// The qstr field (WIDTH bytes at OFFSET) of N structures STRIDE apart.
void mpcy_natmod_qfield_fixup(void *table, size_t n, size_t stride, size_t offset, size_t width) {
    for (size_t i = 0; i < n; i++) {
        byte *f = (byte *)table + i * stride + offset;
        if (width == sizeof(uint16_t)) {
            *(uint16_t *)f = mpcy_natmod_fix_qnum(*(uint16_t *)f);
        } else if (width == sizeof(uint32_t)) {
            *(uint32_t *)f = mpcy_natmod_fix_qnum(*(uint32_t *)f);
        } else {
            *(uint64_t *)f = mpcy_natmod_fix_qnum(*(uint64_t *)f);
        }
    }
}

// The qstrs a module names are static (the same number in every firmware)
// or in its qstr table; a switch on one compares the constant it has in a
// case label. A linear search, in the few functions that switch on qstrs.
qstr mpcy_natmod_qconst(qstr q) {
    if (q < MPCY_NATMOD_QSTATIC_END) {
        return q;
    }
    for (size_t i = 1; i < MPCY_NATMOD_QTABLE_END; i++) {
        if (mp_native_qstr_table[i] == q) {
            return MPCY_NATMOD_QMARK + i;
        }
    }
    return (qstr)-1;
}

// A module of the shared runtime names the layer's functions through
// trampolines (driver/natmod.py TRAMPOLINE: code that jumps to the address
// in the slot after it); a function address from its static tables is
// the trampoline's, here the function it jumps to.
void *mpcy_natmod_fn(void *f) {
    #if defined(__x86_64__)
    static const byte code[8] = { 0xff, 0x25, 0x02, 0, 0, 0, 0xcc, 0xcc };
    if (f != NULL && memcmp(f, code, sizeof(code)) == 0) {
        return *(void **)((byte *)f + sizeof(code));
    }
    #elif defined(__thumb__)
    const uint16_t *p = (const uint16_t *)((uintptr_t)f & ~(uintptr_t)1);
    if (((uintptr_t)f & 1) && p[0] == 0xf8df && p[1] == 0xf000) {
        return *(void *const *)(p + 2);
    }
    #endif
    return f;
}

mp_obj_t mpcy_natmod_builtin(qstr name) {
    return mp_load_attr(mpcy_natmod_state.builtins, name);
}

// What MPCY_NATMOD_TYPE gives for a type the firmware lacks: a type no
// object has (a type test answers no) and none can be made from (a call
// raises TypeError naming it).
static MP_DEFINE_CONST_OBJ_TYPE(mpcy_natmod_type_missing, MP_QSTR_builtin_type_not_in_firmware, MP_TYPE_FLAG_NONE);

// The builtins' types MPCY_NATMOD_TYPES names, found at import: the layer
// names them on every call (an int's type test), and a lookup in the
// builtins dict costs more than the call. The firmware's never change.
static void mpcy_natmod_find_builtin_types(void) {
    mp_obj_t dest[2];
    #define MPCY_NATMOD_FIND(name) \
    mp_load_method_maybe(mpcy_natmod_state.builtins, MP_QSTR_##name, dest); \
    mpcy_natmod_state.builtin_types[MPCY_NATMOD_B_##name] = \
        dest[0] != MP_OBJ_NULL ? dest[0] : MP_OBJ_FROM_PTR(&mpcy_natmod_type_missing);
    MPCY_NATMOD_TYPES(MPCY_NATMOD_FIND)
#undef MPCY_NATMOD_FIND
}

// The types no builtin names, from objects of each (exec makes a generator
// function where the firmware has a compiler; without one those stay NULL
// and compare unequal to every type).
static void mpcy_natmod_find_types(void) {
    mp_obj_t *t = mpcy_natmod_state.types;
    t[MPCY_NATMOD_T_NoneType] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_const_none));
    t[MPCY_NATMOD_T_module] = MP_OBJ_FROM_PTR(mp_obj_get_type(mpcy_natmod_state.builtins));
    mp_obj_t list = mp_obj_new_list(0, NULL);
    t[MPCY_NATMOD_T_bound_meth] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_load_attr(list, MP_QSTR_append)));
    mp_obj_t set = mp_fun_table.new_set(0, NULL);
    t[MPCY_NATMOD_T_polymorph_iter] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_fun_table.getiter(set, NULL)));
    mp_obj_t collections = mp_import_name(MP_QSTR_collections, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    t[MPCY_NATMOD_T_ordereddict] = mp_load_attr(collections, MP_QSTR_OrderedDict);
    mp_obj_t dest[2];
    mp_load_method_maybe(mpcy_natmod_state.builtins, MP_QSTR_exec, dest);
    mp_obj_t exec = dest[0];
    if (exec != MP_OBJ_NULL) {
        static const char src[] = "def f():\n yield\ndef g():\n pass\n";
        mp_obj_t args[2] = { mp_obj_new_str(src, sizeof(src) - 1), mp_obj_new_dict(1) };
        mp_call_function_n_kw(exec, 2, 0, args);
        mp_obj_t f = mp_obj_subscr(args[1], MP_OBJ_NEW_QSTR(MP_QSTR_f), MP_OBJ_SENTINEL);
        t[MPCY_NATMOD_T_gen_wrap] = MP_OBJ_FROM_PTR(mp_obj_get_type(f));
        t[MPCY_NATMOD_T_gen_instance] = MP_OBJ_FROM_PTR(mp_obj_get_type(mp_call_function_n_kw(f, 0, 0, NULL)));
        mp_obj_t g = mp_obj_subscr(args[1], MP_OBJ_NEW_QSTR(MP_QSTR_g), MP_OBJ_SENTINEL);
        t[MPCY_NATMOD_T_fun_bc] = MP_OBJ_FROM_PTR(mp_obj_get_type(g));
    }
}

// MicroPython's loader checks a native .mpy's ABI (MPY_SUB_VERSION), which
// several releases share (1.25.0 and 1.26.1 both load the other's), but the
// layer also relies on the firmware's private layouts and behaviour of its
// own release (docs/design.md): refuse any other release, saying which.
static void mpcy_natmod_check_release(mp_obj_t sys) {
    static const int built[3] = { MICROPY_VERSION_MAJOR, MICROPY_VERSION_MINOR, MICROPY_VERSION_MICRO };
    int got[3] = { 0, 0, 0 };
    size_t n;
    mp_obj_t *v;
    mp_obj_get_array(mp_load_attr(mp_load_attr(sys, MP_QSTR_implementation), MP_QSTR_version), &n, &v);
    for (size_t i = 0; i < n && i < 3; i++) {
        got[i] = mp_obj_get_int(v[i]);
    }
    if (memcmp(got, built, sizeof(got)) != 0) {
        PyErr_Format(PyExc_ImportError,
            "this .mpy was built for MicroPython %d.%d.%d, but the firmware is %d.%d.%d: "
            "build it with that release's source (MICROPY_VERSION or MICROPY_DIR)",
            built[0], built[1], built[2], got[0], got[1], got[2]);
        mpcy_err_raise();
    }
}

void mpcy_natmod_init(void) {
    mpcy_natmod_state.empty_globals = mp_obj_new_dict(0);
    mpcy_natmod_state.builtins = mp_import_name(MP_QSTR_builtins, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mpcy_natmod_state.sys = sys;
    mpcy_natmod_state.sys_modules = MP_OBJ_TO_PTR(mp_load_attr(sys, MP_QSTR_modules));
    mpcy_natmod_state.sys_argv = MP_OBJ_TO_PTR(mp_load_attr(sys, MP_QSTR_argv));
    mpcy_natmod_state.micropython = mp_import_name(MP_QSTR_micropython, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mpcy_natmod_state.notimplemented = mpcy_natmod_builtin(MP_QSTR_NotImplemented);
    mpcy_natmod_state.ellipsis = mpcy_natmod_builtin(MP_QSTR_Ellipsis);
    mp_obj_t empty = mp_obj_new_dict(0);
    ((mp_obj_dict_t *)MP_OBJ_TO_PTR(empty))->map.is_fixed = 1;
    mpcy_natmod_state.empty_dict = empty;
    mp_obj_t mods = mp_obj_new_dict(3);
    mp_obj_dict_store(mods, MP_OBJ_NEW_QSTR(MP_QSTR_builtins), mpcy_natmod_state.builtins);
    mp_obj_dict_store(mods, MP_OBJ_NEW_QSTR(MP_QSTR_sys), sys);
    mp_obj_dict_store(mods, MP_OBJ_NEW_QSTR(MP_QSTR_micropython), mpcy_natmod_state.micropython);
    mpcy_natmod_state.builtin_modules = mods;
    mpcy_natmod_find_builtin_types();
    mpcy_natmod_find_types();
    // (after the types: constant objects may name them)
    mpcy_natmod_fixups();
    mpcy_natmod_init_exceptions();
    // (last: its error is raised through the layer's state)
    mpcy_natmod_check_release(sys);
}

mp_obj_dict_t *mpcy_natmod_module_init(PyObject *(*initfunc)(void), const char *name) {
    if (mpcy_natmod_state.builtins == MP_OBJ_NULL) {
        mpcy_natmod_init();
    }
    // The module Cython's init makes (PyModule_Create) is this stub, as for
    // a loadable module (importdl.c mpcy_module_load); import returns the
    // natmod's module, which gets the stub's globals.
    mpcy_module_t *stub = m_malloc(sizeof(mpcy_module_t));
    memset(stub, 0, sizeof(*stub));
    stub->mod.base.type = &mp_type_module;
    stub->mod.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
    mpcy_keep(stub);
    mp_obj_module_t *prev_init = mpcy_running_init;
    mpcy_running_init = &stub->mod;
    PyObject *r = mpcy_module_call_init(initfunc, &stub->mod, name);
    mpcy_running_init = prev_init;
    if (r != NULL && MPCY_OBJ(r) != MP_OBJ_FROM_PTR(stub)) {
        PyErr_Format(PyExc_ImportError, "initialization of %s did not return its module", name);
        r = NULL;
    }
    if (r == NULL) {
        mpcy_err_raise();
    }
    // Cython's init sets __builtins__ to the layer's builtins module (its
    // __pyx_b), which holds only the overrides this module's code names
    // (mpcy_natmod_builtins): Python code gets the firmware's, which is the
    // `builtins` it imports, as on CPython (mod.__builtins__ is builtins).
    mp_map_elem_t *b = mp_map_lookup(&stub->mod.globals->map, MP_OBJ_NEW_QSTR(MP_QSTR___builtins__), MP_MAP_LOOKUP);
    if (b != NULL) {
        b->value = mpcy_natmod_state.builtins;
    }
    return stub->mod.globals;
}

// ---- MicroPython functions outside mp_fun_table --------------------------------
// Written again from their public layouts and documented behaviour where
// mp_fun_table has nothing (docs/embedded.md lists which and why).

// The C library a natmod has none of: the firmware's memset and memmove,
// the rest written here (GCC also calls memcpy and memset itself).
void *memset(void *s, int c, size_t n) {
    return mp_fun_table.memset_(s, c, n);
}

void *memmove(void *dest, const void *src, size_t n) {
    return mp_fun_table.memmove_(dest, src, n);
}

void *memcpy(void *dest, const void *src, size_t n) {
    return mp_fun_table.memmove_(dest, src, n);
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) {
            return x[i] - y[i];
        }
    }
    return 0;
}

void *memchr(const void *s, int c, size_t n) {
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == (unsigned char)c) {
            return (void *)(p + i);
        }
    }
    return NULL;
}

size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

char *strchr(const char *s, int c) {
    for (;; s++) {
        if (*s == (char)c) {
            return (char *)s;
        }
        if (!*s) {
            return NULL;
        }
    }
}

char *strrchr(const char *s, int c) {
    const char *r = NULL;
    for (;; s++) {
        if (*s == (char)c) {
            r = s;
        }
        if (!*s) {
            return (char *)r;
        }
    }
}

char *strcpy(char *dest, const char *src) {
    return memcpy(dest, src, strlen(src) + 1);
}

// errno: the C library's is per thread and out of reach; one per module.
// glibc's name, and newlib's (its libm sets errno through it).
int *__errno_location(void) {
    static int e;
    return &e;
}

int *__errno(void) {
    return __errno_location();
}

// The C heap of a natmod is the GC heap: a block lives while memory the
// collector scans points to it (PyMem_RawMalloc's callers keep it so).
void *malloc(size_t n) {
    return mp_fun_table.realloc_(NULL, n, false);
}

void free(void *p) {
    mp_fun_table.realloc_(p, 0, false);
}

void *calloc(size_t n, size_t size) {
    if (size != 0 && n > (size_t)-1 / size) {
        return NULL;
    }
    void *p = malloc(n * size);
    return p == NULL ? NULL : memset(p, 0, n * size);
}

void *realloc(void *p, size_t n) {
    return mp_fun_table.realloc_(p, n, true);
}

void *m_malloc_maybe(size_t n) {
    return mp_fun_table.realloc_(NULL, n, false);
}

void *m_malloc0(size_t n) {
    return memset(m_malloc(n), 0, n);
}

void gc_free(void *p) {
    mp_fun_table.realloc_(p, 0, false);
}

mp_obj_t mp_call_function_0(mp_obj_t fun) {
    return mp_call_function_n_kw(fun, 0, 0, NULL);
}

mp_obj_t mp_call_function_1(mp_obj_t fun, mp_obj_t arg) {
    return mp_call_function_n_kw(fun, 1, 0, &arg);
}

mp_obj_t mp_call_function_2(mp_obj_t fun, mp_obj_t arg1, mp_obj_t arg2) {
    mp_obj_t args[2] = { arg1, arg2 };
    return mp_call_function_n_kw(fun, 2, 0, args);
}

mp_obj_t mp_call_method_n_kw(size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return mp_fun_table.call_method_n_kw(n_args, n_kw, args);
}

mp_obj_t mp_getiter(mp_obj_t o, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf; // the iterator on the heap: mp_fun_table's with a buffer answers none
    return mp_fun_table.getiter(o, NULL);
}

mp_obj_t mp_iternext(mp_obj_t it) {
    // mp_fun_table's takes an iterator buffer; one whose type is NULL holds
    // the iterator in buf[0] (py/nativeglue.c).
    mp_obj_iter_buf_t b;
    b.base.type = NULL;
    b.buf[0] = it;
    return mp_fun_table.iternext(&b);
}

mp_obj_t mp_obj_new_slice(mp_obj_t start, mp_obj_t stop, mp_obj_t step) {
    return mp_fun_table.new_slice(start, stop, step);
}

mp_obj_t mp_obj_new_set(size_t n, mp_obj_t *items) {
    return mp_fun_table.new_set(n, items);
}

void mp_obj_set_store(mp_obj_t set, mp_obj_t item) {
    mp_fun_table.set_store(set, item);
}

mp_int_t mp_small_int_floor_divide(mp_int_t num, mp_int_t denom) {
    return mp_fun_table.small_int_floor_divide(num, denom);
}

mp_int_t mp_small_int_modulo(mp_int_t dividend, mp_int_t divisor) {
    return mp_fun_table.small_int_modulo(dividend, divisor);
}

mp_int_t mp_obj_int_get_truncated(mp_const_obj_t o) {
    return mp_fun_table.native_from_obj((mp_obj_t)o, MP_NATIVE_TYPE_UINT);
}

mp_float_t mp_obj_float_get(mp_obj_t o) {
    return mp_obj_get_float(o);
}

void mp_obj_tuple_get(mp_obj_t o, size_t *len, mp_obj_t **items) {
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(o);
    *len = t->len;
    *items = &t->items[0];
}

void mp_obj_list_get(mp_obj_t o, size_t *len, mp_obj_t **items) {
    mp_obj_list_t *l = MP_OBJ_TO_PTR(o);
    *len = l->len;
    *items = l->items;
}

// py/objtype.c's walk of a type's bases: one parent, or a tuple of them.
bool mp_obj_is_subclass_fast(mp_const_obj_t object, mp_const_obj_t classinfo) {
    while (object != classinfo) {
        if (!mp_obj_is_type(object, &mp_type_type)) {
            return false;
        }
        const mp_obj_type_t *t = MP_OBJ_TO_PTR(object);
        if (!MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
            return false;
        }
        const void *parent = MP_OBJ_TYPE_GET_SLOT(t, parent);
        if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
            const mp_obj_tuple_t *bases = parent;
            for (size_t i = 0; i < bases->len; i++) {
                if (mp_obj_is_subclass_fast(bases->items[i], classinfo)) {
                    return true;
                }
            }
            return false;
        }
        object = MP_OBJ_FROM_PTR(parent);
    }
    return true;
}

bool mp_obj_is_exception_type(mp_obj_t o) {
    return mp_obj_is_type(o, &mp_type_type) && mp_obj_is_subclass_fast(o, MP_OBJ_FROM_PTR(&mp_type_BaseException));
}

bool mp_obj_is_exception_instance(mp_obj_t o) {
    return mp_obj_is_exception_type(MP_OBJ_FROM_PTR(mp_obj_get_type(o)));
}

bool mp_obj_exception_match(mp_obj_t exc, mp_const_obj_t exc_type) {
    return mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), exc_type);
}

// The exception object proper: an instance of a Python subclass keeps it as
// its native part (py/objexcept.c get_native_exception).
static mp_obj_exception_t *mpcy_natmod_native_exception(mp_obj_t o) {
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (t->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
        o = ((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->subobj[0];
    }
    return MP_OBJ_TO_PTR(o);
}

mp_obj_t mp_obj_exception_get_value(mp_obj_t o) {
    mp_obj_exception_t *e = mpcy_natmod_native_exception(o);
    return e->args->len == 0 ? mp_const_none : e->args->items[0];
}

void mp_obj_exception_get_traceback(mp_obj_t o, size_t *n, size_t **values) {
    mp_obj_exception_t *e = mpcy_natmod_native_exception(o);
    *n = e->traceback_data == NULL ? 0 : e->traceback_len;
    *values = e->traceback_data;
}

bool mp_obj_equal(mp_obj_t a, mp_obj_t b) {
    return a == b || mp_obj_is_true(mp_binary_op(MP_BINARY_OP_EQUAL, a, b));
}

bool mp_obj_str_equal(mp_obj_t a, mp_obj_t b) {
    return mp_obj_equal(a, b);
}

// qstrs: a qstr object's text through the buffer protocol; a new qstr by
// the one way Python code makes one from a string, a type's name.
const char *qstr_str(qstr q) {
    return mp_obj_str_get_str(MP_OBJ_NEW_QSTR(q));
}

size_t qstr_len(qstr q) {
    size_t len;
    mp_obj_str_get_data(MP_OBJ_NEW_QSTR(q), &len);
    return len;
}

const byte *qstr_data(qstr q, size_t *len) {
    return mp_obj_str_get_data(MP_OBJ_NEW_QSTR(q), len);
}

qstr qstr_from_strn(const char *str, size_t len) {
    mp_obj_t args[3] = { mp_obj_new_str(str, len), mp_const_empty_tuple, mp_obj_new_dict(0) };
    mp_obj_t t = mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_type), 3, 0, args);
    return MP_OBJ_QSTR_VALUE(mp_load_attr(t, MP_QSTR___name__));
}

qstr qstr_from_str(const char *str) {
    return qstr_from_strn(str, strlen(str));
}

qstr mp_obj_str_get_qstr(mp_obj_t o) {
    if (mp_obj_is_qstr(o)) {
        return MP_OBJ_QSTR_VALUE(o);
    }
    size_t len;
    const char *s = mp_obj_str_get_data(o, &len);
    return qstr_from_strn(s, len);
}

mp_uint_t qstr_compute_hash(const byte *data, size_t len) {
    mp_obj_t h = mp_unary_op(MP_UNARY_OP_HASH, mp_obj_new_str((const char *)data, len));
    return MP_OBJ_SMALL_INT_VALUE(h);
}

// ---- Bytecode and exceptions (py/bc.c, py/objexcept.c) --------------------------
mp_uint_t mp_decode_uint(const byte **ptr) {
    mp_uint_t n = 0;
    const byte *p = *ptr;
    byte b;
    do {
        b = *p++;
        n = (n << 7) | (b & 0x7f);
    } while (b & 0x80);
    *ptr = p;
    return n;
}

const byte *mp_decode_uint_skip(const byte *ptr) {
    while (*ptr++ & 0x80) {
    }
    return ptr;
}

// Three words per entry (file, line, block), grown one entry at a time; as
// the firmware's, nothing is added when memory is short. sys.tracebacklimit
// is not read.
void mp_obj_exception_add_traceback(mp_obj_t o, qstr file, size_t line, qstr block) {
    mp_obj_exception_t *e = mpcy_natmod_native_exception(o);
    if (e->traceback_data == NULL) {
        e->traceback_data = m_malloc_maybe(3 * sizeof(size_t));
        if (e->traceback_data == NULL) {
            return;
        }
        e->traceback_alloc = 3;
        e->traceback_len = 0;
    } else if (e->traceback_len + 3 > e->traceback_alloc) {
        size_t *d = mp_fun_table.realloc_(e->traceback_data, (e->traceback_alloc + 3) * sizeof(size_t), true);
        if (d == NULL) {
            return;
        }
        e->traceback_data = d;
        e->traceback_alloc += 3;
    }
    size_t *d = &e->traceback_data[e->traceback_len];
    e->traceback_len += 3;
    d[0] = file;
    d[1] = line;
    d[2] = block;
}

NORETURN void mp_raise_StopIteration(mp_obj_t arg) {
    mp_obj_t t = MP_OBJ_FROM_PTR(&mp_type_StopIteration);
    nlr_raise(arg == mp_const_none ? mp_call_function_n_kw(t, 0, 0, NULL) : mp_call_function_n_kw(t, 1, 0, &arg));
}

// ---- Python-level equivalents (2) ------------------------------------------------
mp_obj_t mp_obj_new_bytearray(size_t n, const void *items) {
    mp_obj_t b = mp_obj_new_bytes(items, n);
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_bytearray), 1, 0, &b);
}

mp_obj_t mp_obj_new_str_copy(const mp_obj_type_t *type, const byte *data, size_t len) {
    return type == &mp_type_bytes ? mp_obj_new_bytes(data, len) : mp_obj_new_str((const char *)data, len);
}

mp_obj_t mp_obj_new_str_from_cstr(const char *s) {
    return mp_obj_new_str(s, strlen(s));
}

mp_obj_t mp_obj_list_remove(mp_obj_t list, mp_obj_t value) {
    return mp_call_function_n_kw(mp_load_attr(list, MP_QSTR_remove), 1, 0, &value);
}

mp_obj_t mp_obj_new_int_from_float(mp_float_t f) {
    mp_obj_t o = mp_obj_new_float(f);
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_int), 1, 0, &o);
}

// long long is mp_int_t on the 64-bit targets; elsewhere two halves.
mp_obj_t mp_obj_new_int_from_ull(unsigned long long v) {
    if (sizeof(mp_uint_t) >= sizeof(v)) {
        return mp_obj_new_int_from_uint((mp_uint_t)v);
    }
    mp_obj_t hi = mp_obj_new_int_from_uint((mp_uint_t)(v >> 32));
    hi = mp_binary_op(MP_BINARY_OP_LSHIFT, hi, MP_OBJ_NEW_SMALL_INT(32));
    return mp_binary_op(MP_BINARY_OP_OR, hi, mp_obj_new_int_from_uint((mp_uint_t)(v & 0xffffffffu)));
}

mp_obj_t mp_obj_new_int_from_ll(long long v) {
    if (sizeof(mp_int_t) >= sizeof(v)) {
        return mp_obj_new_int((mp_int_t)v);
    }
    if (v >= 0) {
        return mp_obj_new_int_from_ull(v);
    }
    return mp_unary_op(MP_UNARY_OP_NEGATIVE, mp_obj_new_int_from_ull(-(unsigned long long)v));
}

int mp_obj_int_sign(mp_obj_t o) {
    mp_obj_t zero = MP_OBJ_NEW_SMALL_INT(0);
    return mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, o, zero)) ? -1
           : mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE, o, zero)) ? 1 : 0;
}

mp_obj_t mp_obj_int_from_bytes_impl(bool big_endian, size_t len, const byte *buf) {
    mp_obj_t args[2] = { mp_obj_new_bytes(buf, len), MP_OBJ_NEW_QSTR(big_endian ? MP_QSTR_big : MP_QSTR_little) };
    return mp_call_function_n_kw(mp_load_attr(MP_OBJ_FROM_PTR(&mp_type_int), MP_QSTR_from_bytes), 2, 0, args);
}

// int.to_bytes raises OverflowError where the firmware's answers false.
bool mp_obj_int_to_bytes_impl(mp_obj_t o, bool big_endian, size_t len, byte *buf) {
    mp_obj_t args[2] = { mp_obj_new_int_from_uint(len), MP_OBJ_NEW_QSTR(big_endian ? MP_QSTR_big : MP_QSTR_little) };
    mp_obj_t b = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, b = mp_call_function_n_kw(mp_load_attr(o, MP_QSTR_to_bytes), 2, 0, args));
    if (exc != MP_OBJ_NULL) {
        if (mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_OverflowError))) {
            return false;
        }
        nlr_raise(exc);
    }
    size_t n;
    const char *d = mp_obj_str_get_data(b, &n);
    memcpy(buf, d, n < len ? n : len);
    return true;
}

// py/obj.c: bools, ints and floats.
bool mp_obj_get_float_maybe(mp_obj_t o, mp_float_t *value) {
    if (o == mp_const_false || o == mp_const_true) {
        *value = o == mp_const_true;
    } else if (mp_obj_is_small_int(o)) {
        *value = (mp_float_t)MP_OBJ_SMALL_INT_VALUE(o);
    } else if (mp_obj_is_exact_type(o, &mp_type_int)) {
        *value = mp_obj_get_float(mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_float), 1, 0, &o));
    } else if (mp_obj_is_float(o)) {
        *value = mp_obj_get_float(o);
    } else {
        return false;
    }
    return true;
}

// The firmware's import without the layer's hook: builtins' own __import__.
mp_obj_t mp_builtin___import___default(size_t n_args, const mp_obj_t *args) {
    mp_map_elem_t *e = mp_map_lookup(&mp_module_builtins_globals.map, MP_OBJ_NEW_QSTR(MP_QSTR___import__), MP_MAP_LOOKUP);
    return mp_call_function_n_kw(e->value, n_args, 0, args);
}

// The firmware's built-in modules cannot be listed from a natmod: those
// found at import (builtins, sys, micropython) are the ones known.
mp_obj_t mp_module_get_builtin(qstr name, bool extensible) {
    (void)extensible;
    mp_map_elem_t *e = mp_map_lookup(&mpcy_natmod_builtin_modules.map, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP);
    return e == NULL ? MP_OBJ_NULL : e->value;
}

// py/runtime.c's resumption of a generator or iterator through Python-level
// send and throw: a StopIteration ends it (its value the result); the value
// an iterator's C iternext ends with is out of reach (None).
mp_vm_return_kind_t mp_resume(mp_obj_t self, mp_obj_t send_value, mp_obj_t throw_value, mp_obj_t *ret_val) {
    const mp_obj_type_t *t = mp_obj_get_type(self);
    mp_obj_t dest[3];
    if (t != &mp_type_gen_instance) {
        if (send_value == mp_const_none && MP_OBJ_TYPE_HAS_SLOT(t, iter) && (t->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT)) {
            mp_obj_t r = mp_iternext(self);
            *ret_val = r == MP_OBJ_STOP_ITERATION ? mp_const_none : r;
            return r == MP_OBJ_STOP_ITERATION ? MP_VM_RETURN_NORMAL : MP_VM_RETURN_YIELD;
        }
        if (send_value == mp_const_none) {
            mp_load_method_maybe(self, MP_QSTR___next__, dest);
            if (dest[0] != MP_OBJ_NULL) {
                *ret_val = mp_call_method_n_kw(0, 0, dest);
                return MP_VM_RETURN_YIELD;
            }
        }
    }
    mp_obj_t r = MP_OBJ_NULL, exc;
    if (send_value != MP_OBJ_NULL) {
        mp_load_method(self, MP_QSTR_send, dest);
        dest[2] = send_value;
        MPCY_CATCH(exc, r = mp_call_method_n_kw(1, 0, dest));
    } else {
        mp_load_method_maybe(self, MP_QSTR_throw, dest);
        if (dest[0] == MP_OBJ_NULL) {
            // nowhere to throw it: it propagates (PEP 479 for StopIteration)
            *ret_val = mp_obj_exception_match(throw_value, MP_OBJ_FROM_PTR(&mp_type_StopIteration))
                ? mp_obj_new_exception_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("generator raised StopIteration"))
                : throw_value;
            return MP_VM_RETURN_EXCEPTION;
        }
        dest[2] = throw_value;
        MPCY_CATCH(exc, r = mp_call_method_n_kw(1, 0, dest));
    }
    if (exc == MP_OBJ_NULL) {
        *ret_val = r;
        return MP_VM_RETURN_YIELD;
    }
    if (t == &mp_type_gen_instance && mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
        *ret_val = mp_obj_exception_get_value(exc);
        return MP_VM_RETURN_NORMAL;
    }
    *ret_val = exc;
    return MP_VM_RETURN_EXCEPTION;
}

mp_obj_dict_t *mpcy_natmod_locals_get(void) {
    return MP_OBJ_TO_PTR(mp_call_function_n_kw(mpcy_natmod_builtin(MP_QSTR_locals), 0, 0, NULL));
}

// Locals are the firmware's thread state, out of reach: code that runs a
// class body or source with its own namespace cannot run.
void mpcy_natmod_locals_set(mp_obj_dict_t *d) {
    if (d != mp_locals_get()) {
        mp_raise_msg(&mp_type_NotImplementedError, MP_ERROR_TEXT("running code in a namespace is not available in a native .mpy module"));
    }
}

// The finaliser of an object (__dealloc__, __del__) cannot be registered by
// a natmod: the object is a plain GC block, freed without it.
void *m_malloc_with_finaliser(size_t n) {
    return m_malloc(n);
}

// A method name by binary operation (py/objtype.c), all of CPython's: the
// firmware's numbers of these qstrs fit a byte, the module's table has them
// at import.
static const uint16_t mpcy_natmod_binop_names[MP_BINARY_OP_NUM_RUNTIME] = {
    [MP_BINARY_OP_LESS] = MPCY_Q(MP_QSTR___lt__),
    [MP_BINARY_OP_MORE] = MPCY_Q(MP_QSTR___gt__),
    [MP_BINARY_OP_EQUAL] = MPCY_Q(MP_QSTR___eq__),
    [MP_BINARY_OP_LESS_EQUAL] = MPCY_Q(MP_QSTR___le__),
    [MP_BINARY_OP_MORE_EQUAL] = MPCY_Q(MP_QSTR___ge__),
    [MP_BINARY_OP_NOT_EQUAL] = MPCY_Q(MP_QSTR___ne__),
    [MP_BINARY_OP_CONTAINS] = MPCY_Q(MP_QSTR___contains__),
    [MP_BINARY_OP_INPLACE_ADD] = MPCY_Q(MP_QSTR___iadd__),
    [MP_BINARY_OP_INPLACE_SUBTRACT] = MPCY_Q(MP_QSTR___isub__),
    [MP_BINARY_OP_INPLACE_MULTIPLY] = MPCY_Q(MP_QSTR___imul__),
    [MP_BINARY_OP_INPLACE_MAT_MULTIPLY] = MPCY_Q(MP_QSTR___imatmul__),
    [MP_BINARY_OP_INPLACE_FLOOR_DIVIDE] = MPCY_Q(MP_QSTR___ifloordiv__),
    [MP_BINARY_OP_INPLACE_TRUE_DIVIDE] = MPCY_Q(MP_QSTR___itruediv__),
    [MP_BINARY_OP_INPLACE_MODULO] = MPCY_Q(MP_QSTR___imod__),
    [MP_BINARY_OP_INPLACE_POWER] = MPCY_Q(MP_QSTR___ipow__),
    [MP_BINARY_OP_INPLACE_OR] = MPCY_Q(MP_QSTR___ior__),
    [MP_BINARY_OP_INPLACE_XOR] = MPCY_Q(MP_QSTR___ixor__),
    [MP_BINARY_OP_INPLACE_AND] = MPCY_Q(MP_QSTR___iand__),
    [MP_BINARY_OP_INPLACE_LSHIFT] = MPCY_Q(MP_QSTR___ilshift__),
    [MP_BINARY_OP_INPLACE_RSHIFT] = MPCY_Q(MP_QSTR___irshift__),
    [MP_BINARY_OP_ADD] = MPCY_Q(MP_QSTR___add__),
    [MP_BINARY_OP_SUBTRACT] = MPCY_Q(MP_QSTR___sub__),
    [MP_BINARY_OP_MULTIPLY] = MPCY_Q(MP_QSTR___mul__),
    [MP_BINARY_OP_MAT_MULTIPLY] = MPCY_Q(MP_QSTR___matmul__),
    [MP_BINARY_OP_FLOOR_DIVIDE] = MPCY_Q(MP_QSTR___floordiv__),
    [MP_BINARY_OP_TRUE_DIVIDE] = MPCY_Q(MP_QSTR___truediv__),
    [MP_BINARY_OP_MODULO] = MPCY_Q(MP_QSTR___mod__),
    [MP_BINARY_OP_DIVMOD] = MPCY_Q(MP_QSTR___divmod__),
    [MP_BINARY_OP_POWER] = MPCY_Q(MP_QSTR___pow__),
    [MP_BINARY_OP_OR] = MPCY_Q(MP_QSTR___or__),
    [MP_BINARY_OP_XOR] = MPCY_Q(MP_QSTR___xor__),
    [MP_BINARY_OP_AND] = MPCY_Q(MP_QSTR___and__),
    [MP_BINARY_OP_LSHIFT] = MPCY_Q(MP_QSTR___lshift__),
    [MP_BINARY_OP_RSHIFT] = MPCY_Q(MP_QSTR___rshift__),
    [MP_BINARY_OP_REVERSE_ADD] = MPCY_Q(MP_QSTR___radd__),
    [MP_BINARY_OP_REVERSE_SUBTRACT] = MPCY_Q(MP_QSTR___rsub__),
    [MP_BINARY_OP_REVERSE_MULTIPLY] = MPCY_Q(MP_QSTR___rmul__),
    [MP_BINARY_OP_REVERSE_MAT_MULTIPLY] = MPCY_Q(MP_QSTR___rmatmul__),
    [MP_BINARY_OP_REVERSE_FLOOR_DIVIDE] = MPCY_Q(MP_QSTR___rfloordiv__),
    [MP_BINARY_OP_REVERSE_TRUE_DIVIDE] = MPCY_Q(MP_QSTR___rtruediv__),
    [MP_BINARY_OP_REVERSE_MODULO] = MPCY_Q(MP_QSTR___rmod__),
    [MP_BINARY_OP_REVERSE_POWER] = MPCY_Q(MP_QSTR___rpow__),
    [MP_BINARY_OP_REVERSE_OR] = MPCY_Q(MP_QSTR___ror__),
    [MP_BINARY_OP_REVERSE_XOR] = MPCY_Q(MP_QSTR___rxor__),
    [MP_BINARY_OP_REVERSE_AND] = MPCY_Q(MP_QSTR___rand__),
    [MP_BINARY_OP_REVERSE_LSHIFT] = MPCY_Q(MP_QSTR___rlshift__),
    [MP_BINARY_OP_REVERSE_RSHIFT] = MPCY_Q(MP_QSTR___rrshift__),
};
byte mpcy_natmod_binop_bytes[MP_BINARY_OP_NUM_RUNTIME];
extern const byte mp_binary_op_method_name[MP_BINARY_OP_NUM_RUNTIME] __attribute__((alias("mpcy_natmod_binop_bytes")));
MPCY_NATMOD_FIX(binop_names);
MPCY_NATMOD_FIX(binop_names) {
    for (size_t i = 0; i < MP_BINARY_OP_NUM_RUNTIME; i++) {
        mpcy_natmod_binop_bytes[i] = mpcy_natmod_fix_qnum(mpcy_natmod_binop_names[i]);
    }
}

// Source compiled through the builtins' compile() is out of reach of the
// layer's parse and compile steps: they raise.
mp_lexer_t *mp_lexer_new_from_str_len(qstr src_name, const char *str, size_t len, size_t free_len) {
    (void)src_name;
    (void)str;
    (void)len;
    (void)free_len;
    mp_raise_msg(&mp_type_NotImplementedError, MP_ERROR_TEXT("compiling source is not available in a native .mpy module"));
}

mp_parse_tree_t mp_parse(mp_lexer_t *lex, mp_parse_input_kind_t input_kind) {
    (void)lex;
    (void)input_kind;
    mp_raise_msg(&mp_type_NotImplementedError, MP_ERROR_TEXT("compiling source is not available in a native .mpy module"));
}

mp_obj_t mp_compile(mp_parse_tree_t *parse_tree, qstr source_file, bool is_repl) {
    (void)parse_tree;
    (void)source_file;
    (void)is_repl;
    mp_raise_msg(&mp_type_NotImplementedError, MP_ERROR_TEXT("compiling source is not available in a native .mpy module"));
}

#endif
