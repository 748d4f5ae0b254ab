// The warnings module (CPython's Lib/warnings.py) in every MicroPython the
// layer is built into, and the layer's PyErr_Warn* (warnings.h) through it:
// the filters decide, as in CPython, whether a warning is raised ('error'),
// dropped ('ignore'), recorded (catch_warnings(record=True)) or printed to
// stderr (once per location for 'default'). What MicroPython cannot give:
// docs/exceptions.md ("warnings").
#include "mpcy.h"
#include "py/builtin.h"

// The module's state, made by its __init__ (once per VM: MicroPython calls a
// built-in module's __init__ on the first import after each start or soft
// reset).
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_warnings);

typedef struct {
    mp_obj_t filters; // list of (action, message, category, module, lineno), first match wins
    mp_obj_t registry; // warn()'s: (text, category, lineno, module) already shown; emptied when the filters change
    mp_int_t version; // of the filters: a registry of another version is emptied first (CPython's already_warned)
    mp_obj_t onceregistry; // (text, category) shown by 'once'
    mp_obj_t log; // the list of the innermost catch_warnings(record=True), or MP_OBJ_NULL
    mp_obj_t showwarning; // warnings.showwarning, which programs may replace
} mpcy_warnings_t;

static mpcy_warnings_t *mpcy_warnings_state(void) {
    if (MP_STATE_VM(mpcy_warnings) == MP_OBJ_NULL) {
        // PyErr_WarnEx before any `import warnings`: the import makes it.
        mp_import_name(MP_QSTR_warnings, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    }
    return MP_OBJ_TO_PTR(MP_STATE_VM(mpcy_warnings));
}

static void mpcy_filters_mutated(mpcy_warnings_t *w) {
    w->registry = mp_obj_new_dict(0);
    w->version++;
}

static mp_obj_t mpcy_filter(const char *action, mp_obj_t message, const mp_obj_type_t *category, mp_obj_t module) {
    mp_obj_t item[5] = { mp_obj_new_str(action, strlen(action)), message, MP_OBJ_FROM_PTR(category), module, MP_OBJ_NEW_SMALL_INT(0) };
    return mp_obj_new_tuple(5, item);
}

static const mp_obj_fun_builtin_var_t mpcy_showwarning_obj;

static mp_obj_t mpcy_warnings_init(void) {
    mpcy_warnings_t *w = m_new_obj(mpcy_warnings_t);
    // CPython's default filters (a release build, not -X dev).
    mp_obj_t defaults[5] = {
        mpcy_filter("default", mp_const_none, &mpcy_type_DeprecationWarning, MP_OBJ_NEW_QSTR(MP_QSTR___main__)),
        mpcy_filter("ignore", mp_const_none, &mpcy_type_DeprecationWarning, mp_const_none),
        mpcy_filter("ignore", mp_const_none, &mpcy_type_PendingDeprecationWarning, mp_const_none),
        mpcy_filter("ignore", mp_const_none, &mpcy_type_ImportWarning, mp_const_none),
        mpcy_filter("ignore", mp_const_none, &mpcy_type_ResourceWarning, mp_const_none),
    };
    w->filters = mp_obj_new_list(5, defaults);
    w->onceregistry = mp_obj_new_dict(0);
    w->log = MP_OBJ_NULL;
    w->showwarning = MP_OBJ_FROM_PTR(&mpcy_showwarning_obj);
    w->version = 0;
    mpcy_filters_mutated(w);
    MP_STATE_VM(mpcy_warnings) = MP_OBJ_FROM_PTR(w);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(mpcy_warnings_init_obj, mpcy_warnings_init);

// ---- WarningMessage: what catch_warnings(record=True) records -----------------
typedef struct {
    mp_obj_base_t base;
    mp_obj_t message, category, filename, lineno, file, line, source;
} mpcy_warning_message_t;

// The four required parameters that begin WarningMessage, showwarning and
// formatwarning alike.
#define MPCY_WARNING_REQUIRED_ARGS \
    { MPCY_Q(MP_QSTR_message), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} }, \
    { MPCY_Q(MP_QSTR_category), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} }, \
    { MPCY_Q(MP_QSTR_filename), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} }, \
    { MPCY_Q(MP_QSTR_lineno), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} }

// WarningMessage's arguments, in the order of its fields (their names too);
// showwarning takes the first six.
static MPCY_QCONST mp_arg_t mpcy_warning_args[] = {
    MPCY_WARNING_REQUIRED_ARGS,
    { MPCY_Q(MP_QSTR_file), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_line), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_source), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
};
MPCY_FIX_ARGS(mpcy_warning_args);

static mp_obj_t mpcy_warning_message_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_val_t vals[MP_ARRAY_SIZE(mpcy_warning_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(mpcy_warning_args), mpcy_warning_args, vals);
    mpcy_warning_message_t *m = mp_obj_malloc(mpcy_warning_message_t, type);
    mp_obj_t *fields = &m->message;
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_warning_args); i++) {
        fields[i] = vals[i].u_obj;
    }
    return MP_OBJ_FROM_PTR(m);
}

static void mpcy_warning_message_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpcy_warning_message_t *m = MP_OBJ_TO_PTR(self_in);
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_warning_args); i++) {
        if (attr == mpcy_warning_args[i].qst) {
            mp_obj_t *fields = &m->message;
            if (dest[0] == MP_OBJ_NULL) {
                dest[0] = fields[i];
            } else {
                fields[i] = dest[1];
                dest[0] = MP_OBJ_NULL;
            }
            return;
        }
    }
}

// CPython's str(): {message : ..., category : 'Name', filename : ..., lineno : N, line : ...}
static void mpcy_warning_message_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpcy_warning_message_t *m = MP_OBJ_TO_PTR(self_in);
    mp_print_str(print, "{message : ");
    mp_obj_print_helper(print, m->message, PRINT_REPR);
    mp_printf(print, ", category : '%q', filename : ", ((mp_obj_type_t *)MP_OBJ_TO_PTR(m->category))->name);
    mp_obj_print_helper(print, m->filename, PRINT_REPR);
    mp_print_str(print, ", lineno : ");
    mp_obj_print_helper(print, m->lineno, PRINT_STR);
    mp_print_str(print, ", line : ");
    mp_obj_print_helper(print, m->line, PRINT_REPR);
    mp_print_str(print, "}");
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_WarningMessage, MP_QSTR_WarningMessage, MP_TYPE_FLAG_NONE,
    make_new, mpcy_warning_message_make_new,
    print, mpcy_warning_message_print,
    attr, mpcy_warning_message_attr);

// ---- Showing a warning ---------------------------------------------------------
static MPCY_QCONST mp_arg_t mpcy_formatwarning_args[] = {
    MPCY_WARNING_REQUIRED_ARGS,
    { MPCY_Q(MP_QSTR_line), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
};
MPCY_FIX_ARGS(mpcy_formatwarning_args);

static mp_obj_t mpcy_formatwarning(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_formatwarning_args)];
    mp_arg_parse_all(n_args, args, kw, MP_ARRAY_SIZE(mpcy_formatwarning_args), mpcy_formatwarning_args, v);
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 64, &print);
    mp_obj_print_helper(&print, v[2].u_obj, PRINT_STR);
    mp_print_str(&print, ":");
    mp_obj_print_helper(&print, v[3].u_obj, PRINT_STR);
    mp_printf(&print, ": %q: ", ((mp_obj_type_t *)MP_OBJ_TO_PTR(v[1].u_obj))->name);
    mp_obj_print_helper(&print, v[0].u_obj, PRINT_STR);
    mp_print_str(&print, "\n");
    if (v[4].u_obj != mp_const_none) {
        mp_print_str(&print, "  ");
        mp_obj_print_helper(&print, v[4].u_obj, PRINT_STR);
        mp_print_str(&print, "\n");
    }
    return mp_obj_new_str_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_formatwarning_obj, 4, mpcy_formatwarning);

// showwarning(message, category, filename, lineno, file=None, line=None):
// formatwarning's text to `file` (sys.stderr by default).
static mp_obj_t mpcy_showwarning(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[6];
    mp_arg_parse_all(n_args, args, kw, 6, mpcy_warning_args, v);
    mp_obj_t fargs[5] = { v[0].u_obj, v[1].u_obj, v[2].u_obj, v[3].u_obj, v[5].u_obj };
    mp_obj_t text = mpcy_formatwarning(5, fargs, (mp_map_t *)&mp_const_empty_map);
    size_t len;
    const char *s = mp_obj_str_get_data(text, &len);
    mp_print_t buf;
    const mp_print_t *print = v[4].u_obj == mp_const_none ? mpcy_sys_printer(MP_QSTR_stderr, &buf) : mpcy_file_printer(v[4].u_obj, &buf);
    mp_print_strn(print, s, len, 0, 0, 0);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_showwarning_obj, 4, mpcy_showwarning);

// ---- The filters ---------------------------------------------------------------
// A filter's message or module: None matches everything, a string only
// itself (CPython's default filters), a compiled pattern what its match()
// accepts.
static bool mpcy_filter_matches(mp_obj_t pattern, mp_obj_t text) {
    if (pattern == mp_const_none) {
        return true;
    }
    if (mp_obj_is_str(pattern)) {
        return mp_obj_equal(pattern, text);
    }
    mp_obj_t dest[3];
    mp_load_method(pattern, MP_QSTR_match, dest);
    dest[2] = text;
    return mp_call_method_n_kw(1, 0, dest) != mp_const_none;
}

// Invalid arguments of filterwarnings and simplefilter: CPython 3.11's
// assertions, with their messages.
static void mpcy_assert(bool ok, const char *msg) {
    if (!ok) {
        mp_raise_msg(&mp_type_AssertionError, (mp_rom_error_text_t)msg);
    }
}

// The pattern filterwarnings stores for `s` ("" matches everything): as
// CPython, a compiled regular expression where MicroPython has `re` (matched
// case-sensitively: MicroPython's re has no IGNORECASE); else the string.
static mp_obj_t mpcy_filter_pattern(mp_obj_t s, const char *what) {
    mpcy_assert(mp_obj_is_str(s), what);
    if (mp_obj_len(s) == MP_OBJ_NEW_SMALL_INT(0)) {
        return mp_const_none;
    }
    #if MICROPY_PY_RE
    mp_obj_t re = mp_import_name(MP_QSTR_re, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t dest[3];
    mp_load_method(re, MP_QSTR_compile, dest);
    dest[2] = s;
    return mp_call_method_n_kw(1, 0, dest);
    #else
    return s;
    #endif
}

static MPCY_QCONST qstr mpcy_actions[] = {
    MPCY_Q(MP_QSTR_error), MPCY_Q(MP_QSTR_ignore), MPCY_Q(MP_QSTR_always), MPCY_Q(MP_QSTR_all),
    MPCY_Q(MP_QSTR_default), MPCY_Q(MP_QSTR_module), MPCY_Q(MP_QSTR_once),
};
MPCY_FIX_QSTRS(mpcy_actions);

static mp_obj_t mpcy_check_action(mp_obj_t action) {
    if (mp_obj_is_str(action)) {
        qstr q = mp_obj_str_get_qstr(action);
        for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_actions); i++) {
            if (q == mpcy_actions[i]) {
                return MP_OBJ_NEW_QSTR(q);
            }
        }
    }
    mpcy_raise(&mp_type_AssertionError, "invalid action: %R", MPCY_PY(action));
}

static void mpcy_check_category(mp_obj_t category) {
    mpcy_assert(mp_obj_is_type(category, &mp_type_type), "category must be a class");
    mpcy_assert(mp_obj_is_subclass_fast(category, MP_OBJ_FROM_PTR(&mpcy_type_Warning)), "category must be a Warning subclass");
}

static mp_obj_t mpcy_check_lineno(mp_obj_t lineno) {
    mpcy_assert(mp_obj_is_small_int(lineno) && MP_OBJ_SMALL_INT_VALUE(lineno) >= 0, "lineno must be an int >= 0");
    return lineno;
}

// CPython's _add_filter: at the front (an equal filter moved there), or at
// the end unless already there.
static void mpcy_add_filter(mp_obj_t *item, bool append) {
    mpcy_warnings_t *w = mpcy_warnings_state();
    mp_obj_t filter = mp_obj_new_tuple(5, item);
    mp_obj_list_t *filters = MP_OBJ_TO_PTR(w->filters);
    size_t i = 0;
    while (i < filters->len && !mp_obj_equal(filters->items[i], filter)) {
        i++;
    }
    if (!append) {
        if (i < filters->len) {
            mp_obj_list_remove(w->filters, filter);
        }
        mp_obj_t dest[4];
        mp_load_method(w->filters, MP_QSTR_insert, dest);
        dest[2] = MP_OBJ_NEW_SMALL_INT(0);
        dest[3] = filter;
        mp_call_method_n_kw(2, 0, dest);
    } else if (i == filters->len) {
        mp_obj_list_append(w->filters, filter);
    }
    mpcy_filters_mutated(w);
}

static MPCY_QCONST mp_arg_t mpcy_filterwarnings_args[] = {
    { MPCY_Q(MP_QSTR_action), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_message), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_)} },
    { MPCY_Q(MP_QSTR_category), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mpcy_type_Warning)} },
    { MPCY_Q(MP_QSTR_module), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_)} },
    { MPCY_Q(MP_QSTR_lineno), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(0)} },
    { MPCY_Q(MP_QSTR_append), MP_ARG_BOOL, {.u_bool = false} },
};
MPCY_FIX_ARGS(mpcy_filterwarnings_args);

static mp_obj_t mpcy_filterwarnings(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_filterwarnings_args)];
    mp_arg_parse_all(n_args, args, kw, MP_ARRAY_SIZE(mpcy_filterwarnings_args), mpcy_filterwarnings_args, v);
    mp_obj_t action = mpcy_check_action(v[0].u_obj);
    mp_obj_t message = mpcy_filter_pattern(v[1].u_obj, "message must be a string");
    mpcy_check_category(v[2].u_obj);
    mp_obj_t module = mpcy_filter_pattern(v[3].u_obj, "module must be a string");
    mp_obj_t item[5] = { action, message, v[2].u_obj, module, mpcy_check_lineno(v[4].u_obj) };
    mpcy_add_filter(item, v[5].u_bool);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_filterwarnings_obj, 1, mpcy_filterwarnings);

static MPCY_QCONST mp_arg_t mpcy_simplefilter_args[] = {
    { MPCY_Q(MP_QSTR_action), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_category), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mpcy_type_Warning)} },
    { MPCY_Q(MP_QSTR_lineno), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(0)} },
    { MPCY_Q(MP_QSTR_append), MP_ARG_BOOL, {.u_bool = false} },
};
MPCY_FIX_ARGS(mpcy_simplefilter_args);

// simplefilter's arguments, already parsed (catch_warnings(action=...) too).
static void mpcy_simplefilter_parsed(const mp_arg_val_t *v) {
    mp_obj_t action = mpcy_check_action(v[0].u_obj);
    mp_obj_t item[5] = { action, mp_const_none, v[1].u_obj, mp_const_none, mpcy_check_lineno(v[2].u_obj) };
    mpcy_add_filter(item, v[3].u_bool);
}

static mp_obj_t mpcy_simplefilter(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_simplefilter_args)];
    mp_arg_parse_all(n_args, args, kw, MP_ARRAY_SIZE(mpcy_simplefilter_args), mpcy_simplefilter_args, v);
    mpcy_simplefilter_parsed(v);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_simplefilter_obj, 1, mpcy_simplefilter);

static mp_obj_t mpcy_resetwarnings(void) {
    mpcy_warnings_t *w = mpcy_warnings_state();
    mp_obj_list_t *filters = MP_OBJ_TO_PTR(w->filters);
    filters->len = 0;
    mpcy_filters_mutated(w);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(mpcy_resetwarnings_obj, mpcy_resetwarnings);

// ---- Warning -------------------------------------------------------------------
// Whether `key` (its first n items) is in the registry with a true value;
// with `mark`, it is afterwards.
static bool mpcy_registry_seen(mp_obj_t registry, size_t n, mp_obj_t *key, bool mark) {
    mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(registry), mp_obj_new_tuple(n, key),
        mark ? MP_MAP_LOOKUP_ADD_IF_NOT_FOUND : MP_MAP_LOOKUP);
    bool seen = e != NULL && e->value != MP_OBJ_NULL && mp_obj_is_true(e->value);
    if (mark) {
        e->value = mp_const_true;
    }
    return seen;
}

// CPython's warn_explicit. `message` a Warning instance or the text; raises
// the warning for the 'error' action. `registry`: the caller's dict (keys
// (text, category, lineno), CPython's registry argument), MP_OBJ_SENTINEL for
// warn()'s, one per module (the layer's own dict, the module in the key),
// MP_OBJ_NULL for none: then 'default' and 'module' show every time, as
// CPython without a registry.
static void mpcy_warn_explicit(mp_obj_t message, mp_obj_t category, mp_obj_t filename, mp_int_t lineno, mp_obj_t module, mp_obj_t registry) {
    if (!mp_obj_is_type(category, &mp_type_type)) {
        // CPython calls the category to make the warning.
        mpcy_raise(&mp_type_TypeError, "'%s' object is not callable", mpcy_type_name(mp_obj_get_type(category)));
    }
    mpcy_warnings_t *w = mpcy_warnings_state();
    size_t nkey = 3;
    if (registry == MP_OBJ_SENTINEL) {
        registry = w->registry;
        nkey = 4;
    } else if (registry != MP_OBJ_NULL) {
        if (!mp_obj_is_dict_or_ordereddict(registry)) {
            mpcy_raise(&mp_type_TypeError, "'registry' must be a dict or None");
        }
        mp_map_t *map = mp_obj_dict_get_map(registry);
        mp_map_elem_t *v = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR_version), MP_MAP_LOOKUP);
        if (v == NULL || !mp_obj_is_small_int(v->value) || MP_OBJ_SMALL_INT_VALUE(v->value) != w->version) {
            mp_map_clear(map);
            mp_obj_dict_store(registry, MP_OBJ_NEW_QSTR(MP_QSTR_version), MP_OBJ_NEW_SMALL_INT(w->version));
        }
    }
    mp_obj_t text = message;
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(message)), MP_OBJ_FROM_PTR(&mpcy_type_Warning))) {
        text = mp_obj_str_make_new(&mp_type_str, 1, 0, &message);
        category = MP_OBJ_FROM_PTR(mp_obj_get_type(message));
    } else {
        message = mp_call_function_1(category, message);
    }
    mp_obj_t key[4] = { text, category, MP_OBJ_NEW_SMALL_INT(lineno), module };
    if (registry != MP_OBJ_NULL && mpcy_registry_seen(registry, nkey, key, false)) {
        return;
    }
    mp_obj_t action = MP_OBJ_NEW_QSTR(MP_QSTR_default);
    size_t n;
    mp_obj_t *filters;
    mp_obj_list_get(w->filters, &n, &filters);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        mp_obj_t *f;
        mp_obj_get_array(filters[i], &len, &f);
        if (len == 5 && mpcy_filter_matches(f[1], text) && mp_obj_is_type(f[2], &mp_type_type)
            && mp_obj_is_subclass_fast(category, f[2]) && mpcy_filter_matches(f[3], module)
            && (mp_obj_get_int(f[4]) == 0 || mp_obj_get_int(f[4]) == lineno)) {
            action = f[0];
            break;
        }
    }
    qstr a = mp_obj_str_get_qstr(action);
    if (a == MP_QSTR_ignore) {
        return;
    }
    if (a == MP_QSTR_error) {
        nlr_raise(message);
    }
    if (a != MP_QSTR_always && a != MP_QSTR_all && registry != MP_OBJ_NULL) {
        mpcy_registry_seen(registry, nkey, key, true);
    }
    if (a == MP_QSTR_once) {
        if (mpcy_registry_seen(w->onceregistry, 2, key, true)) {
            return;
        }
    } else if (a == MP_QSTR_module) {
        // Once per registry: (text, category) in it (CPython's C module),
        // warn()'s with the module.
        mp_obj_t alt[4] = { text, category, module };
        if (registry != MP_OBJ_NULL && mpcy_registry_seen(registry, nkey - 1, alt, true)) {
            return;
        }
    } else if (a != MP_QSTR_default && a != MP_QSTR_always && a != MP_QSTR_all) {
        mpcy_raise(&mp_type_RuntimeError, "Unrecognized action (%R) in warnings.filters", MPCY_PY(action));
    }
    mp_obj_t args[4] = { message, category, filename, MP_OBJ_NEW_SMALL_INT(lineno) };
    if (w->log != MP_OBJ_NULL) {
        mp_obj_list_append(w->log, mpcy_warning_message_make_new(&mpcy_type_WarningMessage, 4, 0, args));
    } else if (w->showwarning == MP_OBJ_FROM_PTR(&mpcy_showwarning_obj)) {
        mpcy_showwarning(4, args, (mp_map_t *)&mp_const_empty_map);
    } else {
        mp_call_function_n_kw(w->showwarning, 4, 0, args);
    }
}

// The warning's location: MicroPython keeps no frames C code could read, so
// the module and file are those of the Python code running (the caller of
// warn() or of the Cython function that warns, CPython's stacklevel=1), and
// the line is unknown (0).
static void mpcy_warn(mp_obj_t message, mp_obj_t category) {
    mp_obj_dict_t *g = mp_globals_get();
    mp_map_elem_t *name = mp_map_lookup(&g->map, MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_MAP_LOOKUP);
    mp_map_elem_t *file = mp_map_lookup(&g->map, MP_OBJ_NEW_QSTR(MP_QSTR___file__), MP_MAP_LOOKUP);
    mp_obj_t module = name != NULL ? name->value : MP_OBJ_NEW_QSTR(MP_QSTR_sys);
    mpcy_warn_explicit(message, category, file != NULL ? file->value : module, 0, module, MP_OBJ_SENTINEL);
}

static MPCY_QCONST mp_arg_t mpcy_warnings_warn_args[] = {
    { MPCY_Q(MP_QSTR_message), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_category), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_stacklevel), MP_ARG_INT, {.u_int = 1} },
    { MPCY_Q(MP_QSTR_source), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
};
MPCY_FIX_ARGS(mpcy_warnings_warn_args);

static mp_obj_t mpcy_warnings_warn(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_warnings_warn_args)];
    mp_arg_parse_all(n_args, args, kw, MP_ARRAY_SIZE(mpcy_warnings_warn_args), mpcy_warnings_warn_args, v);
    mp_obj_t message = v[0].u_obj, category = v[1].u_obj;
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(message)), MP_OBJ_FROM_PTR(&mpcy_type_Warning))) {
        category = MP_OBJ_FROM_PTR(mp_obj_get_type(message));
    }
    if (category == mp_const_none) {
        category = MP_OBJ_FROM_PTR(&mpcy_type_UserWarning);
    }
    if (!mp_obj_is_type(category, &mp_type_type) || !mp_obj_is_subclass_fast(category, MP_OBJ_FROM_PTR(&mpcy_type_Warning))) {
        mpcy_raise(&mp_type_TypeError, "category must be a Warning subclass, not '%s'", mpcy_type_name(mp_obj_get_type(category)));
    }
    mpcy_warn(message, category);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_warnings_warn_obj, 1, mpcy_warnings_warn);

static MPCY_QCONST mp_arg_t mpcy_warnings_warn_explicit_args[] = {
    { MPCY_Q(MP_QSTR_message), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_category), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_filename), MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_lineno), MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
    { MPCY_Q(MP_QSTR_module), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_registry), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_module_globals), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_source), MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
};
MPCY_FIX_ARGS(mpcy_warnings_warn_explicit_args);

static mp_obj_t mpcy_warnings_warn_explicit(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_warnings_warn_explicit_args)];
    mp_arg_parse_all(n_args, args, kw, MP_ARRAY_SIZE(mpcy_warnings_warn_explicit_args), mpcy_warnings_warn_explicit_args, v);
    mp_obj_t module = v[4].u_obj == mp_const_none ? v[2].u_obj : v[4].u_obj;
    mp_obj_t registry = v[5].u_obj == mp_const_none ? MP_OBJ_NULL : v[5].u_obj;
    mpcy_warn_explicit(v[0].u_obj, v[1].u_obj, v[2].u_obj, v[3].u_int, module, registry);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_warnings_warn_explicit_obj, 4, mpcy_warnings_warn_explicit);

// ---- catch_warnings ------------------------------------------------------------
typedef struct {
    mp_obj_base_t base;
    bool record;
    bool entered;
    mp_obj_t simplefilter; // the action arguments, or MP_OBJ_NULL
    mp_obj_t saved_filters;
    mp_obj_t saved_log;
} mpcy_catch_warnings_t;

static MPCY_QCONST mp_arg_t mpcy_catch_warnings_make_new_args[] = {
    { MPCY_Q(MP_QSTR_record), MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
    { MPCY_Q(MP_QSTR_module), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_action), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MPCY_Q(MP_QSTR_category), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mpcy_type_Warning)} },
    { MPCY_Q(MP_QSTR_lineno), MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(0)} },
    { MPCY_Q(MP_QSTR_append), MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
};
MPCY_FIX_ARGS(mpcy_catch_warnings_make_new_args);

static mp_obj_t mpcy_catch_warnings_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_val_t v[MP_ARRAY_SIZE(mpcy_catch_warnings_make_new_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(mpcy_catch_warnings_make_new_args), mpcy_catch_warnings_make_new_args, v);
    mpcy_catch_warnings_t *c = mp_obj_malloc(mpcy_catch_warnings_t, type);
    c->record = v[0].u_bool;
    c->entered = false;
    c->simplefilter = MP_OBJ_NULL;
    if (v[2].u_obj != mp_const_none) {
        mp_obj_t a[4] = { v[2].u_obj, v[3].u_obj, v[4].u_obj, mp_obj_new_bool(v[5].u_bool) };
        c->simplefilter = mp_obj_new_tuple(4, a);
    }
    return MP_OBJ_FROM_PTR(c);
}

static mp_obj_t mpcy_catch_warnings_enter(mp_obj_t self_in) {
    mpcy_catch_warnings_t *c = MP_OBJ_TO_PTR(self_in);
    if (c->entered) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("Cannot enter catch_warnings twice"));
    }
    mpcy_warnings_t *w = mpcy_warnings_state();
    c->entered = true;
    c->saved_filters = w->filters;
    c->saved_log = w->log;
    size_t n;
    mp_obj_t *items;
    mp_obj_list_get(w->filters, &n, &items);
    w->filters = mp_obj_new_list(n, items);
    mpcy_filters_mutated(w);
    if (c->simplefilter != MP_OBJ_NULL) {
        mp_obj_t *a = ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(c->simplefilter))->items;
        mp_arg_val_t v[4] = { {.u_obj = a[0]}, {.u_obj = a[1]}, {.u_obj = a[2]}, {.u_bool = a[3] == mp_const_true} };
        mpcy_simplefilter_parsed(v);
    }
    if (c->record) {
        w->log = mp_obj_new_list(0, NULL);
        return w->log;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_catch_warnings_enter_obj, mpcy_catch_warnings_enter);

static mp_obj_t mpcy_catch_warnings_exit(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    mpcy_catch_warnings_t *c = MP_OBJ_TO_PTR(args[0]);
    if (!c->entered) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("Cannot exit catch_warnings without entering first"));
    }
    mpcy_warnings_t *w = mpcy_warnings_state();
    w->filters = c->saved_filters;
    w->log = c->saved_log;
    mpcy_filters_mutated(w);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_catch_warnings_exit_obj, 1, 4, mpcy_catch_warnings_exit);

static const mp_rom_map_elem_t mpcy_catch_warnings_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&mpcy_catch_warnings_enter_obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&mpcy_catch_warnings_exit_obj) },
};
static MP_DEFINE_CONST_DICT(mpcy_catch_warnings_locals, mpcy_catch_warnings_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_catch_warnings, MP_QSTR_catch_warnings, MP_TYPE_FLAG_NONE,
    make_new, mpcy_catch_warnings_make_new,
    locals_dict, &mpcy_catch_warnings_locals);

// ---- The module ----------------------------------------------------------------
#if MICROPY_MODULE_GETATTR
// warnings.filters: the list the functions above change (a fresh list after
// resetwarnings(), as CPython's filters[:] = []).
static mp_obj_t mpcy_warnings_getattr(mp_obj_t attr) {
    if (MP_OBJ_QSTR_VALUE(attr) == MP_QSTR_filters) {
        return mpcy_warnings_state()->filters;
    }
    if (MP_OBJ_QSTR_VALUE(attr) == MP_QSTR_onceregistry) {
        return mpcy_warnings_state()->onceregistry;
    }
    if (MP_OBJ_QSTR_VALUE(attr) == MP_QSTR_showwarning) {
        return mpcy_warnings_state()->showwarning;
    }
    mpcy_raise(&mp_type_AttributeError, "module 'warnings' has no attribute '%s'", qstr_str(MP_OBJ_QSTR_VALUE(attr)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_warnings_getattr_obj, mpcy_warnings_getattr);
#endif

#if MICROPY_MODULE_ATTR_DELEGATION
// warnings.showwarning = f: warnings shown from then on go to f, as in
// CPython (the module's own attributes are in ROM). Not static: MicroPython's
// table of delegations (MP_REGISTER_MODULE_DELEGATION) declares it.
void mpcy_warnings_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    (void)self;
    if (dest[0] == MP_OBJ_SENTINEL && attr == MP_QSTR_showwarning) {
        mpcy_warnings_state()->showwarning = dest[1] != MP_OBJ_NULL ? dest[1] : MP_OBJ_FROM_PTR(&mpcy_showwarning_obj);
        dest[0] = MP_OBJ_NULL;
    }
}
#endif

static const mp_rom_map_elem_t mpcy_warnings_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_warnings) },
    { MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&mpcy_warnings_init_obj) },
    #if MICROPY_MODULE_GETATTR
    { MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&mpcy_warnings_getattr_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_warn), MP_ROM_PTR(&mpcy_warnings_warn_obj) },
    { MP_ROM_QSTR(MP_QSTR_warn_explicit), MP_ROM_PTR(&mpcy_warnings_warn_explicit_obj) },
    { MP_ROM_QSTR(MP_QSTR_filterwarnings), MP_ROM_PTR(&mpcy_filterwarnings_obj) },
    { MP_ROM_QSTR(MP_QSTR_simplefilter), MP_ROM_PTR(&mpcy_simplefilter_obj) },
    { MP_ROM_QSTR(MP_QSTR_resetwarnings), MP_ROM_PTR(&mpcy_resetwarnings_obj) },
    { MP_ROM_QSTR(MP_QSTR_formatwarning), MP_ROM_PTR(&mpcy_formatwarning_obj) },
    { MP_ROM_QSTR(MP_QSTR_catch_warnings), MP_ROM_PTR(&mpcy_type_catch_warnings) },
    { MP_ROM_QSTR(MP_QSTR_WarningMessage), MP_ROM_PTR(&mpcy_type_WarningMessage) },
    { MP_ROM_QSTR(MP_QSTR_defaultaction), MP_ROM_QSTR(MP_QSTR_default) },
};
static MP_DEFINE_CONST_DICT(mpcy_warnings_globals, mpcy_warnings_globals_table);

MPCY_DEFINE_MODULE(mpcy_module_warnings, mpcy_warnings_globals);
MP_REGISTER_MODULE(MP_QSTR_warnings, mpcy_module_warnings);
#if MICROPY_MODULE_ATTR_DELEGATION
MP_REGISTER_MODULE_DELEGATION(mpcy_module_warnings, mpcy_warnings_attr);
#endif

// ---- The C API -----------------------------------------------------------------
// The text of a C warning, as CPython: decoded as UTF-8.
MPCY_CLOBBER_CHECKED // the failure path returns -1 and reads no local
int PyErr_WarnEx(PyObject *category, const char *msg, Py_ssize_t stacklevel) {
    (void)stacklevel;
    // No category: RuntimeWarning, as CPython.
    mp_obj_t c = category ? MPCY_OBJ(category) : MP_OBJ_FROM_PTR(&mpcy_type_RuntimeWarning);
    MPCY_TRY(-1, mpcy_warn(mp_obj_new_str(msg, strlen(msg)), c));
    return 0;
}
MPCY_CLOBBER_CHECKED_END

MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
int PyErr_WarnFormat(PyObject *category, Py_ssize_t stacklevel, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    mp_obj_t s = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, s = mpcy_str_from_fmt(fmt, va));
    va_end(va);
    if (exc != MP_OBJ_NULL) {
        PyErr_SetRaisedException(MPCY_PY(exc));
        return -1;
    }
    size_t len;
    return PyErr_WarnEx(category, mpcy_str_data(s, &len), stacklevel);
}
MPCY_CLOBBER_CHECKED_END

MPCY_CLOBBER_CHECKED // the failure path returns -1 and reads no local
int PyErr_WarnExplicit(PyObject *category, const char *msg, const char *filename, int lineno, const char *module, PyObject *registry) {
    mp_obj_t c = category ? MPCY_OBJ(category) : MP_OBJ_FROM_PTR(&mpcy_type_RuntimeWarning);
    MPCY_TRY(-1, {
        mp_obj_t file = mp_obj_new_str(filename, strlen(filename));
        mpcy_warn_explicit(mp_obj_new_str(msg, strlen(msg)), c, file, lineno, module ? mp_obj_new_str(module, strlen(module)) : file,
            registry == NULL || registry == Py_None ? MP_OBJ_NULL : MPCY_OBJ(registry));
    });
    return 0;
}
MPCY_CLOBBER_CHECKED_END
