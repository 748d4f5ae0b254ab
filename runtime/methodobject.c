// Built-in functions described by a PyMethodDef (methodobject.h): the
// builtin_function_or_method type and the call of a PyMethodDef function with
// MicroPython's arguments, in each METH_* convention; MicroPython's own
// built-in functions and methods as CPython's (names, method descriptors).
#include "mpcy.h"
#include "py/objmodule.h"

static PyObject *mpcy_kwnames(size_t n_args, size_t n_kw, const mp_obj_t *args, mp_obj_t *vals) {
    mp_obj_tuple_t *names = MP_OBJ_TO_PTR(mp_obj_new_tuple(n_kw, NULL));
    for (size_t i = 0; i < n_kw; i++) {
        names->items[i] = args[n_args + 2 * i];
        vals[n_args + i] = args[n_args + 2 * i + 1];
    }
    return MPCY_PY(MP_OBJ_FROM_PTR(names));
}

static NORETURN void mpcy_raise_no_kw(const PyMethodDef *ml) {
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() takes no keyword arguments"), ml->ml_name);
}

// CPython names a module's function "module.name" in argument errors.
static const char *mpcy_func_str(const PyMethodDef *ml, PyObject *self, vstr_t *buf) {
    if (self != NULL && mp_obj_is_type(MPCY_OBJ(self), &mp_type_module)) {
        mp_obj_t d = MP_OBJ_FROM_PTR(mp_obj_module_get_globals(MPCY_OBJ(self)));
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(d), MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_MAP_LOOKUP);
        if (e != NULL && mp_obj_is_str(e->value)) {
            vstr_add_str(buf, mp_obj_str_get_str(e->value));
            vstr_add_char(buf, '.');
        }
    }
    vstr_add_str(buf, ml->ml_name);
    return vstr_null_terminated_str(buf);
}

// METH_NOARGS and METH_O: no keywords and exactly WANT (0 or 1) arguments,
// else CPython's TypeError (called when they are not).
static MP_NOINLINE void mpcy_check_fixed_args(const PyMethodDef *ml, PyObject *self, size_t n_args, size_t n_kw, size_t want) {
    if (n_kw) {
        mpcy_raise_no_kw(ml);
    }
    if (n_args != want) {
        vstr_t name;
        vstr_init(&name, 32);
        mp_raise_msg_varg(&mp_type_TypeError, want == 0
            ? MP_ERROR_TEXT("%s() takes no arguments (%d given)")
            : MP_ERROR_TEXT("%s() takes exactly one argument (%d given)"), mpcy_func_str(ml, self, &name), (int)n_args);
    }
}

mp_obj_t mpcy_call_methoddef(const PyMethodDef *ml, PyObject *self, PyTypeObject *cls, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    vstr_t name;
    if (n_kw > 1) {
        vstr_init(&name, 32);
        mpcy_func_str(ml, self, &name);
        vstr_add_str(&name, "()");
        mpcy_kw_unique(MP_OBJ_NULL, vstr_null_terminated_str(&name), n_args, n_kw, args);
        vstr_clear(&name);
    }
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    switch (flags) {
        case METH_NOARGS:
            if (n_kw != 0 || n_args != 0) {
                mpcy_check_fixed_args(ml, self, n_args, n_kw, 0);
            }
            return mpcy_check(ml->ml_meth(self, NULL));
        case METH_O:
            if (n_kw != 0 || n_args != 1) {
                mpcy_check_fixed_args(ml, self, n_args, n_kw, 1);
            }
            return mpcy_check(ml->ml_meth(self, MPCY_PY(args[0])));
        case METH_VARARGS:
            if (n_kw) {
                mpcy_raise_no_kw(ml);
            }
            return mpcy_check(ml->ml_meth(self, MPCY_PY(mp_obj_new_tuple(n_args, args))));
        case METH_VARARGS | METH_KEYWORDS: {
            PyObject *targs, *kw;
            mpcy_split_args(n_args, n_kw, args, &targs, &kw);
            return mpcy_check(((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, targs, kw));
        }
        case METH_FASTCALL:
            if (n_kw) {
                mpcy_raise_no_kw(ml);
            }
            return mpcy_check(((PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, (PyObject *const *)args, n_args));
        case METH_FASTCALL | METH_KEYWORDS:
        case METH_METHOD | METH_FASTCALL | METH_KEYWORDS: {
            // the values, then the keywords' values after them, and their names
            mp_obj_t buf[MPCY_STACK_ARGS];
            mp_obj_t *vals = n_kw == 0 ? (mp_obj_t *)args : MPCY_ARGS_BUF(buf, n_args + n_kw);
            PyObject *names = NULL;
            if (n_kw != 0) {
                memcpy(vals, args, n_args * sizeof(mp_obj_t));
                names = mpcy_kwnames(n_args, n_kw, args, vals);
            }
            if (flags & METH_METHOD) {
                // PEP 573: the class that defines the method comes too
                return mpcy_check(((PyCMethod)(void (*)(void))ml->ml_meth)(self, cls, (PyObject *const *)vals, n_args, names));
            }
            PyCFunctionFastWithKeywords f = (PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth;
            return mpcy_check(f(self, (PyObject *const *)vals, n_args, names));
        }
        default:
            mp_raise_msg_varg(&mpcy_type_SystemError, MP_ERROR_TEXT("%s() method: bad call flags"), ml->ml_name);
    }
}

static mp_obj_t mpcy_cfunction_call(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    PyCFunctionObject *f = MP_OBJ_TO_PTR(fun);
    return mpcy_call_methoddef(f->m_ml, f->m_self, f->m_class, n_args, n_kw, args);
}

static void mpcy_cfunction_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    PyCFunctionObject *f = MP_OBJ_TO_PTR(o);
    mp_printf(print, "<built-in function %s>", f->m_ml->ml_name);
}

static void mpcy_cfunction_attr(mp_obj_t o, qstr attr, mp_obj_t *dest) {
    PyCFunctionObject *f = MP_OBJ_TO_PTR(o);
    if (dest[0] == MP_OBJ_SENTINEL) {
        // __module__ is writable, as CPython's (functools.wraps sets it;
        // Cython's functions keep theirs here).
        if (attr == MP_QSTR___module__) {
            f->m_module = dest[1] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[1]);
            dest[0] = MP_OBJ_NULL;
        }
        return;
    }
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    if (attr == MP_QSTR___name__) {
        dest[0] = MP_OBJ_NEW_QSTR(qstr_from_str(f->m_ml->ml_name));
    } else if (attr == MP_QSTR___doc__) {
        dest[0] = f->m_ml->ml_doc ? mp_obj_new_str(f->m_ml->ml_doc, strlen(f->m_ml->ml_doc)) : mp_const_none;
    } else if (attr == MP_QSTR___self__) {
        dest[0] = f->m_self ? MPCY_OBJ(f->m_self) : mp_const_none;
    } else if (attr == MP_QSTR___module__) {
        dest[0] = f->m_module ? MPCY_OBJ(f->m_module) : mp_const_none;
    }
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_cfunction, MP_QSTR_builtin_function_or_method, MP_TYPE_FLAG_NONE,
    call, mpcy_cfunction_call,
    print, mpcy_cfunction_print,
    attr, mpcy_cfunction_attr);

PyObject *PyCMethod_New(const PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls) {
    // CPython's checks: a METH_METHOD function needs its class, no other takes one
    if ((ml->ml_flags & METH_METHOD) && cls == NULL) {
        PyErr_SetString(PyExc_SystemError, "attempting to create PyCMethod with a METH_METHOD flag but no class");
        return NULL;
    }
    if (!(ml->ml_flags & METH_METHOD) && cls != NULL) {
        PyErr_SetString(PyExc_SystemError, "attempting to create PyCFunction with class but no METH_METHOD flag");
        return NULL;
    }
    PyCFunctionObject *f = NULL;
    MPCY_TRY(NULL, f = m_new_obj(PyCFunctionObject));
    f->base.type = &mpcy_type_cfunction;
    f->m_ml = ml;
    f->m_self = self;
    f->m_module = module;
    f->m_class = cls;
    return MPCY_PY(MP_OBJ_FROM_PTR(f));
}

PyObject *PyCFunction_NewEx(const PyMethodDef *ml, PyObject *self, PyObject *module) {
    return PyCMethod_New(ml, self, module, NULL);
}

int PyCFunction_Check(PyObject *o) {
    mp_obj_t f = MPCY_OBJ(o);
    if (mp_obj_is_type(f, &mp_type_bound_meth)) {
        f = ((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(f))->meth; // a built-in method made by MicroPython code
        return mpcy_is_native_fun(f);
    }
    return mp_obj_is_type(f, &mpcy_type_cfunction) || mp_obj_is_type(f, &mpcy_type_builtin_method) || mpcy_is_native_fun(f);
}

// MicroPython's built-ins have no C function of CPython's kind: NULL, which
// equals no function Cython compares it with.
PyCFunction PyCFunction_GetFunction(PyObject *f) {
    if (mp_obj_is_type(MPCY_OBJ(f), &mpcy_type_cfunction)) {
        return ((PyCFunctionObject *)f)->m_ml->ml_meth;
    }
    if (!PyCFunction_Check(f)) {
        PyErr_BadInternalCall();
    }
    return NULL;
}

PyObject *PyCFunction_GetSelf(PyObject *f) {
    if (mp_obj_is_type(MPCY_OBJ(f), &mpcy_type_cfunction)) {
        return ((PyCFunctionObject *)f)->m_self;
    }
    if (mp_obj_is_type(MPCY_OBJ(f), &mpcy_type_builtin_method)) {
        return PyObject_GetAttrString(f, "__self__");
    }
    if (mp_obj_is_type(MPCY_OBJ(f), &mp_type_bound_meth) && PyCFunction_Check(f)) {
        return MPCY_PY(((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(MPCY_OBJ(f)))->self);
    }
    if (!PyCFunction_Check(f)) {
        PyErr_BadInternalCall();
    }
    return NULL;
}

int PyCFunction_GetFlags(PyObject *f) {
    if (mp_obj_is_type(MPCY_OBJ(f), &mpcy_type_cfunction)) {
        return ((PyCFunctionObject *)f)->m_ml->ml_flags;
    }
    if (PyCFunction_Check(f)) {
        // MicroPython's own built-ins take (n_args, args), as METH_FASTCALL
        return METH_FASTCALL | METH_KEYWORDS;
    }
    PyErr_BadInternalCall();
    return -1;
}

// ---- MicroPython's built-in functions and methods, as CPython's -------------------

// The name (a qstr key) under which `map` holds `value`; false if none.
static bool mpcy_map_name_of(const mp_map_t *map, mp_obj_t value, qstr *name) {
    for (size_t k = 0; k < map->alloc; k++) {
        if (mp_map_slot_is_filled(map, k) && map->table[k].value == value && mp_obj_is_qstr(map->table[k].key)) {
            *name = MP_OBJ_QSTR_VALUE(map->table[k].key);
            return true;
        }
    }
    return false;
}

// "type.name", a builtin method's __qualname__.
static mp_obj_t mpcy_method_qualname(qstr type, qstr name) {
    vstr_t v;
    vstr_init(&v, 16);
    vstr_printf(&v, "%q.%q", type, name);
    return mp_obj_new_str_from_vstr(&v);
}

// A method of a built-in type: taken from the type (`list.sort`, which
// Cython's code calls with self as the first argument; `self` NULL), where
// MicroPython's checks that self is of that very type and CPython's takes an
// instance of a subclass too and works on its built-in part (mpcy_native);
// or a class method bound to its type (`dict.fromkeys`), CPython's builtin
// method with __name__, __qualname__ and __self__.
typedef struct {
    mp_obj_base_t base;
    const mp_obj_type_t *type;
    qstr name;
    mp_obj_t fun;
    mp_obj_t self;
} mpcy_native_method_t;

static mp_obj_t mpcy_native_method_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_native_method_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->self != MP_OBJ_NULL) {
        return mp_call_method_self_n_kw(self->fun, self->self, n_args, n_kw, args);
    }
    if (n_args == 0) {
        mpcy_raise(&mp_type_TypeError, "unbound method %s.%s() needs an argument", qstr_str(self->type->name), qstr_str(self->name));
    }
    mp_obj_t native = self->type == &mp_type_int && mp_obj_is_bool(args[0])
        ? MP_OBJ_NEW_SMALL_INT(args[0] == mp_const_true) // bool is an int subtype in CPython
        : MPCY_OBJ(mpcy_native(MPCY_PY(args[0]), self->type));
    if (native == MP_OBJ_NULL) {
        mpcy_raise(&mp_type_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            qstr_str(self->name), qstr_str(self->type->name), mpcy_type_name(mp_obj_get_type(args[0])));
    }
    if (native == args[0]) {
        return mp_call_function_n_kw(self->fun, n_args, n_kw, args);
    }
    size_t n = n_args + 2 * n_kw;
    mp_obj_t *a = m_new(mp_obj_t, n);
    memcpy(a, args, n * sizeof(mp_obj_t));
    a[0] = native;
    mp_obj_t r = mp_call_function_n_kw(self->fun, n_args, n_kw, a);
    m_del(mp_obj_t, a, n);
    return r;
}

static void mpcy_native_method_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpcy_native_method_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only
    }
    if (attr == MP_QSTR___name__) {
        dest[0] = MP_OBJ_NEW_QSTR(self->name);
    } else if (attr == MP_QSTR___qualname__) {
        dest[0] = mpcy_method_qualname(self->type->name, self->name);
    } else if (attr == MP_QSTR___self__ && self->self != MP_OBJ_NULL) {
        dest[0] = self->self;
    } else if (attr == MP_QSTR___objclass__ && self->self == MP_OBJ_NULL) {
        dest[0] = MP_OBJ_FROM_PTR(self->type);
    } else if (attr == MP_QSTR___doc__ || (attr == MP_QSTR___module__ && self->self != MP_OBJ_NULL)) {
        dest[0] = mp_const_none; // MicroPython keeps no docstrings
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_native_method, MP_QSTR_method_descriptor, MP_TYPE_FLAG_NONE,
    call, mpcy_native_method_call, attr, mpcy_native_method_attr);
MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_builtin_method, MP_QSTR_builtin_function_or_method, MP_TYPE_FLAG_NONE,
    call, mpcy_native_method_call, attr, mpcy_native_method_attr);

bool mpcy_is_native_fun(mp_obj_t f) {
    if (!mp_obj_is_obj(f)) {
        return false;
    }
    const mp_obj_type_t *ft = mp_obj_get_type(f);
    return ft == &mp_type_fun_builtin_0 || ft == &mp_type_fun_builtin_1 || ft == &mp_type_fun_builtin_2
           || ft == &mp_type_fun_builtin_3 || ft == &mp_type_fun_builtin_var;
}

mp_obj_t mpcy_native_method_new(const mp_obj_type_t *t, qstr name, mp_obj_t fun, mp_obj_t self) {
    mpcy_native_method_t *m = mp_obj_malloc(mpcy_native_method_t, self != MP_OBJ_NULL ? &mpcy_type_builtin_method : &mpcy_type_native_method);
    m->type = t;
    m->name = name;
    m->fun = fun;
    m->self = self;
    return MP_OBJ_FROM_PTR(m);
}

// The module of MicroPython's built-in modules (builtins first) whose globals
// hold `fun`, and its name there; NULL if none.
static const mp_obj_module_t *mpcy_native_fun_home(mp_obj_t fun, qstr *name) {
    const mp_map_t *mods = &mp_builtin_module_map;
    for (size_t i = 0; i <= mods->alloc; i++) {
        const mp_obj_module_t *m = &mp_module_builtins;
        if (i > 0) {
            if (!mp_map_slot_is_filled(mods, i - 1) || !mp_obj_is_type(mods->table[i - 1].value, &mp_type_module)) {
                continue;
            }
            m = MP_OBJ_TO_PTR(mods->table[i - 1].value);
        }
        if (mpcy_map_name_of(&m->globals->map, fun, name)) {
            return m;
        }
    }
    return NULL;
}

// __name__, __qualname__, __module__ and __self__ of a built-in function
// (`len`), as CPython's: MicroPython's keep no name, so the function is found
// in its module. MP_OBJ_NULL if not known.
mp_obj_t mpcy_native_fun_attr(mp_obj_t fun, qstr attr) {
    if (attr != MP_QSTR___name__ && attr != MP_QSTR___qualname__ && attr != MP_QSTR___module__ && attr != MP_QSTR___self__) {
        return MP_OBJ_NULL;
    }
    qstr name;
    const mp_obj_module_t *m = mpcy_native_fun_home(fun, &name);
    if (m == NULL) {
        return MP_OBJ_NULL;
    }
    if (attr == MP_QSTR___self__) {
        return MP_OBJ_FROM_PTR(m);
    }
    if (attr == MP_QSTR___module__) {
        mp_map_elem_t *e = mp_map_lookup(&m->globals->map, MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_MAP_LOOKUP);
        return e != NULL ? e->value : mp_const_none;
    }
    return MP_OBJ_NEW_QSTR(name);
}

// __name__ and __qualname__ of a method of a built-in object bound by
// MicroPython (`[].append`), as CPython's builtin method: its name is the key
// that holds it in the locals of the object's type or a base, qualified by
// the object's type (for an instance of a Python subclass, the built-in type:
// MicroPython binds the built-in part). MP_OBJ_NULL if not known.
mp_obj_t mpcy_native_bound_attr(mp_obj_t bound, qstr attr) {
    const mpcy_bound_meth_t *b = MP_OBJ_TO_PTR(bound);
    if ((attr != MP_QSTR___name__ && attr != MP_QSTR___qualname__) || !mpcy_is_native_fun(b->meth)) {
        return MP_OBJ_NULL;
    }
    const mp_obj_type_t *self_type = mp_obj_get_type(b->self);
    qstr name;
    for (const mp_obj_type_t *t = self_type; t != NULL;) {
        if (MP_OBJ_TYPE_HAS_SLOT(t, locals_dict) && mpcy_map_name_of(&MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map, b->meth, &name)) {
            return attr == MP_QSTR___name__ ? MP_OBJ_NEW_QSTR(name) : mpcy_method_qualname(self_type->name, name);
        }
        // one base per type (MicroPython's built-in types have no more)
        const void *parent = MP_OBJ_TYPE_HAS_SLOT(t, parent) ? MP_OBJ_TYPE_GET_SLOT(t, parent) : NULL;
        t = parent != NULL && ((const mp_obj_base_t *)parent)->type == &mp_type_type ? parent : NULL;
    }
    return MP_OBJ_NULL;
}
