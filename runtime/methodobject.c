// Built-in functions described by a PyMethodDef (methodobject.h): the
// builtin_function_or_method type and the call of a PyMethodDef function with
// MicroPython's arguments, in each METH_* convention.
#include "mpcy.h"

static PyObject *mpcy_kwnames(size_t n_args, size_t n_kw, const mp_obj_t *args, mp_obj_t *vals) {
    mp_obj_tuple_t *names = MP_OBJ_TO_PTR(mp_obj_new_tuple(n_kw, NULL));
    for (size_t i = 0; i < n_kw; i++) {
        names->items[i] = args[n_args + 2 * i];
        vals[n_args + i] = args[n_args + 2 * i + 1];
    }
    return MPCY_PY(MP_OBJ_FROM_PTR(names));
}

static NORETURN void mpcy_raise_no_kw(PyMethodDef *ml) {
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() takes no keyword arguments"), ml->ml_name);
}

// CPython names a module's function "module.name" in argument errors.
static const char *mpcy_func_str(PyMethodDef *ml, PyObject *self, vstr_t *buf) {
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

mp_obj_t mpcy_call_methoddef(PyMethodDef *ml, PyObject *self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
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
            if (n_kw) {
                mpcy_raise_no_kw(ml);
            }
            if (n_args != 0) {
                vstr_init(&name, 32);
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() takes no arguments (%d given)"), mpcy_func_str(ml, self, &name), (int)n_args);
            }
            return mpcy_check(ml->ml_meth(self, NULL));
        case METH_O:
            if (n_kw) {
                mpcy_raise_no_kw(ml);
            }
            if (n_args != 1) {
                vstr_init(&name, 32);
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() takes exactly one argument (%d given)"), mpcy_func_str(ml, self, &name), (int)n_args);
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
        case METH_FASTCALL | METH_KEYWORDS: {
            PyCFunctionFastWithKeywords f = (PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth;
            if (n_kw == 0) {
                return mpcy_check(f(self, (PyObject *const *)args, n_args, NULL));
            }
            mp_obj_t buf[MPCY_STACK_ARGS];
            mp_obj_t *vals = MPCY_ARGS_BUF(buf, n_args + n_kw);
            memcpy(vals, args, n_args * sizeof(mp_obj_t));
            PyObject *names = mpcy_kwnames(n_args, n_kw, args, vals);
            return mpcy_check(f(self, (PyObject *const *)vals, n_args, names));
        }
        default:
            mp_raise_msg_varg(&mpcy_type_SystemError, MP_ERROR_TEXT("%s() method: bad call flags"), ml->ml_name);
    }
}

static mp_obj_t mpcy_cfunction_call(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    PyCFunctionObject *f = MP_OBJ_TO_PTR(fun);
    return mpcy_call_methoddef(f->m_ml, f->m_self, n_args, n_kw, args);
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

PyObject *PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls) {
    (void)cls;
    PyCFunctionObject *f = NULL;
    MPCY_TRY(NULL, f = m_new_obj(PyCFunctionObject));
    f->base.type = &mpcy_type_cfunction;
    f->m_ml = ml;
    f->m_self = self;
    f->m_module = module;
    return MPCY_PY(MP_OBJ_FROM_PTR(f));
}

PyObject *PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module) {
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
