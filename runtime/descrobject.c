// Descriptors (descrobject.h): method, getset and member descriptors, the
// PyMethodDef, PyGetSetDef and PyMemberDef entries of a type's dict.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    const PyGetSetDef *def;
    PyTypeObject *type;
} mpcy_getset_descr_t;

typedef struct {
    mp_obj_base_t base;
    const PyMemberDef *def;
    PyTypeObject *type;
} mpcy_member_descr_t;

// The three descriptor kinds share one layout, {base, def, type}, the layout
// of PyMethodDescrObject.
typedef struct {
    mp_obj_base_t base;
    const void *def;
    PyTypeObject *type;
} mpcy_descr_t;

_Static_assert(offsetof(mpcy_descr_t, def) == offsetof(PyMethodDescrObject, d_method)
    && offsetof(mpcy_descr_t, type) == offsetof(PyMethodDescrObject, d_type)
    && sizeof(mpcy_descr_t) == sizeof(mpcy_getset_descr_t)
    && sizeof(mpcy_descr_t) == sizeof(mpcy_member_descr_t), "descriptors are { base, def, type }");

static PyObject *mpcy_descr_new(const mp_obj_type_t *kind, PyTypeObject *type, const void *def) {
    mpcy_descr_t *d = NULL;
    MPCY_TRY(NULL, d = m_new_obj(mpcy_descr_t));
    d->base.type = kind;
    d->def = def;
    d->type = type;
    return MPCY_PY(MP_OBJ_FROM_PTR(d));
}

// ---- method_descriptor: a PyMethodDef in a type's dict -------------------------
static mp_obj_t mpcy_method_descr_call(mp_obj_t d, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    PyMethodDescrObject *md = MP_OBJ_TO_PTR(d);
    if (n_args < 1) {
        const char *tn = mpcy_type_name(md->d_type), *dot = strrchr(tn, '.');
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unbound method %s.%s() needs an argument"),
            dot ? dot + 1 : tn, md->d_method->ml_name);
    }
    if (!(md->d_method->ml_flags & METH_CLASS)
        && !PyObject_TypeCheck(MPCY_PY(args[0]), md->d_type)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%s' for '%s' objects doesn't apply to a '%s' object"),
            md->d_method->ml_name, mpcy_type_name(md->d_type), mpcy_type_name(mp_obj_get_type(args[0])));
    }
    return mpcy_call_methoddef(md->d_method, MPCY_PY(args[0]), md->d_type, n_args - 1, n_kw, args + 1);
}

static void mpcy_method_descr_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    PyMethodDescrObject *md = MP_OBJ_TO_PTR(o);
    mp_printf(print, "<method '%s' of '%s' objects>", md->d_method->ml_name, mpcy_type_name(md->d_type));
}

// __name__, __qualname__, __doc__ (the PyMethodDef's), __objclass__.
static void mpcy_method_descr_attr(mp_obj_t o, qstr attr, mp_obj_t *dest) {
    PyMethodDescrObject *md = MP_OBJ_TO_PTR(o);
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only
    }
    if (attr == MP_QSTR___name__) {
        dest[0] = mp_obj_new_str_from_cstr(md->d_method->ml_name);
    } else if (attr == MP_QSTR___qualname__) {
        const char *tn = mpcy_type_name(md->d_type), *dot = strrchr(tn, '.');
        vstr_t v;
        vstr_init(&v, 16);
        vstr_printf(&v, "%s.%s", dot ? dot + 1 : tn, md->d_method->ml_name);
        dest[0] = mp_obj_new_str_from_vstr(&v);
    } else if (attr == MP_QSTR___doc__) {
        const char *doc = md->d_method->ml_doc;
        dest[0] = doc != NULL ? mp_obj_new_str_from_cstr(doc) : mp_const_none;
    } else if (attr == MP_QSTR___objclass__) {
        dest[0] = MP_OBJ_FROM_PTR(md->d_type);
    }
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_method_descr, MP_QSTR_method_descriptor, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_method_descr_call,
    print, mpcy_method_descr_print,
    attr, mpcy_method_descr_attr);

PyObject *PyDescr_NewMethod(PyTypeObject *type, const PyMethodDef *meth) {
    return mpcy_descr_new(&mpcy_type_method_descr, type, meth);
}

PyObject *PyDescr_NewClassMethod(PyTypeObject *type, const PyMethodDef *meth) {
    return PyDescr_NewMethod(type, meth);
}

// __name__, __doc__ and __objclass__ of a getset or member descriptor.
static void mpcy_descr_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    mpcy_descr_t *d = MP_OBJ_TO_PTR(self);
    bool getset = d->base.type == &mpcy_type_getset_descr;
    const char *name = getset ? ((const PyGetSetDef *)d->def)->name : ((const PyMemberDef *)d->def)->name;
    const char *doc = getset ? ((const PyGetSetDef *)d->def)->doc : ((const PyMemberDef *)d->def)->doc;
    if (attr == MP_QSTR___name__) {
        dest[0] = mp_obj_new_str_from_cstr(name);
    } else if (attr == MP_QSTR___doc__) {
        dest[0] = doc != NULL ? mp_obj_new_str_from_cstr(doc) : mp_const_none;
    } else if (attr == MP_QSTR___objclass__) {
        dest[0] = MP_OBJ_FROM_PTR(d->type);
    }
}

// ---- getset_descriptor ----------------------------------------------------------
MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_getset_descr, MP_QSTR_getset_descriptor, MP_TYPE_FLAG_NONE,
    attr, mpcy_descr_attr);

PyObject *PyDescr_NewGetSet(PyTypeObject *type, const PyGetSetDef *getset) {
    return mpcy_descr_new(&mpcy_type_getset_descr, type, getset);
}

// The PyGetSetDef of a getset descriptor with a getter (SET false) or a
// setter (SET true); NULL with CPython's AttributeError without one.
static const PyGetSetDef *mpcy_getset_def(mp_obj_t descr, bool set) {
    mpcy_getset_descr_t *d = MP_OBJ_TO_PTR(descr);
    if (set ? d->def->set == NULL : d->def->get == NULL) {
        PyErr_Format(PyExc_AttributeError, "attribute '%s' of '%s' objects is not %s", d->def->name,
            mpcy_type_name(d->type), set ? "writable" : "readable");
        return NULL;
    }
    return d->def;
}

PyObject *mpcy_getset_get(mp_obj_t descr, mp_obj_t self) {
    const PyGetSetDef *def = mpcy_getset_def(descr, false);
    return def ? def->get(MPCY_PY(self), def->closure) : NULL;
}

int mpcy_getset_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value) {
    const PyGetSetDef *def = mpcy_getset_def(descr, true);
    return def ? def->set(MPCY_PY(self), value == MP_OBJ_NULL ? NULL : MPCY_PY(value), def->closure) : -1;
}

// ---- member_descriptor (PyMemberDef) ----------------------------------------------
MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_member_descr, MP_QSTR_member_descriptor, MP_TYPE_FLAG_NONE,
    attr, mpcy_descr_attr);

PyObject *PyDescr_NewMember(PyTypeObject *type, const PyMemberDef *member) {
    return mpcy_descr_new(&mpcy_type_member_descr, type, member);
}

PyObject *mpcy_member_get(mp_obj_t descr, mp_obj_t self) {
    mpcy_member_descr_t *d = MP_OBJ_TO_PTR(descr);
    return PyMember_GetOne((const char *)MP_OBJ_TO_PTR(self), d->def);
}

int mpcy_member_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value) {
    mpcy_member_descr_t *d = MP_OBJ_TO_PTR(descr);
    if (d->def->flags & Py_READONLY) {
        PyErr_Format(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    return PyMember_SetOne((char *)MP_OBJ_TO_PTR(self), d->def, value == MP_OBJ_NULL ? NULL : MPCY_PY(value));
}

// ---- Slot wrappers: a type slot by its Python name ------------------------------
// As CPython, a type's dict gets a wrapper for each slot of its spec that has
// a Python name (mpcy_add_slot_wrappers): `Cls.__len__`, `Cls.__init__.__doc__`,
// `super().__add__(x)`, and Cython's class-body lookups (`__long__ = __int__`)
// find them. An instance's lookup that finds none (a slot that is no
// spec's: a built-in base's, a Python subclass's) ends in
// mpcy_special_method_attr: the entries of mpcy_method_wrappers are
// constant objects, bound to the instance, that call its type's slot.
enum {
    MPCY_W_INIT, MPCY_W_GET, MPCY_W_SET, MPCY_W_DELETE, // not bound by mpcy_special_method_attr
    MPCY_W_UNARY, MPCY_W_NEXT, MPCY_W_LEN, MPCY_W_BOOL, MPCY_W_HASH, MPCY_W_BINARY, MPCY_W_RBINARY,
    MPCY_W_TERNARY, MPCY_W_RTERNARY, MPCY_W_CMP, MPCY_W_SETITEM, MPCY_W_DELITEM, MPCY_W_CONTAINS, MPCY_W_CALL,
};

typedef struct {
    mp_obj_base_t base;
    uint16_t name;
    uint8_t slot;
    uint8_t kind;
    const char *doc; // CPython's (its slotdefs)
} mpcy_method_wrapper_t;

// A wrapper in a type's dict: the slot of that class (Base.__init__(self)).
typedef struct {
    mp_obj_base_t base;
    PyTypeObject *type;
    void *func;
    const mpcy_method_wrapper_t *def;
} mpcy_wrapper_descr_t;

static void mpcy_wrapper_descr_nargs(size_t n, size_t want) {
    if (n != want) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %d argument%s, got %d"),
            (int)want, want == 1 ? "" : "s", (int)n);
    }
}

static int mpcy_cmp_op(qstr name) {
    return name == MP_QSTR___lt__ ? Py_LT : name == MP_QSTR___le__ ? Py_LE : name == MP_QSTR___eq__ ? Py_EQ
           : name == MP_QSTR___ne__ ? Py_NE : name == MP_QSTR___gt__ ? Py_GT : Py_GE;
}

// Slot `func` of kind def->kind called for `self` with the wrapper's
// arguments, as CPython's wrap_* functions (its Objects/typeobject.c).
static mp_obj_t mpcy_wrapper_dispatch(const mpcy_method_wrapper_t *def, void *func, PyObject *self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    if (def->kind == MPCY_W_INIT || def->kind == MPCY_W_CALL) {
        PyObject *targs, *kw;
        mpcy_split_args(n_args, n_kw, args, &targs, &kw);
        if (def->kind == MPCY_W_CALL) {
            return mpcy_check(((ternaryfunc)func)(self, targs, kw));
        }
        if (((initproc)func)(self, targs, kw) < 0) {
            mpcy_err_raise();
        }
        return mp_const_none;
    }
    if (n_kw != 0) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("wrapper %q() takes no keyword arguments"), def->name);
    }
    PyObject *a0 = n_args > 0 ? MPCY_PY(args[0]) : NULL;
    switch (def->kind) {
        case MPCY_W_GET: {
            if (n_args < 1 || n_args > 2) {
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected 1 or 2 arguments, got %d"), (int)n_args);
            }
            // None means absent, as in CPython's wrap_descr_get.
            PyObject *obj = args[0] == mp_const_none ? NULL : a0;
            PyObject *type = n_args < 2 || args[1] == mp_const_none ? NULL : MPCY_PY(args[1]);
            if (obj == NULL && type == NULL) {
                mp_raise_TypeError(MP_ERROR_TEXT("__get__(None, None) is invalid"));
            }
            return mpcy_check(((descrgetfunc)func)(self, obj, type));
        }
        case MPCY_W_SET:
        case MPCY_W_DELETE:
            mpcy_wrapper_descr_nargs(n_args, def->kind == MPCY_W_SET ? 2 : 1);
            if (((descrsetfunc)func)(self, a0, def->kind == MPCY_W_SET ? MPCY_PY(args[1]) : NULL) < 0) {
                mpcy_err_raise();
            }
            return mp_const_none;
        case MPCY_W_TERNARY:
        case MPCY_W_RTERNARY: {
            // pow(self, other[, mod])
            if (n_args < 1 || n_args > 2) {
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected 1 or 2 arguments, got %d"), (int)n_args);
            }
            PyObject *mod = n_args == 2 ? MPCY_PY(args[1]) : Py_None;
            return mpcy_check(def->kind == MPCY_W_TERNARY ? ((ternaryfunc)func)(self, a0, mod) : ((ternaryfunc)func)(a0, self, mod));
        }
        case MPCY_W_SETITEM:
            mpcy_wrapper_descr_nargs(n_args, 2);
            if (((objobjargproc)func)(self, a0, MPCY_PY(args[1])) < 0) {
                mpcy_err_raise();
            }
            return mp_const_none;
        default:
            break;
    }
    mpcy_wrapper_descr_nargs(n_args, def->kind == MPCY_W_BINARY || def->kind == MPCY_W_RBINARY || def->kind == MPCY_W_CMP
        || def->kind == MPCY_W_DELITEM || def->kind == MPCY_W_CONTAINS ? 1 : 0);
    switch (def->kind) {
        case MPCY_W_UNARY:
            return mpcy_check(((unaryfunc)func)(self));
        case MPCY_W_NEXT: {
            PyObject *r = ((iternextfunc)func)(self);
            if (r == NULL && !PyErr_Occurred()) {
                mp_raise_type(&mp_type_StopIteration);
            }
            return mpcy_check(r);
        }
        case MPCY_W_LEN: {
            Py_ssize_t n = ((lenfunc)func)(self);
            if (n < 0 && PyErr_Occurred()) {
                mpcy_err_raise();
            }
            return mp_obj_new_int_from_ll(n);
        }
        case MPCY_W_BOOL:
        case MPCY_W_CONTAINS: {
            int r = def->kind == MPCY_W_BOOL ? ((inquiry)func)(self) : ((objobjproc)func)(self, a0);
            if (r < 0) {
                mpcy_err_raise();
            }
            return mp_obj_new_bool(r);
        }
        case MPCY_W_HASH: {
            Py_hash_t h = ((hashfunc)func)(self);
            if (h == -1 && PyErr_Occurred()) {
                mpcy_err_raise();
            }
            return mp_obj_new_int_from_ll(h);
        }
        case MPCY_W_BINARY:
            return mpcy_check(((binaryfunc)func)(self, a0));
        case MPCY_W_RBINARY:
            return mpcy_check(((binaryfunc)func)(a0, self));
        case MPCY_W_CMP:
            return mpcy_check(((richcmpfunc)func)(self, a0, mpcy_cmp_op(def->name)));
        default: // MPCY_W_DELITEM
            if (((objobjargproc)func)(self, a0, NULL) < 0) {
                mpcy_err_raise();
            }
            return mp_const_none;
    }
}

static mp_obj_t mpcy_wrapper_descr_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_wrapper_descr_t *w = MP_OBJ_TO_PTR(self_in);
    if (n_args < 1) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%q' of '%s' object needs an argument"),
            w->def->name, mpcy_type_name((const mp_obj_type_t *)w->type));
    }
    if (!PyObject_TypeCheck(MPCY_PY(args[0]), w->type)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%q' requires a '%s' object but received a '%s'"),
            w->def->name, mpcy_type_name((const mp_obj_type_t *)w->type), mpcy_type_name(mp_obj_get_type(args[0])));
    }
    return mpcy_wrapper_dispatch(w->def, w->func, MPCY_PY(args[0]), n_args - 1, n_kw, args + 1);
}

static void mpcy_wrapper_descr_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    mpcy_wrapper_descr_t *w = MP_OBJ_TO_PTR(o);
    mp_printf(print, "<slot wrapper '%q' of '%s' objects>", w->def->name, mpcy_type_name((const mp_obj_type_t *)w->type));
}

// __name__, __qualname__, __doc__, __objclass__ of a slot wrapper; the first
// and third of a method-wrapper (`type` NULL).
static void mpcy_wrapper_attr_of(const mpcy_method_wrapper_t *def, const mp_obj_type_t *type, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only
    }
    if (attr == MP_QSTR___name__) {
        dest[0] = MP_OBJ_NEW_QSTR(def->name);
    } else if (attr == MP_QSTR___doc__) {
        dest[0] = mp_obj_new_str_from_cstr(def->doc);
    } else if (type != NULL && attr == MP_QSTR___qualname__) {
        vstr_t v;
        vstr_init(&v, 16);
        vstr_printf(&v, "%q.%q", type->name, def->name);
        dest[0] = mp_obj_new_str_from_vstr(&v);
    } else if (type != NULL && attr == MP_QSTR___objclass__) {
        dest[0] = MP_OBJ_FROM_PTR(type);
    }
}

static void mpcy_wrapper_descr_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    mpcy_wrapper_descr_t *w = MP_OBJ_TO_PTR(self);
    mpcy_wrapper_attr_of(w->def, (const mp_obj_type_t *)w->type, attr, dest);
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_wrapper_descr, MP_QSTR_wrapper_descriptor, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_wrapper_descr_call,
    print, mpcy_wrapper_descr_print,
    attr, mpcy_wrapper_descr_attr);

// An entry of mpcy_method_wrappers bound to an instance: the slot of its type.
static mp_obj_t mpcy_method_wrapper_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpcy_method_wrapper_t *m = MP_OBJ_TO_PTR(self_in);
    void *f = n_args > 0 ? mpcy_type_slot(mp_obj_get_type(args[0]), m->slot) : NULL;
    if (f == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("method-wrapper '%q' needs an object with that slot"), m->name);
    }
    return mpcy_wrapper_dispatch(m, f, MPCY_PY(args[0]), n_args - 1, n_kw, args + 1);
}

static void mpcy_method_wrapper_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    mp_printf(print, "<method-wrapper '%q'>", ((const mpcy_method_wrapper_t *)MP_OBJ_TO_PTR(o))->name);
}

static void mpcy_method_wrapper_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    mpcy_wrapper_attr_of(MP_OBJ_TO_PTR(self), NULL, attr, dest);
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_method_wrapper, MP_QSTR_method_hyphen_wrapper, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_method_wrapper_call,
    print, mpcy_method_wrapper_print,
    attr, mpcy_method_wrapper_attr);

#define MPCY_SM(name, slot, kind, doc) { { &mpcy_type_method_wrapper }, MPCY_Q(MP_QSTR_##name), slot, MPCY_W_##kind, doc }
#define MPCY_SM_NUM(op, slot, sym) \
    MPCY_SM(__##op##__, slot, BINARY, "Return self" sym "value."), \
    MPCY_SM(__r##op##__, slot, RBINARY, "Return value" sym "self.")
// A binary operator's three entries: self op value, value op self, and the
// in-place form (slots Py_nb_SLOT and Py_nb_inplace_SLOT).
#define MPCY_SM_OP(op, slot, sym) \
    MPCY_SM_NUM(op, Py_nb_##slot, sym), \
    MPCY_SM(__i##op##__, Py_nb_inplace_##slot, BINARY, "Return self" sym "=value.")
#define MPCY_SM_CMP(name, sym) MPCY_SM(name, Py_tp_richcompare, CMP, "Return self" sym "value.")
static MPCY_QCONST mpcy_method_wrapper_t mpcy_method_wrappers[] = {
    MPCY_SM(__init__, Py_tp_init, INIT, "Initialize self.  See help(type(self)) for accurate signature."),
    MPCY_SM(__get__, Py_tp_descr_get, GET, "Return an attribute of instance, which is of type owner."),
    MPCY_SM(__set__, Py_tp_descr_set, SET, "Set an attribute of instance to value."),
    MPCY_SM(__delete__, Py_tp_descr_set, DELETE, "Delete an attribute of instance."),
    // (first after those: an await looks __await__ up each time)
    MPCY_SM(__await__, Py_am_await, UNARY, "Return an iterator to be used in await expression."),
    MPCY_SM(__aiter__, Py_am_aiter, UNARY, "Return an awaitable, that resolves in asynchronous iterator."),
    MPCY_SM(__anext__, Py_am_anext, UNARY, "Return a value or raise StopAsyncIteration."),
    MPCY_SM(__repr__, Py_tp_repr, UNARY, "Return repr(self)."),
    MPCY_SM(__str__, Py_tp_str, UNARY, "Return str(self)."),
    MPCY_SM(__hash__, Py_tp_hash, HASH, "Return hash(self)."),
    MPCY_SM(__call__, Py_tp_call, CALL, "Call self as a function."),
    MPCY_SM(__iter__, Py_tp_iter, UNARY, "Implement iter(self)."),
    MPCY_SM(__next__, Py_tp_iternext, NEXT, "Implement next(self)."),
    MPCY_SM_CMP(__lt__, "<"),
    MPCY_SM_CMP(__le__, "<="),
    MPCY_SM_CMP(__eq__, "=="),
    MPCY_SM_CMP(__ne__, "!="),
    MPCY_SM_CMP(__gt__, ">"),
    MPCY_SM_CMP(__ge__, ">="),
    MPCY_SM(__len__, Py_mp_length, LEN, "Return len(self)."),
    MPCY_SM(__len__, Py_sq_length, LEN, "Return len(self)."),
    MPCY_SM(__getitem__, Py_mp_subscript, BINARY, "Return self[key]."),
    MPCY_SM(__setitem__, Py_mp_ass_subscript, SETITEM, "Set self[key] to value."),
    MPCY_SM(__delitem__, Py_mp_ass_subscript, DELITEM, "Delete self[key]."),
    MPCY_SM(__contains__, Py_sq_contains, CONTAINS, "Return key in self."),
    MPCY_SM_OP(add, add, "+"), MPCY_SM_OP(sub, subtract, "-"),
    MPCY_SM_OP(mul, multiply, "*"), MPCY_SM_OP(matmul, matrix_multiply, "@"),
    MPCY_SM_OP(truediv, true_divide, "/"), MPCY_SM_OP(floordiv, floor_divide, "//"),
    MPCY_SM_OP(mod, remainder, "%"),
    MPCY_SM(__divmod__, Py_nb_divmod, BINARY, "Return divmod(self, value)."),
    MPCY_SM(__rdivmod__, Py_nb_divmod, RBINARY, "Return divmod(value, self)."),
    MPCY_SM_OP(lshift, lshift, "<<"), MPCY_SM_OP(rshift, rshift, ">>"),
    MPCY_SM_OP(and, and, "&"), MPCY_SM_OP(or, or, "|"), MPCY_SM_OP(xor, xor, "^"),
    MPCY_SM(__pow__, Py_nb_power, TERNARY, "Return pow(self, value, mod)."),
    MPCY_SM(__rpow__, Py_nb_power, RTERNARY, "Return pow(value, self, mod)."),
    MPCY_SM(__ipow__, Py_nb_inplace_power, TERNARY, "Return self**=value."),
    MPCY_SM(__neg__, Py_nb_negative, UNARY, "-self"),
    MPCY_SM(__pos__, Py_nb_positive, UNARY, "+self"),
    MPCY_SM(__abs__, Py_nb_absolute, UNARY, "abs(self)"),
    MPCY_SM(__invert__, Py_nb_invert, UNARY, "~self"),
    MPCY_SM(__int__, Py_nb_int, UNARY, "int(self)"),
    MPCY_SM(__float__, Py_nb_float, UNARY, "float(self)"),
    MPCY_SM(__index__, Py_nb_index, UNARY, "Return self converted to an integer, if self is suitable for use as an index into a list."),
    MPCY_SM(__bool__, Py_nb_bool, BOOL, "True if self else False"),
};
MPCY_FIX_QFIELD(mpcy_method_wrappers, name);

// CPython's add_operators and type_ready_set_hash: a wrapper for each slot
// of the spec with a Python name, unless the dict has the name (a method of
// the spec); __hash__ None for an unhashable type.
void mpcy_add_slot_wrappers(mpcy_type_t *t, const PyType_Spec *spec, mp_obj_t dict) {
    mp_map_t *map = mp_obj_dict_get_map(dict);
    bool own_richcompare = false;
    for (const PyType_Slot *s = spec->slots; s->slot; s++) {
        if (s->pfunc == NULL) {
            continue;
        }
        own_richcompare |= s->slot == Py_tp_richcompare;
        if (s->slot == Py_tp_descr_get && (t->mp.flags & MP_TYPE_FLAG_BINDS_SELF)) {
            // A function type: MicroPython binds it itself; a __get__ as
            // well would make its Python classes bind self twice.
            continue;
        }
        for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_method_wrappers); i++) {
            const mpcy_method_wrapper_t *m = &mpcy_method_wrappers[i];
            if (m->slot != s->slot) {
                continue;
            }
            mp_map_elem_t *e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(m->name), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            if (e->value != MP_OBJ_NULL) {
                continue;
            }
            if (mpcy_natmod_fn(s->pfunc) == (void *)PyObject_HashNotImplemented) {
                e->value = mp_const_none;
                continue;
            }
            mpcy_wrapper_descr_t *w = mp_obj_malloc(mpcy_wrapper_descr_t, &mpcy_type_wrapper_descr);
            w->type = (PyTypeObject *)t;
            w->func = s->pfunc;
            w->def = m;
            e->value = MP_OBJ_FROM_PTR(w);
        }
    }
    if (own_richcompare && mpcy_slot(t, Py_tp_hash) == NULL) {
        mp_map_elem_t *e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR___hash__), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
        if (e->value == MP_OBJ_NULL) {
            e->value = mp_const_none;
        }
    }
}

void mpcy_special_method_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    const mp_obj_type_t *t = mp_obj_get_type(self);
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_method_wrappers); i++) {
        const mpcy_method_wrapper_t *m = &mpcy_method_wrappers[i];
        if (m->name == attr && m->kind > MPCY_W_DELETE && mpcy_type_slot(t, m->slot) != NULL) {
            dest[0] = MP_OBJ_FROM_PTR(m);
            dest[1] = self;
            return;
        }
    }
}
