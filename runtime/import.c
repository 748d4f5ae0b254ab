// Import (import.h): PyImport_* over MicroPython's __import__; the inittab of
// a program that embeds the interpreter (PyImport_AppendInittab): `import
// name` runs the module's PyInit_ function the first time, through
// mpcy_module_init as built-in and .so modules do, and as in CPython the
// inittab is searched before anything else; modules frozen as source.
#include "mpcy.h"
#include "py/builtin.h"
#include "py/compile.h"
#include "py/lexer.h"

typedef struct {
    const char *name;
    PyObject *(*initfunc)(void);
} mpcy_inittab_t;

// C heap, not the GC heap: entries are added before Py_Initialize and live
// until the program ends, as CPython's.
MPCY_STATIC_ROOT mpcy_inittab_t *mpcy_inittab;
static size_t mpcy_inittab_len;

// Python modules frozen into the program as source by `./mpcython embed
// --freeze m.py` (name, source, ..., NULL); the driver's table replaces this
// empty one.
__attribute__((weak)) const char *const mpcy_frozen_modules[] = { NULL };

static const char *mpcy_frozen_find(const char *name) {
    for (const char *const *f = mpcy_frozen_modules; *f != NULL; f += 2) {
        if (!strcmp(f[0], name)) {
            return f[1];
        }
    }
    return NULL;
}

#if MICROPY_ENABLE_COMPILER
// Run a frozen module's source in a new module, registered in sys.modules
// first (as MicroPython does for a .py file) and removed if it raises.
static mp_obj_t mpcy_frozen_load(const char *name, const char *source) {
    qstr q = qstr_from_str(name);
    mp_obj_t m = mp_obj_new_module(q);
    mp_obj_dict_t *globals = mp_obj_module_get_globals(m);
    mp_obj_t exc;
    MPCY_CATCH(exc, {
        vstr_t path; // tracebacks name the file that was frozen
        vstr_init(&path, strlen(name) + 4);
        vstr_add_str(&path, name);
        vstr_add_str(&path, ".py");
        qstr file = qstr_from_strn(vstr_str(&path), vstr_len(&path));
        vstr_clear(&path);
        mp_lexer_t *lex = mp_lexer_new_from_str_len(file, source, strlen(source), 0);
        mp_parse_compile_execute(lex, MP_PARSE_FILE_INPUT, globals, globals);
    });
    if (exc != MP_OBJ_NULL) {
        mp_obj_dict_delete(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), MP_OBJ_NEW_QSTR(q));
        nlr_raise(exc);
    }
    return m;
}
#endif

// The __import__ that the hook hands everything else to (NULL: MicroPython's own).
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_import_next);

static PyObject *(*mpcy_inittab_find(const char *name))(void) {
    for (size_t i = mpcy_inittab_len; i-- > 0;) {
        if (!strcmp(mpcy_inittab[i].name, name)) {
            return mpcy_inittab[i].initfunc;
        }
    }
    return NULL;
}

// builtins.__import__ in a program with an inittab or frozen modules: an
// absolute import of one of them not yet in sys.modules loads it; all else
// goes on to MicroPython's import.
static mp_obj_t mpcy_import_hook(size_t n_args, const mp_obj_t *args) {
    bool absolute = n_args < 5 || MP_OBJ_SMALL_INT_VALUE(args[4]) == 0;
    if (absolute && mp_map_lookup(&MP_STATE_VM(mp_loaded_modules_dict).map, args[0], MP_MAP_LOOKUP) == NULL) {
        const char *name = mp_obj_str_get_str(args[0]);
        PyObject *(*init)(void) = mpcy_inittab_len > 0 ? mpcy_inittab_find(name) : NULL;
        if (init != NULL) {
            return mpcy_module_load(init, name);
        }
        #if MICROPY_ENABLE_COMPILER
        const char *source = mpcy_frozen_find(name);
        if (source != NULL) {
            return mpcy_frozen_load(name, source);
        }
        #endif
    }
    if (MP_STATE_VM(mpcy_import_next) != MP_OBJ_NULL) {
        return mp_call_function_n_kw(MP_STATE_VM(mpcy_import_next), n_args, 0, args);
    }
    return mp_builtin___import___default(n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_import_hook_obj, 1, 5, mpcy_import_hook);

// Put the hook in front of the current __import__ (once per interpreter).
void mpcy_import_install(void) {
    mp_obj_t prev = mpcy_set_builtin_override(MP_QSTR___import__, MP_OBJ_FROM_PTR(&mpcy_import_hook_obj));
    if (prev != MP_OBJ_FROM_PTR(&mpcy_import_hook_obj)) {
        MP_STATE_VM(mpcy_import_next) = prev;
    }
}

int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void)) {
    mpcy_inittab_t *t = realloc(mpcy_inittab, (mpcy_inittab_len + 1) * sizeof(*t));
    if (t == NULL) {
        return -1;
    }
    mpcy_inittab = t;
    t[mpcy_inittab_len].name = name;
    t[mpcy_inittab_len].initfunc = initfunc;
    mpcy_inittab_len++;
    // CPython wants it before Py_Initialize; here it also works after.
    if (Py_IsInitialized()) {
        MPCY_TRY(-1, mpcy_import_install());
    }
    return 0;
}

// __import__ as the `import` statement calls it: an override in builtins
// (the .so loader, the inittab and frozen modules) first, as mp_import_name does.
static mp_obj_t mpcy_import_call(mp_obj_t *args) {
    mp_obj_t f = mpcy_builtin_override(MP_QSTR___import__);
    if (f != MP_OBJ_NULL) {
        return mp_call_function_n_kw(f, 5, 0, args);
    }
    return mp_builtin___import__(5, args);
}

// Stand-ins for the CPython modules Cython's code and libraries import, where
// MicroPython has none (pythonrun.c): `exc`, the failed import's exception,
// is an ImportError of the top-level module `name`. MP_OBJ_NULL otherwise.
extern const mp_obj_module_t mpcy_types_module;
extern const mp_obj_module_t mpcy_inspect_module;
extern const mp_obj_module_t mpcy_threading_module;
static mp_obj_t mpcy_import_standin(mp_obj_t exc, mp_obj_t name) {
    if (!mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_ImportError))) {
        return MP_OBJ_NULL;
    }
    qstr q = mp_obj_str_get_qstr(name);
    return q == MP_QSTR_types ? MP_OBJ_FROM_PTR(&mpcy_types_module)
        : q == MP_QSTR_inspect ? MP_OBJ_FROM_PTR(&mpcy_inspect_module)
        : q == MP_QSTR_threading ? MP_OBJ_FROM_PTR(&mpcy_threading_module) : MP_OBJ_NULL;
}

// MicroPython raises ImportError for a module it cannot find, CPython its
// subclass ModuleNotFoundError("No module named 'a.b'"): `exc` raised as CPython's.
static NORETURN void mpcy_import_raise(mp_obj_t exc, mp_obj_t name) {
    const mp_obj_tuple_t *a = MP_OBJ_TO_PTR(mp_load_attr(exc, MP_QSTR_args));
    if (!mp_obj_is_exact_type(exc, &mp_type_ImportError) || a->len != 1 || !mp_obj_is_str(a->items[0])) {
        nlr_raise(exc);
    }
    static const char prefix[] = "no module named '"; // py/builtinimport.c's texts
    const char *text = mp_obj_str_get_str(a->items[0]);
    bool named = !strncmp(text, prefix, sizeof(prefix) - 1);
    if (!named && strcmp(text, "module not found")) {
        nlr_raise(exc);
    }
    vstr_t v;
    vstr_init(&v, 32);
    vstr_add_str(&v, "No module named '");
    vstr_add_str(&v, named ? text + sizeof(prefix) - 1 : mp_obj_str_get_str(name));
    if (!named) {
        vstr_add_char(&v, '\'');
    }
    nlr_raise(mp_obj_new_exception_arg1(&mpcy_type_ModuleNotFoundError, mp_obj_new_str_from_vstr(&v)));
}

MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level) {
    MPCY_CHECK_INIT("PyImport_ImportModuleLevelObject");
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t args[5] = {
            MPCY_OBJ(name), globals ? MPCY_OBJ(globals) : mp_const_none, locals ? MPCY_OBJ(locals) : mp_const_none,
            fromlist ? MPCY_OBJ(fromlist) : mp_const_none, MP_OBJ_NEW_SMALL_INT(level)
        };
        // Relative imports resolve against the importing module's globals.
        mp_obj_dict_t *old = mp_globals_get();
        if (globals != NULL && level > 0) {
            mp_globals_set(MP_OBJ_TO_PTR(MPCY_OBJ(globals)));
        }
        mp_obj_t exc;
        MPCY_CATCH(exc, r = mpcy_import_call(args));
        mp_globals_set(old);
        if (exc != MP_OBJ_NULL && (level != 0 || (r = mpcy_import_standin(exc, MPCY_OBJ(name))) == MP_OBJ_NULL)) {
            mpcy_import_raise(exc, MPCY_OBJ(name));
        }
    });
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

// builtins.__import__ as C code sees it (bltinmodule.c): the import above,
// stand-ins included, for Cython's own `__import__('threading')` calls.
static mp_obj_t mpcy_import_builtin(size_t n_args, const mp_obj_t *args) {
    mp_obj_t a[5] = { args[0], mp_const_none, mp_const_none, mp_const_none, MP_OBJ_NEW_SMALL_INT(0) };
    memcpy(a, args, n_args * sizeof(mp_obj_t));
    mp_int_t level = mp_obj_get_int(a[4]);
    if (level < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("level must be >= 0"));
    }
    return mpcy_check(PyImport_ImportModuleLevelObject(MPCY_PY(a[0]), a[1] == mp_const_none ? NULL : MPCY_PY(a[1]),
        NULL, MPCY_PY(a[3]), (int)level));
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_import_builtin_obj, 1, 5, mpcy_import_builtin);

PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level) {
    PyObject *n = PyUnicode_FromString(name);
    return n ? PyImport_ImportModuleLevelObject(n, globals, locals, fromlist, level) : NULL;
}

// PyImport_ImportModule("a.b") returns a.b itself, not a.
PyObject *PyImport_ImportModule(const char *name) {
    MPCY_CHECK_INIT("PyImport_ImportModule");
    PyObject *top = PyImport_ImportModuleLevel(name, NULL, NULL, NULL, 0);
    if (top == NULL || strchr(name, '.') == NULL) {
        return top;
    }
    PyObject *n = PyUnicode_FromString(name);
    PyObject *m = n ? PyImport_GetModule(n) : NULL;
    if (m == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return m ? m : top;
}

PyObject *PyImport_Import(PyObject *name) {
    MPCY_CHECK_INIT("PyImport_Import");
    const char *s = PyUnicode_AsUTF8(name);
    return s ? PyImport_ImportModule(s) : NULL;
}

PyObject *PyImport_GetModuleDict(void) {
    MPCY_CHECK_INIT("PyImport_GetModuleDict");
    return MPCY_PY(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)));
}

PyObject *PyImport_GetModule(PyObject *name) {
    mp_map_elem_t *e = NULL;
    MPCY_TRY(NULL, e = mp_map_lookup(&MP_STATE_VM(mp_loaded_modules_dict).map, MP_OBJ_NEW_QSTR(mpcy_qstr(name)), MP_MAP_LOOKUP));
    return e ? MPCY_PY(e->value) : NULL;
}

PyObject *PyImport_AddModuleObject(PyObject *name) {
    MPCY_CHECK_INIT("PyImport_AddModuleObject");
    PyObject *m = PyImport_GetModule(name);
    if (m != NULL || PyErr_Occurred()) {
        return m;
    }
    if (!strcmp(PyUnicode_AsUTF8(name), "builtins")) {
        return mpcy_builtins_module();
    }
    // Built-in modules (builtins, sys, ...) are not in sys.modules.
    mp_obj_t b = MP_OBJ_NULL;
    MPCY_TRY(NULL, b = mp_module_get_builtin(mpcy_qstr(name), false));
    if (b != MP_OBJ_NULL) {
        return MPCY_PY(b);
    }
    m = PyModule_NewObject(name);
    if (m != NULL) {
        MPCY_TRY(NULL, mp_obj_dict_store(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), MP_OBJ_NEW_QSTR(mpcy_qstr(name)), MPCY_OBJ(m)));
    }
    return m;
}

PyObject *PyImport_AddModule(const char *name) {
    MPCY_CHECK_INIT("PyImport_AddModule");
    if (name == NULL) {
        // The name came from a call that failed (Cython's fallback for a
        // missing dataclasses module passes PyBytes_AsString of a str).
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        return NULL;
    }
    PyObject *n = PyUnicode_FromString(name);
    return n ? PyImport_AddModuleObject(n) : NULL;
}

PyObject *PyImport_AddModuleRef(const char *name) {
    return PyImport_AddModule(name);
}

// importlib.reload(m) as far as MicroPython allows. An extension module (a
// Cython one: its def) is returned as is, the singleton CPython's reload
// gives for Cython's modules; so is a module built into MicroPython, whose
// code cannot run again. Any other module in sys.modules (.py, .mpy, frozen)
// runs again through MicroPython's import, and the old module object takes
// the new namespace, which keeps the old names the new code does not define:
// the old module stays the one in sys.modules and in its package, and its
// old functions (whose globals are the module's) see the new names, as in
// CPython. CPython runs the code in the old namespace; here the code starts
// from an empty one (tests/behaviour/DIFFERENCES.md). If it raises, nothing changes.
static mp_obj_t mpcy_reload(mp_obj_t mod) {
    qstr q = mp_obj_str_get_qstr(mp_load_attr(mod, MP_QSTR___name__));
    mp_map_t *loaded = &MP_STATE_VM(mp_loaded_modules_dict).map;
    mp_map_elem_t *e = mp_map_lookup(loaded, MP_OBJ_NEW_QSTR(q), MP_MAP_LOOKUP);
    if (e == NULL || e->value != mod) {
        if (mp_module_get_builtin(q, false) == mod) {
            return mod;
        }
        mpcy_raise(&mp_type_ImportError, "module %s not in sys.modules", qstr_str(q));
    }
    mp_map_lookup(loaded, MP_OBJ_NEW_QSTR(q), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    mp_obj_t leaf = MP_OBJ_NEW_QSTR(MP_QSTR___name__); // a fromlist: __import__ returns a.b, not a
    mp_obj_t args[5] = { MP_OBJ_NEW_QSTR(q), mp_const_none, mp_const_none, mp_obj_new_tuple(1, &leaf), MP_OBJ_NEW_SMALL_INT(0) };
    mp_obj_t fresh = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, fresh = mpcy_import_call(args));
    mp_map_lookup(loaded, MP_OBJ_NEW_QSTR(q), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mod;
    if (exc != MP_OBJ_NULL) {
        nlr_raise(exc);
    }
    const char *name = qstr_str(q), *dot = strrchr(name, '.');
    if (dot != NULL) {
        mp_obj_t pkg = mp_obj_dict_get(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)),
            MP_OBJ_NEW_QSTR(qstr_from_strn(name, dot - name)));
        mp_store_attr(pkg, qstr_from_str(dot + 1), mod);
    }
    if (fresh != mod) {
        mp_obj_module_t *old_mod = MP_OBJ_TO_PTR(mod);
        mp_map_t *from = &old_mod->globals->map;
        mp_map_t *to = &mp_obj_module_get_globals(fresh)->map;
        for (size_t i = 0; i < from->alloc; i++) {
            if (mp_map_slot_is_filled(from, i)) {
                mp_map_elem_t *slot = mp_map_lookup(to, from->table[i].key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
                if (slot->value == MP_OBJ_NULL) {
                    slot->value = from->table[i].value;
                }
            }
        }
        old_mod->globals = mp_obj_module_get_globals(fresh);
    }
    return mod;
}

MPCY_CLOBBER_CHECKED // after MPCY_TRY raised: `m` is not read
PyObject *PyImport_ReloadModule(PyObject *m) {
    MPCY_CHECK_INIT("PyImport_ReloadModule");
    if (!PyModule_Check(m)) {
        PyErr_SetString(PyExc_TypeError, "reload() argument must be a module");
        return NULL;
    }
    if (PyModule_GetDef(m) != NULL) {
        return m;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_reload(MPCY_OBJ(m)));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END
