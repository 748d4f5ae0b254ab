// Calls (abstract.h's PyObject_Call*, PyObject_Vectorcall*, PyVectorcall_*):
// CPython's calling conventions (a tuple and a dict; vectorcall: an array and
// a tuple of keyword names) to MicroPython's (positional arguments, then
// keyword names and values interleaved). A Cython function called from Cython
// code is called through its vectorcall function directly, as in CPython.
#include "mpcy.h"

// The call into MicroPython. A CPython caller keeps its handled exception
// (sys.exc_info()) across a call; MicroPython's VM clears it when an except
// block of the callee ends (py/vm.c, POP_EXCEPT), so it is put back.
static mp_obj_t mpcy_call_fn(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_call_tick();
    PyObject *handled = PyErr_GetHandledException();
    mp_obj_t r = fun == MP_OBJ_FROM_PTR(&mp_type_range) && n_kw == 0
        ? mpcy_range_call(n_args, args) // ints beyond a machine word too
        : mp_call_function_n_kw(fun, n_args, n_kw, args);
    PyErr_SetHandledException(handled);
    return r;
}

// A call with positional arguments only. type(name, bases, dict) as Cython's
// class creation calls it: the layer makes classes with a cdef class base
// itself (see mpcy_type_from_class), gives __doc__, calls __set_name__ where MicroPython
// does not (mpcy_new_class) and gives the instances CPython's repr and
// built-in part (mpcy_cython_class). dict(mapping), which Cython's {**x} calls, as
// CPython's (mpcy_dict_from).
static mp_obj_t mpcy_call_positional(mp_obj_t fun, size_t n, const mp_obj_t *args) {
    mp_obj_t copy[3];
    if (n == 3 && !mp_obj_is_dict_or_ordereddict(args[2]) && mp_obj_is_type(fun, &mp_type_type)
        && mp_obj_is_subclass_fast(fun, MP_OBJ_FROM_PTR(&mp_type_type))
        && (fun == MP_OBJ_FROM_PTR(&mp_type_type) || mpcy_type_lookup(MP_OBJ_TO_PTR(fun), MP_QSTR___new__) == MP_OBJ_NULL)) {
        // type's __new__ (of type itself or of a metaclass without its own)
        // with a namespace of a dict subclass (a metaclass's __prepare__):
        // MicroPython's takes only a dict, CPython's copies the namespace
        // into one.
        mp_obj_t ns = MPCY_OBJ(mpcy_native(MPCY_PY(args[2]), &mp_type_dict));
        if (ns != MP_OBJ_NULL) {
            copy[0] = args[0];
            copy[1] = args[1];
            copy[2] = mp_obj_dict_copy(ns);
            args = copy;
        }
    }
    if (fun == MP_OBJ_FROM_PTR(&mp_type_type) && n == 3) {
        if (mp_obj_is_dict_or_ordereddict(args[2])) {
            // As CPython's type(): a class without a docstring has __doc__
            // None, not its base's.
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(args[2]), MP_OBJ_NEW_QSTR(MP_QSTR___doc__), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            if (e->value == MP_OBJ_NULL) {
                e->value = mp_const_none;
            }
        }
        if (mpcy_has_spec_base(args[1])) {
            return mpcy_type_from_class(args[0], args[1], args[2]);
        }
        mp_obj_t cls = mpcy_new_class(mpcy_call_fn(fun, n, 0, args));
        mpcy_cython_class(cls);
        return cls;
    }
    if (fun == MP_OBJ_FROM_PTR(&mp_type_dict) && n == 1) {
        return mpcy_dict_from(args[0]);
    }
    return mpcy_call_fn(fun, n, 0, args);
}

// MicroPython's callees take keyword names as qstr objects; names made from C
// strings (PyUnicode_FromString, a dict filled by C) are interned here.
static mp_obj_t mpcy_kw_name(mp_obj_t key) {
    if (mp_obj_is_qstr(key)) {
        return key;
    }
    PyObject *s = mpcy_as_native(MPCY_PY(key), &mp_type_str); // a str subclass's text too
    if (s == NULL) {
        mp_raise_TypeError(MP_ERROR_TEXT("keywords must be strings"));
    }
    return MP_OBJ_NEW_QSTR(mp_obj_str_get_qstr(MPCY_OBJ(s)));
}

// Vectorcall (values then a kwnames tuple) to MicroPython's interleaved form.
mp_obj_t mpcy_call_vec(mp_obj_t fun, mp_obj_t const *args, size_t nargs, mp_obj_t kwnames) {
    size_t n_kw = kwnames == MP_OBJ_NULL ? 0 : ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(kwnames))->len;
    if (n_kw == 0) {
        return mpcy_call_positional(fun, nargs, args);
    }
    mp_obj_t buf[MPCY_STACK_ARGS];
    mp_obj_t *a = MPCY_ARGS_BUF(buf, nargs + 2 * n_kw);
    memcpy(a, args, nargs * sizeof(mp_obj_t));
    mp_obj_tuple_t *names = MP_OBJ_TO_PTR(kwnames);
    for (size_t i = 0; i < n_kw; i++) {
        a[nargs + 2 * i] = mpcy_kw_name(names->items[i]);
        a[nargs + 2 * i + 1] = args[nargs + i];
    }
    return mpcy_call_fn(fun, nargs, n_kw, a);
}

// A call with n positional arguments and a dict of keyword arguments (or NULL).
static mp_obj_t mpcy_call_items_dict(mp_obj_t fun, size_t n, const mp_obj_t *items, mp_obj_t kw) {
    mp_map_t *map = kw == MP_OBJ_NULL ? NULL : mpcy_dict_map_or_null(MPCY_PY(kw));
    if (map == NULL || map->used == 0) {
        return mpcy_call_positional(fun, n, items);
    }
    size_t n_kw = map->used;
    mp_obj_t buf[MPCY_STACK_ARGS];
    mp_obj_t *a = MPCY_ARGS_BUF(buf, n + 2 * n_kw);
    memcpy(a, items, n * sizeof(mp_obj_t));
    size_t j = n;
    for (size_t i = 0; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i)) {
            a[j++] = mpcy_kw_name(map->table[i].key);
            a[j++] = map->table[i].value;
        }
    }
    return mpcy_call_fn(fun, n, n_kw, a);
}

static bool mpcy_call_tuple(PyObject *callable, PyObject *args, PyObject *kwargs, PyObject **r);

PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs) {
    MPCY_CHECK_INIT("PyObject_Call");
    PyObject *res;
    if (args != NULL && PyTuple_CheckExact(args) && (kwargs == NULL || PyDict_CheckExact(kwargs))
        && mpcy_call_tuple(callable, args, kwargs, &res)) {
        return res;
    }
    mp_obj_t r = MP_OBJ_NULL;
    size_t n = 0;
    mp_obj_t *items = NULL;
    if (args != NULL) {
        mp_obj_tuple_get(MPCY_OBJ(args), &n, &items);
    }
    MPCY_TRY(NULL, r = mpcy_call_items_dict(MPCY_OBJ(callable), n, items, MPCY_OBJ(kwargs)));
    // `items` points into the tuple, which the GC does not follow.
    mpcy_live_until(args);
    return MPCY_PY(r);
}

PyObject *PyObject_CallObject(PyObject *callable, PyObject *args) {
    MPCY_CHECK_INIT("PyObject_CallObject");
    return PyObject_Call(callable, args, NULL);
}

PyObject *PyCFunction_Call(PyObject *f, PyObject *args, PyObject *kw) {
    return PyObject_Call(f, args, kw);
}

PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *dict) {
    return PyObject_Call(callable, tuple, dict);
}

// The vectorcall function of a spec type's instance (a Cython function), or
// NULL. Calls through it need no nlr frame: Cython code returns NULL on error.
static inline vectorcallfunc mpcy_vectorcall_of(mp_obj_t f) {
    if (!mp_obj_is_obj(f)) {
        return NULL;
    }
    mpcy_type_t *st = mpcy_spec_type(((mp_obj_base_t *)MP_OBJ_TO_PTR(f))->type);
    if (st == NULL || st->vectorcalloffset <= 0) {
        return NULL;
    }
    return *(vectorcallfunc *)((char *)MP_OBJ_TO_PTR(f) + st->vectorcalloffset);
}

// A direct Cython-to-Cython call passes no MicroPython call dispatch (and its
// stack check): check here, without an nlr frame, so unbounded recursion
// raises RuntimeError as MicroPython's does instead of overflowing the stack.
static inline bool mpcy_stack_ok(void) {
    mpcy_call_tick();
    #if MICROPY_STACK_CHECK
    if (MPCY_STACK_LIMIT_REACHED()) {
        PyErr_Format(PyExc_RuntimeError, "maximum recursion depth exceeded");
        return false;
    }
    #endif
    return true;
}

static inline PyObject *mpcy_vc_call(vectorcallfunc vc, mp_obj_t f, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    return mpcy_stack_ok() ? MPCY_NO_RAISE(vc(MPCY_PY(f), args, nargsf, kwnames)) : NULL; // C: it returns its errors
}

// A call whose callee takes its arguments as a tuple (and a dict): a spec
// type's instance without vectorcall (a Cython function `def f(*a)`, or a
// cdef class's __call__), a PyMethodDef function of METH_VARARGS. It gets the
// very tuple and dict, as CPython passes them: `f(*t)` in Cython code gives
// `*a` the tuple t itself. False if the callee is of another kind.
static bool mpcy_call_tuple(PyObject *callable, PyObject *args, PyObject *kwargs, PyObject **r) {
    mp_obj_t f = MPCY_OBJ(callable);
    if (!mp_obj_is_obj(f)) {
        return false;
    }
    PyObject *self = callable;
    ternaryfunc call = NULL;
    mpcy_type_t *st = mpcy_spec_type(((mp_obj_base_t *)MP_OBJ_TO_PTR(f))->type);
    if (st != NULL && mpcy_vectorcall_of(f) == NULL) {
        call = (ternaryfunc)mpcy_slot(st, Py_tp_call);
    } else if (mp_obj_is_type(f, &mpcy_type_cfunction)) {
        PyCFunctionObject *cf = MP_OBJ_TO_PTR(f);
        int flags = cf->m_ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
        self = cf->m_self;
        if (flags == (METH_VARARGS | METH_KEYWORDS)) {
            call = (ternaryfunc)(void (*)(void))cf->m_ml->ml_meth;
        } else if (flags == METH_VARARGS && (kwargs == NULL || PyDict_Size(kwargs) == 0)) {
            *r = mpcy_stack_ok() ? MPCY_NO_RAISE(cf->m_ml->ml_meth(self, args)) : NULL; // C: it returns its errors
            return true;
        }
    }
    if (call == NULL) {
        return false;
    }
    *r = mpcy_stack_ok() ? MPCY_NO_RAISE(call(self, args, kwargs)) : NULL; // C: it returns its errors
    return true;
}

vectorcallfunc PyVectorcall_Function(PyObject *callable) {
    return mpcy_vectorcall_of(MPCY_OBJ(callable));
}

PyObject *PyObject_CallNoArgs(PyObject *callable) {
    MPCY_CHECK_INIT("PyObject_CallNoArgs");
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_call_fn(MPCY_OBJ(callable), 0, 0, NULL));
    return MPCY_PY(r);
}

PyObject *PyObject_CallOneArg(PyObject *callable, PyObject *arg) {
    MPCY_CHECK_INIT("PyObject_CallOneArg");
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_call_fn(MPCY_OBJ(callable), 1, 0, (const mp_obj_t *)&arg));
    return MPCY_PY(r);
}

PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    // Cython to Cython: straight to the callee, as CPython does.
    vectorcallfunc vc = mpcy_vectorcall_of(MPCY_OBJ(callable));
    if (vc != NULL) {
        return mpcy_vc_call(vc, MPCY_OBJ(callable), args, nargsf, kwnames);
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_call_vec(MPCY_OBJ(callable), (const mp_obj_t *)args, PyVectorcall_NARGS(nargsf), MPCY_OBJ(kwnames)));
    return MPCY_PY(r);
}

PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwdict) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_call_items_dict(MPCY_OBJ(callable), PyVectorcall_NARGS(nargsf), (const mp_obj_t *)args, MPCY_OBJ(kwdict)));
    return MPCY_PY(r);
}

MPCY_CLOBBER_CHECKED
PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    mp_obj_t r = MP_OBJ_NULL;
    size_t nargs = PyVectorcall_NARGS(nargsf);
    mp_obj_t self = MPCY_OBJ(args[0]);
    if (kwnames == NULL && nargs <= MPCY_STACK_ARGS && !mp_obj_is_type(self, &mp_type_type)) {
        // obj.name(args) as MicroPython's VM calls a method: mp_load_method
        // (no bound method object), then the function with self first, in
        // the same nlr frame unless it is a vectorcall (it returns errors).
        mp_obj_t d[MPCY_STACK_ARGS + 1];
        mp_obj_t *a = NULL;
        size_t n = 0;
        vectorcallfunc vc = NULL;
        MPCY_TRY(NULL, {
            mpcy_load_method(self, mpcy_qstr(name), d);
            memcpy(d + 2, args + 1, (nargs - 1) * sizeof(mp_obj_t));
            a = d[1] == MP_OBJ_NULL ? d + 2 : d + 1;
            n = d[1] == MP_OBJ_NULL ? nargs - 1 : nargs;
            vc = mpcy_vectorcall_of(d[0]);
            if (vc == NULL) {
                r = mpcy_call_fn(d[0], n, 0, a);
            }
        });
        return vc != NULL ? mpcy_vc_call(vc, d[0], (PyObject *const *)a, n, NULL) : MPCY_PY(r);
    }
    MPCY_TRY(NULL, {
        mp_obj_t f = mpcy_load_attr(MPCY_OBJ(args[0]), mpcy_qstr(name));
        r = mpcy_call_vec(f, (const mp_obj_t *)args + 1, nargs - 1, MPCY_OBJ(kwnames));
    });
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

// Call `callable`, or when it is NULL the attribute `name` of `o`, with the
// NULL-terminated PyObject * arguments in `va`, any number of them: in a
// stack buffer up to MPCY_STACK_ARGS, beyond in a heap block left to the
// collector. `func` is the exported function the caller called, named by
// the check that the layer is initialized.
MPCY_CLOBBER_CHECKED
static PyObject *mpcy_call_objargs(const char *func, PyObject *callable, PyObject *o, PyObject *name, va_list *va) {
    MPCY_CHECK_INIT(func);
    (void)func;
    va_list count;
    va_copy(count, *va);
    size_t n = 0;
    while (va_arg(count, PyObject *) != NULL) {
        n++;
    }
    va_end(count);
    mp_obj_t buf[MPCY_STACK_ARGS];
    mp_obj_t *a = n <= MPCY_STACK_ARGS ? buf : m_new_maybe(mp_obj_t, n);
    if (a == NULL) {
        return PyErr_NoMemory();
    }
    for (size_t i = 0; i < n; i++) {
        a[i] = MPCY_OBJ(va_arg(*va, PyObject *));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t f = callable != NULL ? MPCY_OBJ(callable) : mp_load_attr(MPCY_OBJ(o), mpcy_qstr(name));
        r = mpcy_call_fn(f, n, 0, a);
    });
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...) {
    va_list va;
    va_start(va, callable);
    PyObject *r = mpcy_call_objargs("PyObject_CallFunctionObjArgs", callable, NULL, NULL, &va);
    va_end(va);
    return r;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *o, PyObject *name, ...) {
    va_list va;
    va_start(va, name);
    PyObject *r = mpcy_call_objargs("PyObject_CallMethodObjArgs", NULL, o, name, &va);
    va_end(va);
    return r;
}

// Call `callable` with what Py_VaBuildValue makes of `format`: a tuple as the
// arguments, anything else as the one argument; no arguments for an empty
// format.
static PyObject *mpcy_call_format(PyObject *callable, const char *format, va_list va) {
    if (format == NULL || !*format) {
        return PyObject_CallNoArgs(callable);
    }
    PyObject *built = Py_VaBuildValue(format, va);
    if (built != NULL && !PyTuple_Check(built)) {
        built = mpcy_tuple_from_array(1, (mp_obj_t[]) {MPCY_OBJ(built)});
    }
    return built ? PyObject_Call(callable, built, NULL) : NULL;
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...) {
    MPCY_CHECK_INIT("PyObject_CallFunction");
    va_list va;
    va_start(va, format);
    PyObject *r = mpcy_call_format(callable, format, va);
    va_end(va);
    return r;
}

PyObject *PyObject_CallMethod(PyObject *o, const char *name, const char *format, ...) {
    MPCY_CHECK_INIT("PyObject_CallMethod");
    PyObject *f = PyObject_GetAttrString(o, name);
    if (f == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *r = mpcy_call_format(f, format, va);
    va_end(va);
    return r;
}

// `fun` as CPython's argument errors name it: "module.qualname()".
static const char *mpcy_callee_str(mp_obj_t fun, vstr_t *buf) {
    mp_obj_t q[2], m[2];
    mp_load_method_maybe(fun, MP_QSTR___qualname__, q);
    mp_load_method_maybe(fun, MP_QSTR___module__, m);
    if (q[0] == MP_OBJ_NULL || !mp_obj_is_str(q[0])) {
        vstr_printf(buf, "%s object", mpcy_type_name(mp_obj_get_type(fun)));
        return vstr_null_terminated_str(buf);
    }
    if (m[0] != MP_OBJ_NULL && mp_obj_is_str(m[0]) && strcmp(mp_obj_str_get_str(m[0]), "builtins") != 0) {
        vstr_printf(buf, "%s.", mp_obj_str_get_str(m[0]));
    }
    vstr_printf(buf, "%s()", mp_obj_str_get_str(q[0]));
    return vstr_null_terminated_str(buf);
}

// CPython's caller refuses a keyword given twice (`f(a=1, **{'a': 2})`);
// MicroPython's passes both on, so the layer's callees check. `fun` names
// the callee, or when it is MP_OBJ_NULL, `name` does.
void mpcy_kw_unique(mp_obj_t fun, const char *name, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_t *kw = args + n_args;
    for (size_t i = 1; i < n_kw; i++) {
        for (size_t j = 0; j < i; j++) {
            mp_obj_t a = kw[2 * i], b = kw[2 * j];
            if (a == b || (!(mp_obj_is_qstr(a) && mp_obj_is_qstr(b)) && mp_obj_equal(a, b))) {
                vstr_t buf;
                vstr_init(&buf, 32);
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s got multiple values for keyword argument '%s'"),
                    fun != MP_OBJ_NULL ? mpcy_callee_str(fun, &buf) : name, mp_obj_str_get_str(a));
            }
        }
    }
}

void mpcy_split_args(size_t n_args, size_t n_kw, const mp_obj_t *args, PyObject **targs, PyObject **kwargs) {
    *targs = MPCY_PY(mp_obj_new_tuple(n_args, args));
    *kwargs = NULL;
    if (n_kw > 0) {
        mp_obj_t d = mp_obj_new_dict(n_kw);
        for (size_t i = 0; i < n_kw; i++) {
            mp_obj_dict_store(d, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
        }
        *kwargs = MPCY_PY(d);
    }
}
