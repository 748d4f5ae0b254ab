// The natmod flavour of the layer (include/mpcy_natmod.h, docs/embedded.md
// "Without rebuilding the firmware"): its state, what it finds in the
// firmware at import, and the module init mpy_init runs. Empty in every
// other build.
#include "mpcy.h"

#ifdef MPCY_NATMOD

MPCY_NATMOD_ROOT mpcy_natmod_state_t mpcy_natmod_state;

void mpcy_natmod_init_exceptions(void);

// A constant table's marker qstrs (MP_ROM_QSTR in include/mpcy_natmod.h)
// become the module's qstrs.
static mp_rom_obj_t mpcy_natmod_fix_qstr(mp_rom_obj_t o) {
    if (mp_obj_is_qstr(o) && MP_OBJ_QSTR_VALUE(o) >= MPCY_NATMOD_QMARK) {
        return MP_OBJ_NEW_QSTR(mp_native_qstr_table[MP_OBJ_QSTR_VALUE(o) - MPCY_NATMOD_QMARK]);
    }
    return o;
}

void mpcy_natmod_table_qstrs(mp_rom_map_elem_t *table, size_t n) {
    for (size_t i = 0; i < n; i++) {
        table[i].key = mpcy_natmod_fix_qstr(table[i].key);
        table[i].value = mpcy_natmod_fix_qstr(table[i].value);
    }
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
    mpcy_natmod_fixups();
    mpcy_natmod_state.builtins = mp_import_name(MP_QSTR_builtins, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mpcy_natmod_find_types();
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
int *__errno_location(void) {
    static int e;
    return &e;
}

// The C heap of a natmod is the GC heap: a block lives while memory the
// collector scans points to it (PyMem_RawMalloc's callers keep it so).
void *malloc(size_t n) {
    return mp_fun_table.realloc_(NULL, n, false);
}

void free(void *p) {
    mp_fun_table.realloc_(p, 0, false);
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

#endif
