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
    mpcy_natmod_find_types();
    // (after the types: constant objects may name them)
    mpcy_natmod_fixups();
    mpcy_natmod_init_exceptions();
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

// ---- vstr, the printer and the C library's formatting -------------------------
// py/vstr.c's growable buffer (its layout is py/misc.h's), on the GC heap.
void vstr_init(vstr_t *vstr, size_t alloc) {
    vstr->alloc = alloc < 1 ? 1 : alloc;
    vstr->len = 0;
    vstr->buf = m_malloc(vstr->alloc);
    vstr->fixed_buf = false;
}

void vstr_init_len(vstr_t *vstr, size_t len) {
    vstr_init(vstr, len + 1);
    vstr->len = len;
}

static void mpcy_natmod_vstr_strn(void *data, const char *str, size_t len) {
    vstr_add_strn((vstr_t *)data, str, len);
}

void vstr_init_print(vstr_t *vstr, size_t alloc, mp_print_t *print) {
    vstr_init(vstr, alloc);
    print->data = vstr;
    print->print_strn = mpcy_natmod_vstr_strn;
}

void vstr_clear(vstr_t *vstr) {
    if (!vstr->fixed_buf) {
        m_free(vstr->buf);
    }
    vstr->buf = NULL;
}

char *vstr_add_len(vstr_t *vstr, size_t len) {
    if (vstr->len + len > vstr->alloc) {
        if (vstr->fixed_buf) {
            mp_raise_msg(&mp_type_RuntimeError, "vstr overflow");
        }
        size_t alloc = vstr->len + len + 16;
        vstr->buf = m_realloc(vstr->buf, alloc);
        vstr->alloc = alloc;
    }
    char *p = vstr->buf + vstr->len;
    vstr->len += len;
    return p;
}

void vstr_add_strn(vstr_t *vstr, const char *str, size_t len) {
    memcpy(vstr_add_len(vstr, len), str, len);
}

void vstr_add_str(vstr_t *vstr, const char *str) {
    vstr_add_strn(vstr, str, strlen(str));
}

void vstr_add_byte(vstr_t *vstr, byte b) {
    *vstr_add_len(vstr, 1) = b;
}

// A code point as UTF-8 (py/vstr.c vstr_add_char).
void vstr_add_char(vstr_t *vstr, unichar c) {
    char buf[4];
    size_t n;
    if (c < 0x80) {
        buf[0] = c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = 0xc0 | (c >> 6);
        buf[1] = 0x80 | (c & 0x3f);
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = 0xe0 | (c >> 12);
        buf[1] = 0x80 | ((c >> 6) & 0x3f);
        buf[2] = 0x80 | (c & 0x3f);
        n = 3;
    } else {
        buf[0] = 0xf0 | (c >> 18);
        buf[1] = 0x80 | ((c >> 12) & 0x3f);
        buf[2] = 0x80 | ((c >> 6) & 0x3f);
        buf[3] = 0x80 | (c & 0x3f);
        n = 4;
    }
    vstr_add_strn(vstr, buf, n);
}

char *vstr_null_terminated_str(vstr_t *vstr) {
    vstr_add_byte(vstr, 0);
    vstr->len--;
    return vstr->buf;
}

void vstr_printf(vstr_t *vstr, const char *fmt, ...) {
    mp_print_t print = { vstr, mpcy_natmod_vstr_strn };
    va_list ap;
    va_start(ap, fmt);
    mp_vprintf(&print, fmt, ap);
    va_end(ap);
}

int mp_print_strn(const mp_print_t *print, const char *str, size_t len, unsigned int flags, char fill, int width) {
    (void)flags; // padding on the left only
    int n = len;
    for (; width > (int)len; width--, n++) {
        print->print_strn(print->data, &fill, 1);
    }
    print->print_strn(print->data, str, len);
    return n;
}

int mp_print_str(const mp_print_t *print, const char *str) {
    size_t len = strlen(str);
    print->print_strn(print->data, str, len);
    return len;
}

// snprintf through MicroPython's printf: its conversions, not all of C's
// (no %lld, %e); the layer formats with what both have.
int vsnprintf(char *str, size_t size, const char *fmt, va_list ap) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 32, &print);
    mp_vprintf(&print, fmt, ap);
    if (size > 0) {
        size_t n = v.len < size - 1 ? v.len : size - 1;
        memcpy(str, v.buf, n);
        str[n] = 0;
    }
    vstr_clear(&v);
    return v.len;
}

int snprintf(char *str, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(str, size, fmt, ap);
    va_end(ap);
    return n;
}

mp_obj_t mp_obj_new_str_from_vstr(vstr_t *vstr) {
    mp_obj_t s = mp_obj_new_str(vstr->buf, vstr->len);
    vstr_clear(vstr);
    return s;
}

mp_obj_t mp_obj_new_str_from_utf8_vstr(vstr_t *vstr) {
    return mp_obj_new_str_from_vstr(vstr);
}

mp_obj_t mp_obj_new_bytes_from_vstr(vstr_t *vstr) {
    mp_obj_t b = mp_obj_new_bytes((const byte *)vstr->buf, vstr->len);
    vstr_clear(vstr);
    return b;
}

// ---- utf8 and unichar (py/unicode.c: ASCII classes, UTF-8 steps) --------------
unichar utf8_get_char(const byte *s) {
    unichar c = *s;
    if (c < 0x80) {
        return c;
    }
    int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    c &= 0x3f >> n;
    while (n--) {
        c = (c << 6) | (*++s & 0x3f);
    }
    return c;
}

const byte *utf8_next_char(const byte *s) {
    ++s;
    while ((*s & 0xc0) == 0x80) {
        ++s;
    }
    return s;
}

size_t utf8_charlen(const byte *str, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += (str[i] & 0xc0) != 0x80;
    }
    return n;
}

bool unichar_isspace(unichar c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool unichar_isdigit(unichar c) {
    return c >= '0' && c <= '9';
}

bool unichar_isupper(unichar c) {
    return c >= 'A' && c <= 'Z';
}

bool unichar_islower(unichar c) {
    return c >= 'a' && c <= 'z';
}

bool unichar_isalpha(unichar c) {
    return unichar_isupper(c) || unichar_islower(c);
}

bool unichar_isalnum(unichar c) {
    return unichar_isalpha(c) || unichar_isdigit(c);
}

unichar unichar_tolower(unichar c) {
    return unichar_isupper(c) ? c + 32 : c;
}

unichar unichar_toupper(unichar c) {
    return unichar_islower(c) ? c - 32 : c;
}

// ---- Python-level equivalents ------------------------------------------------
mp_obj_t mp_obj_new_exception_msg(const mp_obj_type_t *type, mp_rom_error_text_t msg) {
    mp_obj_t arg = mp_obj_new_str((const char *)msg, strlen((const char *)msg));
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(type), 1, 0, &arg);
}

MP_NORETURN void mp_raise_msg_varg(const mp_obj_type_t *type, mp_rom_error_text_t fmt, ...) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 32, &print);
    va_list ap;
    va_start(ap, fmt);
    mp_vprintf(&print, (const char *)fmt, ap);
    va_end(ap);
    mp_obj_t arg = mp_obj_new_str_from_vstr(&v);
    nlr_raise(mp_call_function_n_kw(MP_OBJ_FROM_PTR(type), 1, 0, &arg));
}

const char *mp_obj_get_type_str(mp_const_obj_t o) {
    return qstr_str(mp_obj_get_type(o)->name);
}

bool mp_obj_is_callable(mp_obj_t o) {
    return mp_obj_is_true(mp_call_function_n_kw(mpcy_natmod_builtin(MP_QSTR_callable), 1, 0, &o));
}

// py/obj.c: str and bytes, else the type's unary_op if it has one.
mp_obj_t mp_obj_len_maybe(mp_obj_t o) {
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (!MP_OBJ_TYPE_HAS_SLOT(t, unary_op)) {
        return MP_OBJ_NULL;
    }
    return MP_OBJ_TYPE_GET_SLOT(t, unary_op)(MP_UNARY_OP_LEN, o);
}

mp_obj_t mp_obj_dict_copy(mp_obj_t d) {
    return mp_call_function_n_kw(mp_load_attr(d, MP_QSTR_copy), 0, 0, NULL);
}

bool mp_obj_is_dict_or_ordereddict(mp_obj_t o) {
    return mp_obj_is_obj(o) && (mp_obj_get_type(o) == &mp_type_dict
        || mp_obj_get_type(o) == MP_OBJ_TO_PTR(mpcy_natmod_state.types[MPCY_NATMOD_T_ordereddict]));
}


// ---- Maps (py/map.c) -----------------------------------------------------------
// The firmware's dicts are read and written here too (globals, sys.modules):
// the probing, growth and deletion markers must be py/map.c's exactly, or
// the firmware misses what the module stored. The firmware's lookup cache
// (MICROPY_OPT_MAP_LOOKUP_CACHE) is left alone: it checks what it finds.
static const uint16_t mpcy_natmod_map_sizes[] = {
    0, 2, 4, 6, 8, 10, 12,
    17, 23, 29, 37, 47, 59, 73,
    97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161,
    3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
};

static size_t mpcy_natmod_map_size(size_t x) {
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_natmod_map_sizes); i++) {
        if (mpcy_natmod_map_sizes[i] >= x) {
            return mpcy_natmod_map_sizes[i];
        }
    }
    return (x + x / 2) | 1;
}

void mp_map_init_fixed_table(mp_map_t *map, size_t n, const mp_obj_t *table) {
    map->alloc = n;
    map->used = n;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 1;
    map->is_ordered = 1;
    map->table = (mp_map_elem_t *)table;
}

void mp_map_clear(mp_map_t *map) {
    if (!map->is_fixed) {
        m_free(map->table);
    }
    map->alloc = 0;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 0;
    map->table = NULL;
}

static void mpcy_natmod_map_rehash(mp_map_t *map) {
    size_t old_alloc = map->alloc;
    size_t new_alloc = mpcy_natmod_map_size(map->alloc + 1);
    mp_map_elem_t *old_table = map->table;
    mp_map_elem_t *new_table = m_malloc0(new_alloc * sizeof(mp_map_elem_t));
    map->alloc = new_alloc;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->table = new_table;
    for (size_t i = 0; i < old_alloc; i++) {
        if (old_table[i].key != MP_OBJ_NULL && old_table[i].key != MP_OBJ_SENTINEL) {
            mp_map_lookup(map, old_table[i].key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = old_table[i].value;
        }
    }
    m_free(old_table);
}

// A slot now holding INDEX (value MP_OBJ_NULL).
static mp_map_elem_t *mpcy_natmod_map_take(mp_map_t *map, mp_map_elem_t *slot, mp_obj_t index) {
    map->used++;
    slot->key = index;
    slot->value = MP_OBJ_NULL;
    if (!mp_obj_is_qstr(index)) {
        map->all_keys_are_qstrs = 0;
    }
    return slot;
}

// An ordered map (OrderedDict, a constant table): a linear search.
static mp_map_elem_t *mpcy_natmod_map_ordered(mp_map_t *map, mp_obj_t index, mp_map_lookup_kind_t kind, bool ptrs) {
    mp_map_elem_t *top = &map->table[map->used];
    for (mp_map_elem_t *elem = &map->table[0]; elem < top; elem++) {
        if (elem->key == index || (!ptrs && mp_obj_equal(elem->key, index))) {
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                // the rest moves down; the found one goes after the end
                mp_obj_t value = elem->value;
                --map->used;
                memmove(elem, elem + 1, (top - elem - 1) * sizeof(*elem));
                elem = &map->table[map->used];
                elem->key = MP_OBJ_NULL;
                elem->value = value;
            }
            return elem;
        }
    }
    if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
        return NULL;
    }
    if (map->used == map->alloc) {
        map->alloc += 4;
        map->table = m_realloc(map->table, map->alloc * sizeof(mp_map_elem_t));
        memset(map->table + map->used, 0, (map->alloc - map->used) * sizeof(mp_map_elem_t));
    }
    return mpcy_natmod_map_take(map, map->table + map->used, index);
}

mp_map_elem_t *mp_map_lookup(mp_map_t *map, mp_obj_t index, mp_map_lookup_kind_t kind) {
    // Keys compared by identity where all are qstrs and the index is one; a
    // str that is not interned by equality; anything else is not there.
    bool ptrs = map->all_keys_are_qstrs;
    if (ptrs && !mp_obj_is_qstr(index)) {
        if (mp_obj_is_exact_type(index, &mp_type_str)) {
            ptrs = false;
        } else if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
    }
    if (map->is_ordered) {
        return mpcy_natmod_map_ordered(map, index, kind, ptrs);
    }
    if (map->alloc == 0) {
        if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
        mpcy_natmod_map_rehash(map);
    }
    // a qstr's hash is its str's (qstr_hash)
    mp_uint_t hash = MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, index));
    size_t pos = hash % map->alloc;
    size_t start = pos;
    mp_map_elem_t *avail = NULL;
    for (;;) {
        mp_map_elem_t *slot = &map->table[pos];
        if (slot->key == MP_OBJ_NULL) {
            if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            return mpcy_natmod_map_take(map, avail != NULL ? avail : slot, index);
        } else if (slot->key == MP_OBJ_SENTINEL) {
            // a deleted entry: the first is where an added key goes
            if (avail == NULL) {
                avail = slot;
            }
        } else if (slot->key == index || (!ptrs && mp_obj_equal(slot->key, index))) {
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                // the value stays for the caller; a deletion marker unless
                // the next slot ends the chain anyway
                map->used--;
                slot->key = map->table[(pos + 1) % map->alloc].key == MP_OBJ_NULL ? MP_OBJ_NULL : MP_OBJ_SENTINEL;
            }
            return slot;
        }
        pos = (pos + 1) % map->alloc;
        if (pos == start) {
            if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            if (avail != NULL) {
                return mpcy_natmod_map_take(map, avail, index);
            }
            mpcy_natmod_map_rehash(map);
            start = pos = hash % map->alloc;
        }
    }
}

// ---- py/mphal.h's clock (thread.c's lock timeouts): the time module's ----------
static mp_obj_t mpcy_natmod_time(qstr fun, size_t n_args, mp_obj_t *args) {
    mp_obj_t time = mp_import_name(MP_QSTR_time, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(time, fun), n_args, 0, args);
}

mp_uint_t mp_hal_ticks_us(void) {
    return mp_obj_get_int_truncated(mpcy_natmod_time(MP_QSTR_ticks_us, 0, NULL));
}

void mp_hal_delay_us(mp_uint_t us) {
    mp_obj_t arg = mp_obj_new_int_from_uint(us);
    mpcy_natmod_time(MP_QSTR_sleep_us, 1, &arg);
}

// ---- More of the C library ------------------------------------------------------
int strncmp(const char *a, const char *b, size_t n) {
    for (; n > 0; a++, b++, n--) {
        if (*a != *b || !*a) {
            return (unsigned char)*a - (unsigned char)*b;
        }
    }
    return 0;
}

// A natmod cannot end the process: Py_FatalError (after its message) raises
// SystemExit instead (docs/embedded.md).
void abort(void) {
    nlr_raise(mp_obj_new_exception_msg(&mp_type_SystemExit, MP_ERROR_TEXT("Fatal Python error (abort)")));
}

// IEEE 754 doubles (MICROPY_FLOAT_IMPL_DOUBLE, driver/natmod.py): 2**52 and
// above, infinities and NaNs are whole already.
double floor(double x) {
    if (!(x > -4503599627370496.0 && x < 4503599627370496.0) || x == 0) {
        return x;
    }
    double t = (double)(long long)x;
    return t > x ? t - 1 : t;
}

double frexp(double x, int *e) {
    union { double d;
            uint64_t u;
    } v = { x };
    int ex = (v.u >> 52) & 0x7ff;
    if (ex == 0x7ff || x == 0) {
        *e = 0;
        return x;
    }
    if (ex == 0) {
        // subnormal: scaled into the normal range first
        v.d = x * 18446744073709551616.0;
        ex = (int)((v.u >> 52) & 0x7ff) - 64;
    }
    *e = ex - 1022;
    v.u = (v.u & 0x800fffffffffffffULL) | (0x3feULL << 52);
    return v.d;
}

bool unichar_isxdigit(unichar c) {
    return unichar_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

mp_uint_t unichar_xdigit_value(unichar c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
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

MP_NORETURN void mp_raise_StopIteration(mp_obj_t arg) {
    mp_obj_t t = MP_OBJ_FROM_PTR(&mp_type_StopIteration);
    nlr_raise(arg == mp_const_none ? mp_call_function_n_kw(t, 0, 0, NULL) : mp_call_function_n_kw(t, 1, 0, &arg));
}

// ---- Objects written again from their public layouts ---------------------------------
mp_obj_t mp_obj_new_bound_meth(mp_obj_t meth, mp_obj_t self) {
    mpcy_bound_meth_t *m = mp_obj_malloc(mpcy_bound_meth_t, &mp_type_bound_meth);
    m->meth = meth;
    m->self = self;
    return MP_OBJ_FROM_PTR(m);
}

mp_obj_t mp_call_method_self_n_kw(mp_obj_t meth, mp_obj_t self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    mp_obj_t *a = m_malloc((1 + n) * sizeof(mp_obj_t));
    a[0] = self;
    memcpy(a + 1, args, n * sizeof(mp_obj_t));
    mp_obj_t r = mp_call_function_n_kw(meth, n_args + 1, n_kw, a);
    m_free(a);
    return r;
}

// py/objproperty.c's layout: the getter, setter and deleter.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t proxy[3];
} mpcy_natmod_property_t;

const mp_obj_t *mp_obj_property_get(mp_obj_t self) {
    return ((mpcy_natmod_property_t *)MP_OBJ_TO_PTR(self))->proxy;
}

// py/objtype.c's count of a class's native bases (one at most).
static size_t mpcy_natmod_native_bases(const mp_obj_type_t *t, const mp_obj_type_t **last) {
    for (;;) {
        if (t == &mp_type_object) {
            return 0;
        }
        if (mp_obj_is_native_type(t)) {
            *last = t;
            return 1;
        }
        if (!MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
            return 0;
        }
        const void *parent = MP_OBJ_TYPE_GET_SLOT(t, parent);
        if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
            const mp_obj_tuple_t *bases = parent;
            size_t n = 0;
            for (size_t i = 0; i < bases->len; i++) {
                n += mpcy_natmod_native_bases(MP_OBJ_TO_PTR(bases->items[i]), last);
            }
            return n;
        }
        t = parent;
    }
}

// The native part is a placeholder (None) that the layer's callers replace
// at once (the firmware's marks it for its own __init__, out of reach).
mp_obj_instance_t *mp_obj_new_instance(const mp_obj_type_t *cls, const mp_obj_type_t **native_base) {
    size_t n = mpcy_natmod_native_bases(cls, native_base);
    mp_obj_instance_t *o = mp_obj_malloc_var(mp_obj_instance_t, subobj, mp_obj_t, n, cls);
    o->members.all_keys_are_qstrs = 1;
    o->members.is_fixed = 0;
    o->members.is_ordered = 0;
    o->members.used = 0;
    o->members.alloc = 0;
    o->members.table = NULL;
    if (n != 0) {
        o->subobj[0] = mp_const_none;
    }
    return o;
}

// py/runtime.c: a member found in a type's dict as an attribute of SELF. A
// built-in method read from a built-in type is not wrapped in the
// firmware's self-checking function (out of reach).
void mp_convert_member_lookup(mp_obj_t self, const mp_obj_type_t *type, mp_obj_t member, mp_obj_t *dest) {
    dest[0] = member;
    if (!mp_obj_is_obj(member)) {
        return;
    }
    const mp_obj_type_t *mt = ((mp_obj_base_t *)MP_OBJ_TO_PTR(member))->type;
    if (mt->flags & MP_TYPE_FLAG_BINDS_SELF) {
        if (!(mt->flags & MP_TYPE_FLAG_BUILTIN_FUN)) {
            dest[1] = self;
        } else if (mp_obj_is_instance_type(type)) {
            // a built-in function on a Python class: a staticmethod
        } else if (self == MP_OBJ_NULL && type != &mp_type_object) {
            // the firmware wraps it in a self check here
        } else {
            dest[1] = self;
        }
    } else if (mt == &mp_type_staticmethod) {
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
    } else if (mt == &mp_type_classmethod) {
        if (self != MP_OBJ_NULL) {
            type = mp_obj_get_type(self);
            if (type == &mp_type_type) {
                type = MP_OBJ_TO_PTR(self);
            }
        }
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
        dest[1] = MP_OBJ_FROM_PTR(type);
    }
}

// py/obj.c: the type's print slot, else <name>.
void mp_obj_print_helper(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (MP_OBJ_TYPE_HAS_SLOT(t, print)) {
        MP_OBJ_TYPE_GET_SLOT(t, print)((mp_print_t *)print, o, kind);
    } else {
        mp_printf(print, "<%q>", t->name);
    }
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

// ---- Indices, sorting, numbers, UTF-8 ---------------------------------------------
// py/obj.c: an index into a sequence of LEN items of TYPE (clamped for a
// slice), with the firmware's errors.
size_t mp_get_index(const mp_obj_type_t *type, size_t len, mp_obj_t index, bool is_slice) {
    mp_int_t i;
    if (mp_obj_is_small_int(index)) {
        i = MP_OBJ_SMALL_INT_VALUE(index);
    } else if (index == mp_const_false || index == mp_const_true) {
        i = index == mp_const_true;
    } else if (mp_obj_is_exact_type(index, &mp_type_int)) {
        i = mp_obj_get_int(index);
    } else {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q indices must be integers, not %s"),
            type->name, mp_obj_get_type_str(index));
    }
    if (i < 0) {
        i += len;
    }
    if (is_slice) {
        return i < 0 ? 0 : (mp_uint_t)i > len ? len : (size_t)i;
    }
    if (i < 0 || (mp_uint_t)i >= len) {
        mp_raise_msg_varg(&mp_type_IndexError, MP_ERROR_TEXT("%q index out of range"), type->name);
    }
    return i;
}

// list.sort(key=, reverse=) through the list's own method.
mp_obj_t mp_obj_list_sort(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    size_t n_kw = kwargs == NULL ? 0 : kwargs->used;
    mp_obj_t *dest = m_malloc((2 + 2 * n_kw) * sizeof(mp_obj_t));
    mp_load_method(args[0], MP_QSTR_sort, dest);
    size_t k = 2;
    for (size_t i = 0; kwargs != NULL && i < kwargs->alloc; i++) {
        if (mp_map_slot_is_filled(kwargs, i)) {
            dest[k++] = kwargs->table[i].key;
            dest[k++] = kwargs->table[i].value;
        }
    }
    (void)n_args;
    mp_call_method_n_kw(0, n_kw, dest);
    m_free(dest);
    return mp_const_none;
}

// The firmware's integer parser through int(str, base) (a lexer for the
// error, which the layer does not pass, is not used).
mp_obj_t mp_parse_num_integer(const char *str, size_t len, int base, mp_lexer_t *lex) {
    (void)lex;
    mp_obj_t args[2] = { mp_obj_new_str(str, len), MP_OBJ_NEW_SMALL_INT(base) };
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_int), 2, 0, args);
}

// Well-formed UTF-8 as the firmware checks it: lead bytes and the number
// of continuation bytes they announce.
bool utf8_check(const byte *p, size_t len) {
    size_t need = 0;
    for (const byte *end = p + len; p < end; p++) {
        byte c = *p;
        if (need > 0) {
            if ((c & 0xc0) != 0x80) {
                return false;
            }
            need--;
        } else if (c >= 0xf8 || (c >= 0x80 && c < 0xc0)) {
            return false;
        } else if (c >= 0xc0) {
            need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        }
    }
    return need == 0;
}

// ---- Objects whose code is outside mp_fun_table ---------------------------------
// The finaliser of an object cannot be registered (above): a plain object.
void *mp_obj_malloc_with_finaliser_helper(size_t num_bytes, const mp_obj_type_t *type) {
    return mp_obj_malloc_helper(num_bytes, type);
}

mp_obj_t mp_obj_dict_get(mp_obj_t self_in, mp_obj_t index) {
    mp_obj_dict_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *elem = mp_map_lookup(&self->map, index, MP_MAP_LOOKUP);
    if (elem == NULL) {
        mp_raise_type_arg(&mp_type_KeyError, index);
    }
    return elem->value;
}

// The firmware's complex numbers through the complex type and its attributes.
mp_obj_t mp_obj_new_complex(mp_float_t real, mp_float_t imag) {
    mp_obj_t args[2] = { mp_obj_new_float(real), mp_obj_new_float(imag) };
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_complex), 2, 0, args);
}

void mp_obj_get_complex(mp_obj_t o, mp_float_t *real, mp_float_t *imag) {
    if (mp_obj_is_type(o, &mp_type_complex)) {
        *real = mp_obj_get_float(mp_load_attr(o, MP_QSTR_real));
        *imag = mp_obj_get_float(mp_load_attr(o, MP_QSTR_imag));
    } else {
        *real = mp_obj_get_float(o);
        *imag = 0;
    }
}

// py/objgetitemiter.c's iterator (the firmware's type is not reachable):
// args[0](args[1], i) for i = 0, 1, ... until IndexError or StopIteration.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t args[3];
} mpcy_natmod_getitem_iter_t;

static mp_obj_t mpcy_natmod_getitem_iter_next(mp_obj_t self_in) {
    mpcy_natmod_getitem_iter_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t value = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, value = mp_call_method_n_kw(1, 0, self->args));
    if (exc == MP_OBJ_NULL) {
        self->args[2] = MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(self->args[2]) + 1);
        return value;
    }
    mp_obj_t t = MP_OBJ_FROM_PTR(mp_obj_get_type(exc));
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_StopIteration))
        || mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_IndexError))) {
        return MP_OBJ_STOP_ITERATION;
    }
    nlr_raise(exc);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    mpcy_natmod_type_getitem_iter,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, mpcy_natmod_getitem_iter_next
    );

mp_obj_t mp_obj_new_getitem_iter(mp_obj_t *args, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    mpcy_natmod_getitem_iter_t *o = mp_obj_malloc(mpcy_natmod_getitem_iter_t, &mpcy_natmod_type_getitem_iter);
    o->args[0] = args[0];
    o->args[1] = args[1];
    o->args[2] = MP_OBJ_NEW_SMALL_INT(0);
    return MP_OBJ_FROM_PTR(o);
}

// ---- strtod and libm: the firmware's float() and math module --------------------
// (armv7m links newlib's libm instead: driver/natmod.py)
static bool mpcy_natmod_word(const char **p, const char *w) {
    size_t i = 0;
    for (; w[i]; i++) {
        if (((*p)[i] | 0x20) != w[i]) {
            return false;
        }
    }
    *p += i;
    return true;
}

static bool mpcy_natmod_digits(const char **p) {
    const char *s = *p;
    while (**p >= '0' && **p <= '9') {
        (*p)++;
    }
    return *p > s;
}

// The longest prefix of S that is a decimal number (as C's strtod; no hex),
// its value by the firmware's float().
double strtod(const char *s, char **end) {
    const char *p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
        p++;
    }
    const char *start = p;
    if (*p == '+' || *p == '-') {
        p++;
    }
    if (mpcy_natmod_word(&p, "inf")) {
        mpcy_natmod_word(&p, "inity");
    } else if (!mpcy_natmod_word(&p, "nan")) {
        bool whole = mpcy_natmod_digits(&p);
        bool frac = false;
        if (*p == '.') {
            p++;
            frac = mpcy_natmod_digits(&p);
            if (!whole && !frac) {
                p--;
            }
        }
        if (!whole && !frac) {
            if (end) {
                *end = (char *)s;
            }
            return 0;
        }
        if (*p == 'e' || *p == 'E') {
            const char *e = p + 1;
            if (*e == '+' || *e == '-') {
                e++;
            }
            if (mpcy_natmod_digits(&e)) {
                p = e;
            }
        }
    }
    if (end) {
        *end = (char *)p;
    }
    // Copied first: S may be in a GC block only an inner pointer reaches,
    // which the collector does not keep, and the str is an allocation.
    size_t n = p - start;
    char buf[n <= 512 ? n : 1];
    if (n <= 512) {
        memcpy(buf, start, n);
        start = buf;
    }
    mp_obj_t text = mp_obj_new_str(start, n);
    return mp_obj_get_float(mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_float), 1, 0, &text));
}

#if !defined(__arm__)
// math.FUN(X...); where the firmware raises, C's value: NaN for a domain
// error (ValueError), infinity for a range error (OverflowError).
static double mpcy_natmod_math(qstr fun, size_t n, double x, double y) {
    mp_obj_t args[2] = { mp_obj_new_float(x), mp_obj_new_float(y) };
    mp_obj_t math = mp_import_name(MP_QSTR_math, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t f = mp_load_attr(math, fun), r = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, r = mp_call_function_n_kw(f, n, 0, args));
    if (exc == MP_OBJ_NULL) {
        return mp_obj_get_float(r);
    }
    mp_obj_t t = MP_OBJ_FROM_PTR(mp_obj_get_type(exc));
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_OverflowError))) {
        return __builtin_inf();
    }
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_ValueError))) {
        return __builtin_nan("");
    }
    nlr_raise(exc);
}

double pow(double x, double y) {
    return mpcy_natmod_math(MP_QSTR_pow, 2, x, y);
}

double fmod(double x, double y) {
    return mpcy_natmod_math(MP_QSTR_fmod, 2, x, y);
}

double atan2(double y, double x) {
    return mpcy_natmod_math(MP_QSTR_atan2, 2, y, x);
}

double sqrt(double x) {
    return mpcy_natmod_math(MP_QSTR_sqrt, 1, x, 0);
}

double exp(double x) {
    return mpcy_natmod_math(MP_QSTR_exp, 1, x, 0);
}

double log(double x) {
    return x == 0 ? -__builtin_inf() : mpcy_natmod_math(MP_QSTR_log, 1, x, 0);
}

double ceil(double x) {
    return -floor(-x);
}

void sincos(double x, double *s, double *c) {
    *s = mpcy_natmod_math(MP_QSTR_sin, 1, x, 0);
    *c = mpcy_natmod_math(MP_QSTR_cos, 1, x, 0);
}
#endif

#endif
