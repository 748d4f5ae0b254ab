// Loadable extension modules on the unix port (docs/design.md, "Build
// pipeline"): `import A`
// finds A.so on sys.path, as CPython finds A.*.so. The layer lives once, in
// the executable (linked with -rdynamic); modules resolve it from there.
// Built only when the driver passes -DMPCY_DYNLOAD=1 together with
// -DMICROPY_PORT_INIT_FUNC=..., which installs the import hook at start-up.
#include "mpcy.h"

#if MPCY_DYNLOAD
#include <dlfcn.h>
#include <sys/stat.h>

// Each module .so carries this, written by the driver's wrapper.
#define MPCY_ABI_SYMBOL "mpcy_abi_version"

static mp_obj_t mpcy_load_so(const char *path, const char *name) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        mp_raise_msg_varg(&mp_type_ImportError, MP_ERROR_TEXT("cannot load %s: %s"), path, dlerror());
    }
    const int *abi_sym = dlsym(h, MPCY_ABI_SYMBOL);
    int abi = abi_sym ? *abi_sym : 0;
    if (abi != MPCY_ABI_VERSION) {
        dlclose(h);
        mp_raise_msg_varg(&mp_type_ImportError,
            MP_ERROR_TEXT("%s was not built for this mpcython layer (ABI %d, expected %d)"),
            path, abi, MPCY_ABI_VERSION);
    }
    const char *last = strrchr(name, '.');
    last = last ? last + 1 : name;
    vstr_t sym;
    vstr_init(&sym, 32);
    vstr_add_str(&sym, "PyInit_");
    vstr_add_str(&sym, last);
    PyObject *(*init)(void) = (PyObject * (*)(void))dlsym(h, vstr_null_terminated_str(&sym));
    if (init == NULL) {
        dlclose(h);
        mp_raise_msg_varg(&mp_type_ImportError, MP_ERROR_TEXT("dynamic module %s does not define %s"), path, vstr_str(&sym));
    }
    // Initialised as inittab modules are (importdl.c).
    return mpcy_module_load(init, name);
}

// NAME.so (dots as folders) in a sys.path entry, or NULL.
static bool mpcy_find_so(const char *name, vstr_t *path) {
    size_t n;
    mp_obj_t *dirs;
    mp_obj_get_array(mp_sys_path, &n, &dirs);
    for (size_t i = 0; i < n; i++) {
        vstr_reset(path);
        // dlopen searches the library path for names without a slash.
        const char *d = mp_obj_str_get_str(dirs[i]);
        vstr_add_str(path, *d ? d : ".");
        vstr_add_char(path, '/');
        for (const char *p = name; *p; p++) {
            vstr_add_char(path, *p == '.' ? '/' : *p);
        }
        vstr_add_str(path, ".so");
        struct stat st;
        if (stat(vstr_null_terminated_str(path), &st) == 0 && S_ISREG(st.st_mode)) {
            return true;
        }
    }
    return false;
}

// builtins.__import__: MicroPython's, then .so files for what it cannot find.
static mp_obj_t mpcy_import(size_t n_args, const mp_obj_t *args) {
    mp_obj_t r = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, r = mp_builtin___import___default(n_args, args));
    if (exc == MP_OBJ_NULL) {
        return r;
    }
    if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_ImportError))
        || (n_args >= 5 && MP_OBJ_SMALL_INT_VALUE(args[4]) != 0)) {
        nlr_raise(exc);
    }
    const char *name = mp_obj_str_get_str(args[0]);
    vstr_t path;
    vstr_init(&path, 64);
    if (!mpcy_find_so(name, &path)) {
        nlr_raise(exc);
    }
    // A dotted module's packages are imported first, as CPython does.
    const char *dot = strrchr(name, '.');
    if (dot != NULL) {
        mp_obj_t pargs[5] = { mp_obj_new_str(name, dot - name), mp_const_none, mp_const_none, mp_const_none, MP_OBJ_NEW_SMALL_INT(0) };
        mpcy_import(5, pargs);
    }
    mp_obj_t m = mpcy_load_so(vstr_null_terminated_str(&path), name);
    if (dot == NULL) {
        return m;
    }
    // `import a.b` binds `a`; `from a.b import x` wants a.b.
    mp_obj_t parent = mp_obj_dict_get(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), mp_obj_new_str(name, dot - name));
    mp_store_attr(parent, qstr_from_str(dot + 1), m);
    bool want_leaf = n_args >= 4 && args[3] != mp_const_none && mp_obj_is_true(args[3]);
    if (want_leaf) {
        return m;
    }
    const char *first = strchr(name, '.');
    return mp_obj_dict_get(MP_OBJ_FROM_PTR(&MP_STATE_VM(mp_loaded_modules_dict)), mp_obj_new_str(name, first - name));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_import_obj, 1, 5, mpcy_import);

// Called once by mp_init() (MICROPY_PORT_INIT_FUNC).
void mpcy_port_init(void) {
    mpcy_set_builtin_override(MP_QSTR___import__, MP_OBJ_FROM_PTR(&mpcy_import_obj));
}
#endif
