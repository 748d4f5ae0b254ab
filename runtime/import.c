// The inittab of a program that embeds the interpreter (CPython's
// PyImport_AppendInittab, Python/import.c): `import name` runs the module's
// PyInit_ function the first time, through mpcy_module_init as built-in and
// .so modules do. As in CPython the inittab is searched before anything else.
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
static mpcy_inittab_t *mpcy_inittab;
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
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_t path; // tracebacks name the file that was frozen
        vstr_init(&path, strlen(name) + 4);
        vstr_add_str(&path, name);
        vstr_add_str(&path, ".py");
        qstr file = qstr_from_strn(vstr_str(&path), vstr_len(&path));
        vstr_clear(&path);
        mp_lexer_t *lex = mp_lexer_new_from_str_len(file, source, strlen(source), 0);
        mp_parse_compile_execute(lex, MP_PARSE_FILE_INPUT, globals, globals);
        nlr_pop();
    } else {
        mp_obj_dict_delete(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), MP_OBJ_NEW_QSTR(q));
        nlr_jump(nlr.ret_val);
    }
    return m;
}
#endif

// The __import__ that the hook hands everything else to (NULL: MicroPython's own).
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_import_next);

mp_obj_t mpcy_module_load(PyObject *(*initfunc)(void), const char *name) {
    // A heap stub takes the place of the static one of built-in modules.
    mpcy_module_t *stub = m_new0(mpcy_module_t, 1);
    stub->mod.base.type = &mp_type_module;
    stub->mod.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
    qstr q = qstr_from_str(name);
    mpcy_module_init(initfunc, qstr_str(q), &stub->mod);
    mp_obj_t m = MP_OBJ_FROM_PTR(stub);
    mp_obj_dict_store(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), MP_OBJ_NEW_QSTR(q), m);
    return m;
}

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
    if (MP_STATE_VM(mp_module_builtins_override_dict) == NULL) {
        MP_STATE_VM(mp_module_builtins_override_dict) = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
    }
    mp_obj_t d = MP_OBJ_FROM_PTR(MP_STATE_VM(mp_module_builtins_override_dict));
    mp_map_elem_t *e = mp_map_lookup(&MP_STATE_VM(mp_module_builtins_override_dict)->map,
        MP_OBJ_NEW_QSTR(MP_QSTR___import__), MP_MAP_LOOKUP);
    if (e != NULL && e->value == MP_OBJ_FROM_PTR(&mpcy_import_hook_obj)) {
        return;
    }
    MP_STATE_VM(mpcy_import_next) = e ? e->value : MP_OBJ_NULL;
    mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(MP_QSTR___import__), MP_OBJ_FROM_PTR(&mpcy_import_hook_obj));
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
