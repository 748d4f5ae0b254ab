// The builtins Cython's code sees. The "builtins" module of PyImport_AddModule:
// MicroPython's, with format(), print() to any file, a super() that
// understands types created from specs and an __import__ that reaches the
// layer's stand-in modules (import.c) in front. PyEval_GetBuiltins: MicroPython's
// builtins dict. Both have CPython's exception names MicroPython lacks and
// __debug__, which the build adds to MicroPython's builtins table
// (mpcy_config.h, docs/exceptions.md). Nothing is copied into the heap.
#include "mpcy.h"

// Under -O (MicroPython's optimisation level above 0), a copy of the builtins
// dict whose __debug__ is False, as CPython's.
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_builtins_optimised);

// The overrides below: in a natmod each is extern, and the module's entry
// names those its code can look up (mpcy_natmod_builtins, below).
#ifdef MPCY_NATMOD
#define MPCY_OVERRIDE
#else
#define MPCY_OVERRIDE static
#endif

typedef struct {
    mp_obj_base_t base;
    const mp_obj_type_t *type;
    mp_obj_t obj;
} mpcy_super_t;

// `attr` along the bases of `t` (its own dict skipped), in order (a class
// with mixins has several); `base` is set to the one it is found in.
static mp_obj_t mpcy_super_lookup(const mp_obj_type_t *t, qstr attr, bool own, const mp_obj_type_t **base) {
    if (!MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
        return MP_OBJ_NULL;
    }
    const mp_obj_base_t *p = MP_OBJ_TYPE_GET_SLOT(t, parent);
    size_t n = p->type == &mp_type_tuple ? ((const mp_obj_tuple_t *)p)->len : 1;
    for (size_t i = 0; i < n; i++) {
        *base = p->type == &mp_type_tuple ? MP_OBJ_TO_PTR(((const mp_obj_tuple_t *)p)->items[i]) : (const mp_obj_type_t *)p;
        mp_obj_t d = own ? mpcy_type_lookup_own(*base, attr) : mpcy_type_lookup(*base, attr);
        if (d != MP_OBJ_NULL) {
            return d;
        }
    }
    return MP_OBJ_NULL;
}

// super(T, obj).attr for a spec type T: look up along T's bases (its own dict
// skipped) and bind to obj, as the generic attribute lookup does.
static void mpcy_super_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    mpcy_super_t *self = MP_OBJ_TO_PTR(self_in);
    const mp_obj_type_t *base = &mp_type_object;
    bool native = ((const mpcy_type_t *)self->type)->native != NULL;
    mp_obj_t d = mpcy_super_lookup(self->type, attr, native, &base);
    if (d == MP_OBJ_NULL && native) {
        // A built-in base: its __init__ remakes the built-in part, its other
        // attributes are the built-in part's (mpcy_nativebase.c).
        if (attr == MP_QSTR___init__) {
            dest[0] = MP_OBJ_FROM_PTR(&mpcy_native_init_obj);
            dest[1] = self->obj;
        } else {
            mp_load_method_maybe(mpcy_native_part(self->obj), attr, dest);
        }
        return;
    }
    if (d == MP_OBJ_NULL) {
        if (attr == MP_QSTR___init__) {
            // object.__init__: nothing to do.
            dest[0] = MP_OBJ_FROM_PTR(&mpcy_object_init_obj);
            dest[1] = self->obj;
        }
        return;
    }
    const mp_obj_type_t *dt = mp_obj_get_type(d);
    if (dt == &mpcy_type_method_descr) {
        dest[0] = d;
        dest[1] = self->obj;
        return;
    }
    descrgetfunc get = (descrgetfunc)mpcy_type_slot(dt, Py_tp_descr_get);
    if (get != NULL) {
        dest[0] = mpcy_check(get(MPCY_PY(d), MPCY_PY(self->obj), MPCY_PY(MP_OBJ_FROM_PTR(mp_obj_get_type(self->obj)))));
        return;
    }
    mp_convert_member_lookup(self->obj, base, d, dest);
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_super, MP_QSTR_super, MP_TYPE_FLAG_NONE,
    attr, mpcy_super_attr);

static mp_obj_t mpcy_super(size_t n_args, const mp_obj_t *args) {
    if (n_args == 2 && mp_obj_is_type(args[0], &mp_type_type) && MPCY_IS_SPEC_TYPE(MP_OBJ_TO_PTR(args[0]))) {
        mpcy_super_t *s = mp_obj_malloc(mpcy_super_t, &mpcy_type_super);
        s->type = MP_OBJ_TO_PTR(args[0]);
        s->obj = args[1];
        return MP_OBJ_FROM_PTR(s);
    }
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_super), n_args, 0, args);
}
MPCY_OVERRIDE MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_super_obj, 0, 2, mpcy_super);

// format(): MicroPython has none; Cython code gets PyObject_Format's.
static mp_obj_t mpcy_format(size_t n_args, const mp_obj_t *args) {
    PyObject *r = PyObject_Format(MPCY_PY(args[0]), n_args > 1 ? MPCY_PY(args[1]) : NULL);
    return mpcy_check(r);
}
MPCY_OVERRIDE MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_format_obj, 1, 2, mpcy_format);

// vars(): MicroPython has none; Cython looks it up at import when a module
// names it (Cython itself compiles a vars() without arguments to the locals).
static mp_obj_t mpcy_vars(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        return MP_OBJ_FROM_PTR(mp_locals_get()); // as MicroPython's locals()
    }
    mp_obj_t d = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, d = mpcy_load_attr(args[0], MP_QSTR___dict__));
    if (exc != MP_OBJ_NULL) {
        if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_AttributeError))) {
            nlr_raise(exc);
        }
        mp_raise_TypeError(MP_ERROR_TEXT("vars() argument must have __dict__ attribute"));
    }
    return d;
}
MPCY_OVERRIDE MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_vars_obj, 0, 1, mpcy_vars);

// ascii(): MicroPython has none (Cython looks it up at import too).
static mp_obj_t mpcy_ascii(mp_obj_t o) {
    return mpcy_check(PyObject_ASCII(MPCY_PY(o)));
}
MPCY_OVERRIDE MP_DEFINE_CONST_FUN_OBJ_1(mpcy_ascii_obj, mpcy_ascii);

// A str argument of print() (None: its default).
static const char *mpcy_print_text(mp_obj_t o, const char *dflt, qstr what, size_t *len) {
    if (o == mp_const_none) {
        *len = strlen(dflt);
        return dflt;
    }
    if (!mp_obj_is_str(o)) {
        mpcy_raise(&mp_type_TypeError, "%s must be None or a string, not %s", qstr_str(what), mp_obj_get_type_str(o));
    }
    return mp_obj_str_get_data(o, len);
}

static MPCY_QCONST mp_arg_t mpcy_print_builtin_args[] = {
    { MPCY_Q(MP_QSTR_sep), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_end), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_file), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_flush), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_FALSE} },
};
MPCY_FIX_ARGS(mpcy_print_builtin_args);

// print(*args, sep=' ', end='\n', file=None, flush=False), CPython's: to
// `file` or sys.stdout (a replaced one too, sysmodule.c), any object with a
// write() method, one call per piece; MicroPython's print takes only streams
// and no None or flush.
static mp_obj_t mpcy_print_builtin(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    enum { ARG_sep, ARG_end, ARG_file, ARG_flush };
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_print_builtin_args)];
    mp_arg_parse_all(0, NULL, kw, MP_ARRAY_SIZE(mpcy_print_builtin_args), mpcy_print_builtin_args, v);
    size_t sep_len, end_len;
    const char *sep = mpcy_print_text(v[ARG_sep].u_obj, " ", MP_QSTR_sep, &sep_len);
    const char *end = mpcy_print_text(v[ARG_end].u_obj, "\n", MP_QSTR_end, &end_len);
    mp_obj_t file = v[ARG_file].u_obj != mp_const_none ? v[ARG_file].u_obj : mpcy_sys_get(MP_QSTR_stdout);
    mp_print_t buf;
    const mp_print_t *print = file != MP_OBJ_NULL ? mpcy_file_printer(file, &buf) : &mp_plat_print;
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            print->print_strn(print->data, sep, sep_len);
        }
        if (file == MP_OBJ_NULL) {
            mp_obj_print_helper(print, args[i], PRINT_STR);
        } else {
            size_t len;
            mp_obj_t text = mp_obj_is_str(args[i]) ? args[i] : mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_str), args[i]);
            const char *data = mp_obj_str_get_data(text, &len);
            print->print_strn(print->data, data, len);
        }
    }
    print->print_strn(print->data, end, end_len);
    if (file != MP_OBJ_NULL && mp_obj_is_true(v[ARG_flush].u_obj)) {
        mp_obj_t dest[2];
        mp_load_method(file, MP_QSTR_flush, dest);
        mp_call_method_n_kw(0, 0, dest);
    }
    return mp_const_none;
}
MPCY_OVERRIDE MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_print_builtin_obj, 0, mpcy_print_builtin);

static bool mpcy_debug(void) {
    #if defined(MPCY_NATMOD)
    // the firmware's level through micropython.opt_level(), where it has one
    mp_obj_t dest[2];
    mp_load_method_maybe(MP_STATE_VM(micropython), MP_QSTR_opt_level, dest);
    return dest[0] == MP_OBJ_NULL || mp_obj_get_int(mp_call_method_n_kw(0, 0, dest)) == 0;
    #elif MICROPY_ENABLE_COMPILER
    return MP_STATE_VM(mp_optimise_value) == 0;
    #else
    return true;
    #endif
}

#ifdef MPCY_NATMOD
// A natmod registers no attribute delegation: every other name comes
// through the module's __getattr__ (MICROPY_MODULE_GETATTR) instead.
void mpcy_builtins_attr(mp_obj_t self, qstr attr, mp_obj_t *dest);
static mp_obj_t mpcy_builtins_getattr(mp_obj_t name) {
    qstr q = mp_obj_str_get_qstr(name);
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mpcy_builtins_attr(MP_OBJ_NULL, q, dest);
    if (dest[0] == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT("'module' object has no attribute '%q'"), q);
    }
    return dest[0];
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_builtins_getattr_obj, mpcy_builtins_getattr);
#endif

static const mp_rom_map_elem_t mpcy_builtins_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_builtins) },
    #ifdef MPCY_NATMOD
    { MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&mpcy_builtins_getattr_obj) },
    #else
    { MP_ROM_QSTR(MP_QSTR_super), MP_ROM_PTR(&mpcy_super_obj) },
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&mpcy_format_obj) },
    { MP_ROM_QSTR(MP_QSTR_vars), MP_ROM_PTR(&mpcy_vars_obj) },
    { MP_ROM_QSTR(MP_QSTR_ascii), MP_ROM_PTR(&mpcy_ascii_obj) },
    { MP_ROM_QSTR(MP_QSTR_print), MP_ROM_PTR(&mpcy_print_builtin_obj) },
    { MP_ROM_QSTR(MP_QSTR___import__), MP_ROM_PTR(&mpcy_import_builtin_obj) },
    #endif
};
MPCY_DEFINE_CONST_MODULE(mpcy_builtins_module_obj, mpcy_builtins_table);

#ifdef MPCY_NATMOD
// Every override, for a runtime or an entry that does not say which: a
// module's generated entry defines the table with only those its code can
// look up (driver/natmod.py, builtin_overrides), and the link drops this one
// and the overrides no table names.
__attribute__((weak)) const void *const mpcy_natmod_builtins[MPCY_NATMOD_N_BUILTINS] = {
    &mpcy_super_obj, &mpcy_format_obj, &mpcy_vars_obj, &mpcy_ascii_obj, &mpcy_print_builtin_obj, &mpcy_import_builtin_obj,
};
#endif

// Every other name: MicroPython's builtins module, overrides first (Python
// code's `builtins.x = v`, which a store here also makes, as CPython's one
// namespace). Not static: MicroPython's table of delegations declares it.
void mpcy_builtins_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    (void)self;
    #ifdef MPCY_NATMOD
    if (dest[0] == MP_OBJ_NULL) {
        // the overrides this module's code can look up, first, as the
        // table's entries are in every other build
        size_t i = attr == MP_QSTR_super ? 0 : attr == MP_QSTR_format ? 1 : attr == MP_QSTR_vars ? 2
            : attr == MP_QSTR_ascii ? 3 : attr == MP_QSTR_print ? 4 : attr == MP_QSTR___import__ ? 5
            : MPCY_NATMOD_N_BUILTINS;
        if (i < MPCY_NATMOD_N_BUILTINS && mpcy_natmod_builtins[i] != NULL) {
            dest[0] = MP_OBJ_FROM_PTR(mpcy_natmod_builtins[i]);
            return;
        }
    }
    #endif
    if (dest[0] == MP_OBJ_NULL) {
        mp_obj_t v = attr == MP_QSTR___debug__ ? mp_obj_new_bool(mpcy_debug()) : mpcy_builtin_override(attr);
        if (v != MP_OBJ_NULL) {
            dest[0] = v;
            return;
        }
    }
    MP_OBJ_TYPE_GET_SLOT(&mp_type_module, attr)(MP_OBJ_FROM_PTR(&mp_module_builtins), attr, dest);
}
MP_REGISTER_MODULE_DELEGATION(mpcy_builtins_module_obj, mpcy_builtins_attr);

PyObject *PyEval_GetBuiltins(void) {
    #ifdef MPCY_NATMOD
    // The firmware's builtins dict is constant and has no __debug__: a copy,
    // with __debug__ as the optimisation level says now.
    MPCY_TRY(NULL, {
        if (MP_STATE_VM(mpcy_builtins_optimised) == MP_OBJ_NULL) {
            MP_STATE_VM(mpcy_builtins_optimised) = mp_obj_dict_copy(MP_OBJ_FROM_PTR(&mp_module_builtins_globals));
        }
        mp_obj_dict_store(MP_STATE_VM(mpcy_builtins_optimised), MP_OBJ_NEW_QSTR(MP_QSTR___debug__), mp_obj_new_bool(mpcy_debug()));
    });
    return MPCY_PY(MP_STATE_VM(mpcy_builtins_optimised));
    #endif
    if (mpcy_debug()) {
        return MPCY_PY(MP_OBJ_FROM_PTR(&mp_module_builtins_globals));
    }
    if (MP_STATE_VM(mpcy_builtins_optimised) == MP_OBJ_NULL) {
        MPCY_TRY(NULL, {
            mp_obj_t d = mp_obj_dict_copy(MP_OBJ_FROM_PTR(&mp_module_builtins_globals));
            mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(MP_QSTR___debug__), mp_const_false);
            MP_STATE_VM(mpcy_builtins_optimised) = d;
        });
    }
    return MPCY_PY(MP_STATE_VM(mpcy_builtins_optimised));
}

PyObject *mpcy_builtins_module(void) {
    return MPCY_PY(MP_OBJ_FROM_PTR(&mpcy_builtins_module_obj));
}

// The metaclass of a class statement, as CPython's
// _PyType_CalculateMetaclass: of `meta` (the metaclass= keyword, or type) and
// the types of the bases, the one that derives from all the others.
static mp_obj_t mpcy_calculate_metaclass(mp_obj_t meta, mp_obj_t bases) {
    if (!mp_obj_is_type(meta, &mp_type_type)) {
        return meta; // a function as metaclass: called as it is
    }
    mp_obj_tuple_t *b = MP_OBJ_TO_PTR(bases);
    for (size_t i = 0; i < b->len; i++) {
        mp_obj_t bt = MP_OBJ_FROM_PTR(mp_obj_get_type(b->items[i]));
        if (mp_obj_is_subclass_fast(meta, bt)) {
            continue;
        }
        if (!mp_obj_is_subclass_fast(bt, meta)) {
            mp_raise_TypeError(MP_ERROR_TEXT("metaclass conflict: the metaclass of a derived class must be a "
                "(non-strict) subclass of the metaclasses of all its bases"));
        }
        meta = bt;
    }
    return meta;
}

// A class statement with keywords (`class X(B, metaclass=M, a=1)`), which
// MicroPython's __build_class__ does not take: the metaclass (its
// __prepare__ makes the namespace) called with the name, the bases, the
// namespace and the other keywords, as CPython's.
static mp_obj_t mpcy_build_class_kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_obj_t bases = mp_obj_new_tuple(n_args - 2, args + 2);
    mp_obj_t meta = MP_OBJ_FROM_PTR(&mp_type_type);
    // the call of the metaclass: name, bases, namespace, then the keywords
    mp_obj_t *call = m_new(mp_obj_t, 3 + 2 * kw->used);
    size_t n_kw = 0;
    for (size_t i = 0; i < kw->alloc; i++) {
        if (!mp_map_slot_is_filled(kw, i)) {
            continue;
        }
        if (kw->table[i].key == MP_OBJ_NEW_QSTR(MP_QSTR_metaclass)) {
            meta = kw->table[i].value;
        } else {
            call[3 + 2 * n_kw] = kw->table[i].key;
            call[4 + 2 * n_kw] = kw->table[i].value;
            n_kw++;
        }
    }
    meta = mpcy_calculate_metaclass(meta, bases);
    call[0] = args[1];
    call[1] = bases;
    mp_obj_t prepare[2];
    mp_load_method_maybe(meta, MP_QSTR___prepare__, prepare);
    mp_obj_t ns;
    if (prepare[0] != MP_OBJ_NULL) {
        // __prepare__(name, bases, **kw), bound as looked up
        mp_obj_t *pargs = m_new(mp_obj_t, 2 + 2 + 2 * n_kw);
        pargs[0] = prepare[0];
        pargs[1] = prepare[1];
        pargs[2] = args[1];
        pargs[3] = bases;
        memcpy(pargs + 4, call + 3, 2 * n_kw * sizeof(mp_obj_t));
        ns = mp_call_method_n_kw(2, n_kw, pargs);
        if (!mp_obj_is_exact_type(ns, &mp_type_dict)) {
            // MicroPython's class body stores into its namespace as a dict.
            mp_raise_TypeError(MP_ERROR_TEXT("__prepare__ must return a dict on MicroPython"));
        }
    } else {
        ns = mp_obj_new_dict(0);
    }
    mp_obj_dict_t *old_locals = mp_locals_get();
    mp_locals_set(MP_OBJ_TO_PTR(ns));
    mp_obj_t cell = mp_call_function_0(args[0]);
    mp_locals_set(old_locals);
    call[2] = ns;
    mp_obj_t cls;
    if (meta == MP_OBJ_FROM_PTR(&mp_type_type) && n_kw == 0 && mpcy_has_spec_base(bases)) {
        cls = mpcy_type_from_class(args[1], bases, ns);
    } else {
        cls = mp_call_function_n_kw(meta, 3, n_kw, call);
        if (mp_obj_is_type(cls, &mp_type_type)) {
            cls = mpcy_new_class(cls);
        }
    }
    if (cell != mp_const_none) {
        mp_obj_cell_set(cell, cls);
    }
    return cls;
}

// builtins.__build_class__: MicroPython's, except for classes with a base
// made from a spec (see mpcy_type_from_class), with __set_name__ calls
// where MicroPython makes none (mpcy_new_class), and with keywords
// (mpcy_build_class_kw).
static mp_obj_t mpcy_build_class(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    if (kw->used > 0) {
        return mpcy_build_class_kw(n_args, args, kw);
    }
    if (n_args > 2) {
        mp_obj_t bases = mp_obj_new_tuple(n_args - 2, args + 2);
        if (mpcy_has_spec_base(bases)) {
            mp_obj_dict_t *old_locals = mp_locals_get();
            mp_obj_t ns = mp_obj_new_dict(0);
            mp_locals_set(MP_OBJ_TO_PTR(ns));
            mp_obj_t cell = mp_call_function_0(args[0]);
            mp_locals_set(old_locals);
            mp_obj_t cls = mpcy_type_from_class(args[1], bases, ns);
            if (cell != mp_const_none) {
                mp_obj_cell_set(cell, cls);
            }
            return cls;
        }
    }
    return mpcy_new_class(mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_builtin___build_class___obj), n_args, 0, args));
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_build_class_obj, 2, mpcy_build_class);

#if defined(MPCY_NATMOD)
// The firmware's override dict is out of reach in a natmod: a global lookup
// from an empty namespace finds an override before the builtin, and Python
// code's store to builtins (builtins.x = v) makes one. Reading one allocates
// (an exception where there is none); a store does not keep the dict sparse.
mp_obj_t mpcy_builtin_override(qstr name) {
    mp_obj_dict_t *prev = mp_fun_table.swap_globals(MP_OBJ_TO_PTR(MP_STATE_VM(empty_globals)));
    mp_obj_t v = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, v = mp_load_global(name));
    mp_fun_table.swap_globals(prev);
    if (exc != MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    mp_map_elem_t *b = mp_map_lookup(&mp_module_builtins_globals.map, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP);
    return b != NULL && b->value == v ? MP_OBJ_NULL : v;
}

mp_obj_t mpcy_set_builtin_override(qstr name, mp_obj_t value) {
    mp_obj_t prev = mpcy_builtin_override(name);
    mp_store_attr(MP_STATE_VM(builtins), name, value);
    return prev;
}
#else
// The builtins override of `name` (MICROPY_CAN_OVERRIDE_BUILTINS), or
// MP_OBJ_NULL.
mp_obj_t mpcy_builtin_override(qstr name) {
    mp_obj_dict_t *d = MP_STATE_VM(mp_module_builtins_override_dict);
    mp_map_elem_t *e = d == NULL ? NULL : mp_map_lookup(&d->map, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP);
    return e == NULL ? MP_OBJ_NULL : e->value;
}

// MicroPython grows a map only when it is full, and every global name that
// Python code looks up in builtins first misses in the override dict, walking
// its probe chain to an empty slot. So the layer's names go into a dict at
// most half full, or every builtin lookup of Python code gets slower once a
// Cython module is imported (bench/profile.py --counts await_sleep).
static void mpcy_builtin_override_reserve(size_t n) {
    mp_obj_dict_t *d = MP_STATE_VM(mp_module_builtins_override_dict);
    size_t used = d == NULL ? 0 : d->map.used;
    if (d != NULL && d->map.alloc >= 2 * (used + n)) {
        return;
    }
    mp_obj_t sparse = mp_obj_new_dict(2 * (used + n));
    for (size_t i = 0; d != NULL && i < d->map.alloc; i++) {
        if (mp_map_slot_is_filled(&d->map, i)) {
            mp_obj_dict_store(sparse, d->map.table[i].key, d->map.table[i].value);
        }
    }
    MP_STATE_VM(mp_module_builtins_override_dict) = MP_OBJ_TO_PTR(sparse);
}

// Override builtins.`name` with `value`; the previous override, or MP_OBJ_NULL.
mp_obj_t mpcy_set_builtin_override(qstr name, mp_obj_t value) {
    mp_obj_t prev = mpcy_builtin_override(name);
    mpcy_builtin_override_reserve(1);
    mp_obj_dict_store(MP_OBJ_FROM_PTR(MP_STATE_VM(mp_module_builtins_override_dict)), MP_OBJ_NEW_QSTR(name), value);
    return prev;
}
#endif

// Once, when the first Cython module is imported: Python classes deriving
// from cdef classes are made by the layer.
void mpcy_install_hooks(void) {
    mpcy_set_builtin_override(MP_QSTR___build_class__, MP_OBJ_FROM_PTR(&mpcy_build_class_obj));
}
