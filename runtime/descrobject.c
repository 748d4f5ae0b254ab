// Descriptors (descrobject.h): method, getset and member descriptors, the
// PyMethodDef, PyGetSetDef and PyMemberDef entries of a type's dict.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    PyGetSetDef *def;
    PyTypeObject *type;
} mpcy_getset_descr_t;

typedef struct {
    mp_obj_base_t base;
    PyMemberDef *def;
    PyTypeObject *type;
} mpcy_member_descr_t;

// The three descriptor kinds share one layout, {base, def, type}, the layout
// of PyMethodDescrObject.
typedef struct {
    mp_obj_base_t base;
    void *def;
    PyTypeObject *type;
} mpcy_descr_t;

_Static_assert(offsetof(mpcy_descr_t, def) == offsetof(PyMethodDescrObject, d_method)
    && offsetof(mpcy_descr_t, type) == offsetof(PyMethodDescrObject, d_type)
    && sizeof(mpcy_descr_t) == sizeof(mpcy_getset_descr_t)
    && sizeof(mpcy_descr_t) == sizeof(mpcy_member_descr_t), "descriptors are { base, def, type }");

static PyObject *mpcy_descr_new(const mp_obj_type_t *kind, PyTypeObject *type, void *def) {
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
    return mpcy_call_methoddef(md->d_method, MPCY_PY(args[0]), n_args - 1, n_kw, args + 1);
}

static void mpcy_method_descr_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    PyMethodDescrObject *md = MP_OBJ_TO_PTR(o);
    mp_printf(print, "<method '%s' of '%s' objects>", md->d_method->ml_name, mpcy_type_name(md->d_type));
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_method_descr, MP_QSTR_method_descriptor, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_method_descr_call,
    print, mpcy_method_descr_print);

PyObject *PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *meth) {
    return mpcy_descr_new(&mpcy_type_method_descr, type, meth);
}

PyObject *PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *meth) {
    return PyDescr_NewMethod(type, meth);
}

// __name__, __doc__ and __objclass__ of a getset or member descriptor.
static void mpcy_descr_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    mpcy_descr_t *d = MP_OBJ_TO_PTR(self);
    bool getset = d->base.type == &mpcy_type_getset_descr;
    const char *name = getset ? ((PyGetSetDef *)d->def)->name : ((PyMemberDef *)d->def)->name;
    const char *doc = getset ? ((PyGetSetDef *)d->def)->doc : ((PyMemberDef *)d->def)->doc;
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

PyObject *PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset) {
    return mpcy_descr_new(&mpcy_type_getset_descr, type, getset);
}

// The PyGetSetDef of a getset descriptor with a getter (SET false) or a
// setter (SET true); NULL with CPython's AttributeError without one.
static PyGetSetDef *mpcy_getset_def(mp_obj_t descr, bool set) {
    mpcy_getset_descr_t *d = MP_OBJ_TO_PTR(descr);
    if (set ? d->def->set == NULL : d->def->get == NULL) {
        PyErr_Format(PyExc_AttributeError, "attribute '%s' of '%s' objects is not %s", d->def->name,
            mpcy_type_name(d->type), set ? "writable" : "readable");
        return NULL;
    }
    return d->def;
}

PyObject *mpcy_getset_get(mp_obj_t descr, mp_obj_t self) {
    PyGetSetDef *def = mpcy_getset_def(descr, false);
    return def ? def->get(MPCY_PY(self), def->closure) : NULL;
}

int mpcy_getset_set(mp_obj_t descr, mp_obj_t self, mp_obj_t value) {
    PyGetSetDef *def = mpcy_getset_def(descr, true);
    return def ? def->set(MPCY_PY(self), value == MP_OBJ_NULL ? NULL : MPCY_PY(value), def->closure) : -1;
}

// ---- member_descriptor (PyMemberDef) ----------------------------------------------
MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_member_descr, MP_QSTR_member_descriptor, MP_TYPE_FLAG_NONE,
    attr, mpcy_descr_attr);

PyObject *PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member) {
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

// ---- wrapper_descriptor: a type slot by its Python name -------------------------
// CPython puts one in a type's dict per slot; MicroPython finds a
// descriptor's __get__/__set__/__delete__ (MICROPY_PY_DESCRIPTORS) and
// super().__init__ only as attributes, so these are the ones made.
typedef struct {
    mp_obj_base_t base;
    PyTypeObject *type;
    void *func;
    qstr name;
} mpcy_wrapper_descr_t;

static const struct {
    uint16_t name;
    uint8_t slot;
} mpcy_wrapped_slots[] = {
    { MP_QSTR___init__, Py_tp_init },
    { MP_QSTR___get__, Py_tp_descr_get },
    { MP_QSTR___set__, Py_tp_descr_set },
    { MP_QSTR___delete__, Py_tp_descr_set },
};

static void mpcy_wrapper_descr_nargs(size_t n, size_t want) {
    if (n != want) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %d argument%s, got %d"),
            (int)want, want == 1 ? "" : "s", (int)n);
    }
}

static mp_obj_t mpcy_wrapper_descr_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_wrapper_descr_t *w = MP_OBJ_TO_PTR(self_in);
    if (n_args < 1) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%q' of '%s' object needs an argument"),
            w->name, mpcy_type_name((const mp_obj_type_t *)w->type));
    }
    PyObject *self = MPCY_PY(args[0]);
    if (!PyObject_TypeCheck(self, w->type)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%q' requires a '%s' object but received a '%s'"),
            w->name, mpcy_type_name((const mp_obj_type_t *)w->type), mpcy_type_name(mp_obj_get_type(args[0])));
    }
    n_args--;
    args++;
    if (w->name == MP_QSTR___init__) {
        PyObject *targs, *kw;
        mpcy_split_args(n_args, n_kw, args, &targs, &kw);
        if (((initproc)w->func)(self, targs, kw) < 0) {
            mpcy_err_raise();
        }
        return mp_const_none;
    }
    if (n_kw != 0) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("wrapper %q() takes no keyword arguments"), w->name);
    }
    if (w->name == MP_QSTR___get__) {
        if (n_args < 1 || n_args > 2) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected 1 or 2 arguments, got %d"), (int)n_args);
        }
        // None means absent, as in CPython's wrap_descr_get.
        PyObject *obj = args[0] == mp_const_none ? NULL : MPCY_PY(args[0]);
        PyObject *type = n_args < 2 || args[1] == mp_const_none ? NULL : MPCY_PY(args[1]);
        if (obj == NULL && type == NULL) {
            mp_raise_TypeError(MP_ERROR_TEXT("__get__(None, None) is invalid"));
        }
        return mpcy_check(((descrgetfunc)w->func)(self, obj, type));
    }
    mpcy_wrapper_descr_nargs(n_args, w->name == MP_QSTR___set__ ? 2 : 1);
    if (((descrsetfunc)w->func)(self, MPCY_PY(args[0]), w->name == MP_QSTR___set__ ? MPCY_PY(args[1]) : NULL) < 0) {
        mpcy_err_raise();
    }
    return mp_const_none;
}

static void mpcy_wrapper_descr_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    mpcy_wrapper_descr_t *w = MP_OBJ_TO_PTR(o);
    mp_printf(print, "<slot wrapper '%q' of '%s' objects>", w->name, mpcy_type_name((const mp_obj_type_t *)w->type));
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_wrapper_descr, MP_QSTR_wrapper_descriptor, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_wrapper_descr_call,
    print, mpcy_wrapper_descr_print);

void mpcy_add_slot_wrappers(mpcy_type_t *t, PyType_Spec *spec, mp_obj_t dict) {
    for (PyType_Slot *s = spec->slots; s->slot; s++) {
        if (s->slot == Py_tp_descr_get && (t->mp.flags & MP_TYPE_FLAG_BINDS_SELF)) {
            // A function type: MicroPython binds it itself; a __get__ as
            // well would make its Python classes bind self twice.
            continue;
        }
        for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_wrapped_slots); i++) {
            if (mpcy_wrapped_slots[i].slot != s->slot) {
                continue;
            }
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(mpcy_wrapped_slots[i].name), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            if (e->value == MP_OBJ_NULL) {
                mpcy_wrapper_descr_t *w = mp_obj_malloc(mpcy_wrapper_descr_t, &mpcy_type_wrapper_descr);
                w->type = (PyTypeObject *)t;
                w->func = s->pfunc;
                w->name = mpcy_wrapped_slots[i].name;
                e->value = MP_OBJ_FROM_PTR(w);
            }
        }
    }
}
