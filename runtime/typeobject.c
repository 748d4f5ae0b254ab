// Types (object.h's PyType_*): creating a type from a PyType_Spec, as a
// MicroPython type followed by the CPython slots it was given (mpcy_type_t);
// what a type answers about itself; the lookup along the bases. Its
// MicroPython slots: mpcy_spectype.c; Python subclasses: mpcy_subclass.c.
#include "mpcy.h"

mp_obj_t mpcy_type_walk(const mp_obj_type_t *type, mpcy_type_visit_t visit, void *ctx) {
    while (type != NULL) {
        mp_obj_t r = visit(type, ctx);
        if (r != MP_OBJ_NULL) {
            return r == MP_OBJ_SENTINEL ? MP_OBJ_NULL : r;
        }
        if (!MP_OBJ_TYPE_HAS_SLOT(type, parent)) {
            return MP_OBJ_NULL;
        }
        const mp_obj_base_t *p = MP_OBJ_TYPE_GET_SLOT(type, parent);
        if (p->type == &mp_type_tuple) {
            const mp_obj_tuple_t *t = (const mp_obj_tuple_t *)p;
            for (size_t i = 0; i < t->len; i++) {
                r = mpcy_type_walk(MP_OBJ_TO_PTR(t->items[i]), visit, ctx);
                if (r != MP_OBJ_NULL) {
                    return r;
                }
            }
            return MP_OBJ_NULL;
        }
        type = (const mp_obj_type_t *)p;
    }
    return MP_OBJ_NULL;
}

// Where a name sat in a type's own dict when last found there, for a few
// (type, name) pairs, overwritten freely: the slot read again finds it in
// one step while it is still there (mpcy_map_slot_holds). Only
// presence is remembered: MicroPython's dicts have no version that would
// say a name was not added since. The type is compared, not followed, so a
// type freed since is no danger.
typedef struct {
    const mp_obj_type_t *type;
    qstr name;
    size_t at;
} mpcy_own_memo_t;
static mpcy_own_memo_t mpcy_own_memo[8];

static mpcy_own_memo_t *mpcy_own_memo_of(const mp_obj_type_t *type, qstr name) {
    return &mpcy_own_memo[(((uintptr_t)type >> 4) ^ name) % MP_ARRAY_SIZE(mpcy_own_memo)];
}

// NAME's element in MAP, TYPE's own dict, if the memo knows it, else NULL.
static inline MP_ALWAYSINLINE mp_map_elem_t *mpcy_own_memo_hit(const mp_obj_type_t *type, mp_map_t *map, qstr name) {
    const mpcy_own_memo_t *m = mpcy_own_memo_of(type, name);
    return m->type == type && m->name == name ? mpcy_map_slot_holds(map, m->at, MP_OBJ_NEW_QSTR(name)) : NULL;
}

// NAME's element in MAP, TYPE's own dict, by the memo or a lookup.
static mp_map_elem_t *mpcy_own_elem(const mp_obj_type_t *type, mp_map_t *map, qstr name) {
    mp_map_elem_t *e = mpcy_own_memo_hit(type, map, name);
    if (e != NULL) {
        return e;
    }
    // a key that is not a qstr compares by its __eq__, which may raise
    e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP);
    if (e != NULL && e->key == MP_OBJ_NEW_QSTR(name)) {
        *mpcy_own_memo_of(type, name) = (mpcy_own_memo_t) { type, name, (size_t)(e - map->table) };
    }
    return e;
}

// `attr` in a type's own dict; object's is MicroPython's, not CPython's.
mp_obj_t mpcy_type_own_attr(const mp_obj_type_t *type, qstr attr) {
    if (type == &mp_type_object || !MP_OBJ_TYPE_HAS_SLOT(type, locals_dict)) {
        return MP_OBJ_NULL;
    }
    mp_map_elem_t *e = mpcy_own_elem(type, &MP_OBJ_TYPE_GET_SLOT(type, locals_dict)->map, attr);
    return e != NULL ? e->value : MP_OBJ_NULL;
}

mp_obj_t mpcy_type_own_memo(const mp_obj_type_t *type, qstr attr) {
    if (!MP_OBJ_TYPE_HAS_SLOT(type, locals_dict)) {
        return MP_OBJ_NULL;
    }
    mp_map_elem_t *e = mpcy_own_memo_hit(type, &MP_OBJ_TYPE_GET_SLOT(type, locals_dict)->map, attr);
    return e != NULL ? e->value : MP_OBJ_NULL;
}

typedef struct {
    qstr attr;
    bool own;
} mpcy_lookup_t;

// Whether the lookup stops at TYPE without reading its dict: object's is
// MicroPython's; with `own`, a built-in base's.
static inline MP_ALWAYSINLINE bool mpcy_lookup_stops(const mp_obj_type_t *type, bool own) {
    return type == &mp_type_object || (own && !MPCY_IS_SPEC_TYPE(type) && !mp_obj_is_instance_type(type));
}

static mp_obj_t mpcy_lookup_visit(const mp_obj_type_t *type, void *ctx) {
    mpcy_lookup_t *l = ctx;
    if (mpcy_lookup_stops(type, l->own)) {
        return MP_OBJ_SENTINEL;
    }
    return mpcy_type_own_attr(type, l->attr);
}

// The attribute `attr` along the bases of `type` (CPython's _PyType_Lookup);
// with `own`, only in spec types and Python classes, not in a built-in base.
static mp_obj_t mpcy_type_lookup_in(const mp_obj_type_t *type, qstr attr, bool own) {
    // the type's own dict first by the memo, as the walk would read it first
    if (!mpcy_lookup_stops(type, own)) {
        mp_obj_t v = mpcy_type_own_memo(type, attr);
        if (v != MP_OBJ_NULL) {
            return v;
        }
    }
    mpcy_lookup_t l = { attr, own };
    return mpcy_type_walk(type, mpcy_lookup_visit, &l);
}

void mpcy_type_inherit_layout(mpcy_type_t *t, const mpcy_type_t *bt) {
    t->basicsize = bt->basicsize;
    t->itemsize = bt->itemsize;
    t->dictoffset = bt->dictoffset;
    t->vectorcalloffset = bt->vectorcalloffset;
    t->inst_descrs = bt->inst_descrs;
    t->native = bt->native;
}

mp_obj_t mpcy_type_lookup(const mp_obj_type_t *type, qstr attr) {
    return mpcy_type_lookup_in(type, attr, false);
}

mp_obj_t mpcy_type_lookup_own(const mp_obj_type_t *type, qstr attr) {
    return mpcy_type_lookup_in(type, attr, true);
}

// CPython's object.__repr__, "<module.qualname object at 0x...>", for the
// Python classes Cython code makes, where MicroPython's instance_print gives
// "<name object at ...>". What instance_print does otherwise (the class's
// __repr__ or __str__, a built-in base's print) stays its own.
static mp_print_fun_t mpcy_instance_print;

// The built-in base of a Python class (none for object).
static mp_obj_t mpcy_builtin_base_visit(const mp_obj_type_t *t, void *ctx) {
    (void)ctx;
    return mp_obj_is_instance_type(t) ? MP_OBJ_NULL : t == &mp_type_object ? MP_OBJ_SENTINEL : MP_OBJ_FROM_PTR(t);
}

static void mpcy_class_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind) {
    const mp_obj_type_t *t = mp_obj_get_type(self);
    mp_obj_t mod = mpcy_type_own_attr(t, MP_QSTR___module__);
    mp_obj_t qualname = mpcy_type_own_attr(t, MP_QSTR___qualname__);
    if (mpcy_type_lookup(t, MP_QSTR___repr__) != MP_OBJ_NULL || (kind == PRINT_STR && mpcy_type_lookup(t, MP_QSTR___str__) != MP_OBJ_NULL)
        || mpcy_type_walk(t, mpcy_builtin_base_visit, NULL) != MP_OBJ_NULL || mod == MP_OBJ_NULL || !mp_obj_is_str(mod)) {
        mpcy_instance_print(print, self, kind);
        return;
    }
    mp_printf(print, "<%s.%s object at 0x%p>", mp_obj_str_get_str(mod),
        qualname != MP_OBJ_NULL && mp_obj_is_str(qualname) ? mp_obj_str_get_str(qualname) : qstr_str(t->name), MP_OBJ_TO_PTR(self));
}

// CPython's dict.__new__ (list's, set's, bytearray's) makes the built-in
// part of an instance of a subclass, empty, before __init__ runs, so __init__
// can fill it (self[k] = v); MicroPython makes it after __init__ returns,
// unless __init__ calls the base's. For the classes Cython code makes, the
// part is made first here; a class with its own __new__ stays MicroPython's.
static mp_make_new_fun_t mpcy_instance_make_new;

static mp_obj_t mpcy_class_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    if (mpcy_type_lookup_own(type, MP_QSTR___new__) != MP_OBJ_NULL) {
        return mpcy_instance_make_new(type, n_args, n_kw, args);
    }
    const mp_obj_type_t *native;
    mp_obj_instance_t *o = mp_obj_new_instance(type, &native);
    mp_obj_t init = mpcy_type_lookup_own(type, MP_QSTR___init__);
    if (init == MP_OBJ_NULL) {
        // no __init__: the base's, from the arguments (as MicroPython's)
        o->subobj[0] = MP_OBJ_TYPE_GET_SLOT(native, make_new)(native, n_args, n_kw, args);
        return MP_OBJ_FROM_PTR(o);
    }
    o->subobj[0] = MP_OBJ_TYPE_GET_SLOT(native, make_new)(native, 0, 0, NULL);
    mp_obj_t *a = m_new(mp_obj_t, 1 + n_args + 2 * n_kw);
    a[0] = MP_OBJ_FROM_PTR(o);
    memcpy(a + 1, args, (n_args + 2 * n_kw) * sizeof(mp_obj_t));
    mp_obj_t r = mp_call_function_n_kw(init, 1 + n_args, n_kw, a);
    if (r != mp_const_none) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("__init__() should return None, not '%s'"), mp_obj_get_type_str(r));
    }
    return MP_OBJ_FROM_PTR(o);
}

// Give the class `cls` (made by MicroPython from Cython code) CPython's
// repr of its instances, and its built-in part before __init__.
void mpcy_cython_class(mp_obj_t cls) {
    if (!mp_obj_is_type(cls, &mp_type_type)) {
        return;
    }
    mp_obj_type_t *t = MP_OBJ_TO_PTR(cls);
    if (!mp_obj_is_instance_type(t) || MPCY_IS_SPEC_TYPE(t) || !MP_OBJ_TYPE_HAS_SLOT(t, print)) {
        return;
    }
    if (mpcy_instance_print == NULL) {
        mpcy_instance_print = MP_OBJ_TYPE_GET_SLOT(t, print);
    }
    if (MP_OBJ_TYPE_GET_SLOT(t, print) == mpcy_instance_print) {
        MPCY_TYPE_SET_PRINT(t, mpcy_class_print);
    }
    if (mpcy_instance_make_new == NULL) {
        mpcy_instance_make_new = MP_OBJ_TYPE_GET_SLOT(t, make_new);
    }
    mp_obj_t nb = mpcy_type_walk(t, mpcy_builtin_base_visit, NULL);
    if (nb != MP_OBJ_NULL && mpcy_native_filled_by_init(MP_OBJ_TO_PTR(nb)) && MP_OBJ_TYPE_GET_SLOT(t, make_new) == mpcy_instance_make_new) {
        MPCY_TYPE_SET_MAKE_NEW(t, mpcy_class_make_new);
    }
}

static const mp_obj_type_t *mpcy_base_of(PyObject *bases, const PyType_Spec *spec) {
    if (bases != NULL) {
        if (PyTuple_Check(bases)) {
            return PyTuple_GET_SIZE(bases) > 0 ? MP_OBJ_TO_PTR(MPCY_OBJ(PyTuple_GET_ITEM(bases, 0))) : NULL;
        }
        return MP_OBJ_TO_PTR(MPCY_OBJ(bases));
    }
    for (const PyType_Slot *s = spec->slots; s->slot; s++) {
        if (s->slot == Py_tp_base) {
            return s->pfunc;
        }
        if (s->slot == Py_tp_bases) {
            return mpcy_base_of(s->pfunc, spec);
        }
    }
    return NULL;
}

mp_obj_t mpcy_kw_dict(mp_map_t *kw) {
    if (kw == NULL || kw->used == 0) {
        return MP_OBJ_NULL;
    }
    mp_obj_t d = mp_obj_new_dict(kw->used);
    for (size_t i = 0; i < kw->alloc; i++) {
        if (mp_map_slot_is_filled(kw, i)) {
            mp_obj_dict_store(d, kw->table[i].key, kw->table[i].value);
        }
    }
    return d;
}

// Cls.__new__(S, ...): Cls's tp_new making an S (__cinit__ runs, __init__
// does not), with CPython's checks (typeobject.c's tp_new_wrapper): S a cdef
// subclass of Cls whose tp_new is Cls's. One per cdef class, which it knows.
typedef struct {
    mp_obj_base_t base;
    mpcy_type_t *type;
} mpcy_new_wrapper_t;

static mp_obj_t mpcy_new_wrapper_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_type_t *t = ((mpcy_new_wrapper_t *)MP_OBJ_TO_PTR(self_in))->type;
    if (n_args < 1) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s.__new__(): not enough arguments"), t->tp_name);
    }
    if (!mp_obj_is_type(args[0], &mp_type_type)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s.__new__(X): X is not a type object (%s)"),
            t->tp_name, mpcy_type_name(mp_obj_get_type(args[0])));
    }
    const mp_obj_type_t *sub = MP_OBJ_TO_PTR(args[0]);
    if (!mp_obj_is_subclass_fast(args[0], MP_OBJ_FROM_PTR(t))) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s.__new__(%s): %s is not a subtype of %s"),
            t->tp_name, mpcy_type_name(sub), mpcy_type_name(sub), t->tp_name);
    }
    if (!MPCY_IS_SPEC_TYPE(sub)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s.__new__(%s): a Python subclass is made by calling it"),
            t->tp_name, mpcy_type_name(sub));
    }
    newfunc f = (newfunc)mpcy_slot(t, Py_tp_new);
    if ((newfunc)mpcy_slot((mpcy_type_t *)sub, Py_tp_new) != f) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s.__new__(%s) is not safe, use %s.__new__()"),
            t->tp_name, mpcy_type_name(sub), mpcy_type_name(sub));
    }
    mp_map_t kw;
    mp_map_init_fixed_table(&kw, n_kw, args + n_args);
    return mpcy_check(f((PyTypeObject *)sub, MPCY_PY(mp_obj_new_tuple(n_args - 1, args + 1)), MPCY_PY(mpcy_kw_dict(&kw))));
}

static void mpcy_new_wrapper_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)kind;
    mp_printf(print, "<built-in method __new__ of type object at %p>", ((mpcy_new_wrapper_t *)MP_OBJ_TO_PTR(o))->type);
}

// Not a function: found on the class or an instance, it is not bound.
static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_new_wrapper, MP_QSTR_builtin_function_or_method, MP_TYPE_FLAG_NONE,
    call, mpcy_new_wrapper_call,
    print, mpcy_new_wrapper_print);

// A type's __module__, __qualname__ and __doc__ (mpcy_is_type_name) are strings, but its
// instances may have descriptors of those names (a Cython function's
// __module__): the descriptors move to inst_descrs, which instance lookups
// consult first, and the type keeps its strings.
static void mpcy_store_type_name(mpcy_type_t *t, mp_obj_t dict, qstr key, mp_obj_t value) {
    mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(key), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value != MP_OBJ_NULL && (mp_obj_is_type(e->value, &mpcy_type_getset_descr) || mp_obj_is_type(e->value, &mpcy_type_member_descr))) {
        if (t->inst_descrs == MP_OBJ_NULL) {
            t->inst_descrs = mp_obj_new_dict(1);
        }
        mp_obj_dict_store(t->inst_descrs, MP_OBJ_NEW_QSTR(key), e->value);
        e->value = value;
    } else if (e->value == MP_OBJ_NULL || key != MP_QSTR___doc__) {
        e->value = value;
    }
}

static void mpcy_type_fill_dict(mpcy_type_t *t, const PyType_Spec *spec) {
    mp_obj_t dict = MP_OBJ_FROM_PTR(MP_OBJ_TYPE_GET_SLOT(&t->mp, locals_dict));
    for (const PyType_Slot *s = spec->slots; s->slot; s++) {
        if (s->slot == Py_tp_methods) {
            for (const PyMethodDef *m = s->pfunc; m->ml_name; m++) {
                // (a NULL descriptor is its MemoryError, raised here)
                mp_obj_t v = mpcy_check((m->ml_flags & METH_STATIC)
                    ? PyCFunction_NewEx(m, NULL, NULL) : PyDescr_NewMethod((PyTypeObject *)t, m));
                mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str(m->ml_name)), v);
            }
        } else if (s->slot == Py_tp_getset) {
            for (const PyGetSetDef *g = s->pfunc; g->name; g++) {
                mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str(g->name)), mpcy_check(PyDescr_NewGetSet((PyTypeObject *)t, g)));
            }
        } else if (s->slot == Py_tp_members) {
            for (const PyMemberDef *m = s->pfunc; m->name; m++) {
                if (!strcmp(m->name, "__vectorcalloffset__") || !strcmp(m->name, "__dictoffset__") || !strcmp(m->name, "__weaklistoffset__")) {
                    continue;
                }
                mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str(m->name)), mpcy_check(PyDescr_NewMember((PyTypeObject *)t, m)));
            }
        } else if (s->slot == Py_tp_doc && s->pfunc != NULL) {
            mpcy_store_type_name(t, dict, MP_QSTR___doc__, mp_obj_new_str(s->pfunc, strlen(s->pfunc)));
        }
    }
    mpcy_add_slot_wrappers(t, spec, dict);
    if (mpcy_slot(t, Py_tp_new) != NULL) {
        mpcy_new_wrapper_t *w = mp_obj_malloc(mpcy_new_wrapper_t, &mpcy_type_new_wrapper);
        w->type = t;
        mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR___new__), MP_OBJ_FROM_PTR(w));
    }
    const char *dot = strrchr(spec->name, '.');
    if (dot != NULL) {
        mpcy_store_type_name(t, dict, MP_QSTR___module__, mp_obj_new_str(spec->name, dot - spec->name));
    }
    mpcy_store_type_name(t, dict, MP_QSTR___qualname__, mp_obj_new_str(dot ? dot + 1 : spec->name, strlen(dot ? dot + 1 : spec->name)));
    // Every CPython type has __doc__ in its dict, None without a docstring:
    // a subclass does not show its base's.
    mp_map_elem_t *doc = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(MP_QSTR___doc__), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (doc->value == MP_OBJ_NULL) {
        doc->value = mp_const_none;
    }
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str("__basicsize__")), MP_OBJ_NEW_SMALL_INT(t->basicsize));
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str("__itemsize__")), MP_OBJ_NEW_SMALL_INT(t->itemsize));
}

mpcy_type_t *mpcy_type_alloc(bool have[MPCY_SLOT_MAX], const mpcy_type_t *base) {
    size_t n = 0;
    for (int i = 1; i < MPCY_SLOT_MAX; i++) {
        have[i] = have[i] || (base != NULL && base->slot_at[i] != 0);
        n += have[i];
    }
    mpcy_type_t *t = m_malloc0(sizeof(mpcy_type_t) + n * sizeof(void *));
    n = 0;
    for (int i = 1; i < MPCY_SLOT_MAX; i++) {
        if (have[i]) {
            t->slot_at[i] = ++n;
            t->slots[n - 1] = base != NULL ? mpcy_slot(base, i) : NULL;
        }
    }
    return t;
}

PyObject *PyType_FromMetaclass(PyTypeObject *metaclass, PyObject *module, const PyType_Spec *spec, PyObject *bases) {
    // Types are always MicroPython types (their type is `type`); a metaclass
    // given here (Cython's common-types metaclass) only adds read-only
    // attributes and is not applied.
    (void)metaclass;
    mpcy_type_t *t = NULL;
    MPCY_TRY(NULL, {
        const mp_obj_type_t *base = mpcy_base_of(bases, spec);
        mpcy_type_t *bt = base ? mpcy_spec_type(base) : NULL;
        // A built-in base of its own (one of a spec type base is inherited below).
        const mp_obj_type_t *native = base != NULL && bt == NULL && base != &mp_type_object && base != &mp_type_type ? base : NULL;
        bool have[MPCY_SLOT_MAX] = { false };
        have[Py_tp_base] = have[Py_tp_bases] = true;
        if (bt == NULL) {
            have[Py_tp_alloc] = have[Py_tp_free] = have[Py_tp_new] = true;
            have[Py_tp_init] = native != NULL; // the built-in base's (mpcy_nativebase.c)
        }
        for (const PyType_Slot *s = spec->slots; s->slot; s++) {
            if (s->slot > 0 && s->slot < MPCY_SLOT_MAX) {
                have[s->slot] = true;
            }
        }
        t = mpcy_type_alloc(have, bt);
        const char *dot = strrchr(spec->name, '.');
        t->mp.base.type = &mp_type_type;
        t->mp.name = qstr_from_str(dot ? dot + 1 : spec->name);
        t->tp_name = spec->name;
        t->module = module;
        t->base = base ? base : &mp_type_object;
        if (native != NULL) {
            mpcy_native_base_check(spec->name, native);
            t->native = native;
        }
        if (bases != NULL) {
            t->bases = PyTuple_Check(bases) ? bases : MPCY_PY(mp_obj_new_tuple(1, (mp_obj_t[]) {MPCY_OBJ(bases)}));
        }
        if (bt != NULL) {
            // Inherit the base's layout (and slots: mpcy_type_alloc).
            mpcy_type_inherit_layout(t, bt);
            t->flags = bt->flags & ~(Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION);
        } else {
            t->basicsize = sizeof(PyObject);
            mpcy_slot_set(t, Py_tp_alloc, (void *)PyType_GenericAlloc);
            mpcy_slot_set(t, Py_tp_free, (void *)PyObject_Free);
            if (t->base == &mp_type_object) {
                mpcy_slot_set(t, Py_tp_new, (void *)PyType_GenericNew);
            }
            if (t->native != NULL) {
                // What CPython's inherit_slots takes from the built-in base.
                t->basicsize = sizeof(mpcy_subnative_t);
                mpcy_slot_set(t, Py_tp_new, (void *)mpcy_slot_native_new);
                mpcy_slot_set(t, Py_tp_init, (void *)mpcy_slot_native_init);
                t->flags = PyType_GetFlags((PyTypeObject *)t->native) & (Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_LONG_SUBCLASS
                    | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS);
            }
        }
        if (t->native != NULL) {
            // MicroPython's layout of a subclass of a built-in (mpcy_nativebase.c);
            // compared with other types too, as `{} == d` reaches the built-in part.
            t->mp.flags |= MP_TYPE_FLAG_INSTANCE_TYPE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE
                | (t->native->flags & (MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST));
        }
        if (spec->basicsize > 0) {
            t->basicsize = spec->basicsize;
        }
        if (spec->itemsize > 0) {
            t->itemsize = spec->itemsize;
        }
        t->flags |= spec->flags | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_READY;
        for (const PyType_Slot *s = spec->slots; s->slot; s++) {
            if (s->slot > 0 && s->slot < MPCY_SLOT_MAX) {
                mpcy_slot_set(t, s->slot, s->pfunc);
            }
            if (s->slot == Py_tp_members) {
                for (const PyMemberDef *m = s->pfunc; m->name; m++) {
                    if (!strcmp(m->name, "__vectorcalloffset__")) {
                        t->vectorcalloffset = m->offset;
                    } else if (!strcmp(m->name, "__dictoffset__")) {
                        t->dictoffset = m->offset;
                    }
                }
            }
        }
        // tp_base/tp_bases are the type's own, not inherited.
        if (t->bases == NULL) {
            t->bases = MPCY_PY(mp_obj_new_tuple(1, (mp_obj_t[]) {MP_OBJ_FROM_PTR(t->base)}));
        }
        mpcy_slot_set(t, Py_tp_base, (void *)t->base);
        mpcy_slot_set(t, Py_tp_bases, t->bases);
        if ((t->flags & Py_TPFLAGS_METHOD_DESCRIPTOR) && mpcy_slot(t, Py_tp_descr_get) != NULL) {
            // Functions stored in Python classes bind self, as CPython's do.
            t->mp.flags |= MP_TYPE_FLAG_BINDS_SELF;
        }
        if (mpcy_slot(t, Py_tp_richcompare) != NULL) {
            t->mp.flags |= MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST;
        }
        mpcy_type_set_slots(t);
        mpcy_type_fill_dict(t, spec);
        mpcy_keep(t);
    });
    return MPCY_PY(MP_OBJ_FROM_PTR(t));
}

PyObject *PyType_FromModuleAndSpec(PyObject *module, const PyType_Spec *spec, PyObject *bases) {
    return PyType_FromMetaclass(NULL, module, spec, bases);
}

PyObject *PyType_FromSpecWithBases(const PyType_Spec *spec, PyObject *bases) {
    return PyType_FromMetaclass(NULL, NULL, spec, bases);
}

PyObject *PyType_FromSpec(const PyType_Spec *spec) {
    return PyType_FromMetaclass(NULL, NULL, spec, NULL);
}

// type.__new__(meta, name, bases, dict), as Cython calls it for classes.
static PyObject *mpcy_slot_type_new(PyTypeObject *meta, PyObject *args, PyObject *kw) {
    (void)meta;
    return PyObject_Call((PyObject *)&PyType_Type, args, kw);
}

// tp_iternext of MicroPython's iterators: NULL at the end, with
// StopIteration(value) set when the iterator ended with a value. A Python
// class's __next__ is called in the one nlr frame: the StopIteration it
// raises stays set, as CPython's slot_tp_iternext leaves it.
static PyObject *mpcy_slot_mp_iternext(PyObject *o) {
    mp_obj_t dest[2], r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_next_method(MPCY_OBJ(o), dest) ? mp_call_method_n_kw(0, 0, dest) : mp_iternext(MPCY_OBJ(o)));
    if (r == MP_OBJ_STOP_ITERATION) {
        mp_obj_t v = MPCY_STOP_ITERATION_ARG;
        if (v != MP_OBJ_NULL && v != mp_const_none) {
            mp_obj_t e = MP_OBJ_NULL;
            MPCY_TRY(NULL, e = mp_obj_new_exception_arg1(&mp_type_StopIteration, v));
            PyErr_SetRaisedException(MPCY_PY(e));
        }
        return NULL;
    }
    return MPCY_PY(r);
}

typedef struct {
    qstr attr;
    bool unsure;
} mpcy_has_t;

// mpcy_lookup_visit where a lookup cannot raise: a dict whose keys are all
// qstrs compares them by pointer; another key's __eq__ may run Python code.
static mp_obj_t mpcy_has_visit(const mp_obj_type_t *type, void *ctx) {
    mpcy_has_t *h = ctx;
    if (type == &mp_type_object) {
        return MP_OBJ_SENTINEL;
    }
    if (MP_OBJ_TYPE_HAS_SLOT(type, locals_dict) && !MP_OBJ_TYPE_GET_SLOT(type, locals_dict)->map.all_keys_are_qstrs) {
        h->unsure = true;
        return MP_OBJ_SENTINEL;
    }
    return MPCY_NO_RAISE(mpcy_type_own_attr(type, h->attr));
}

// Bit i set: the class T or one of its bases defines NAMES[i] (at most
// 8), read from the dicts directly; only for single bases down to object
// through Python classes with qstr keys (else *SURE is false). Stops at the
// class that has NAMES[0]: the answer cannot change below it.
static unsigned mpcy_class_scan(const mp_obj_type_t *t, const qstr *names, size_t n, bool *sure) {
    unsigned found = 0;
    *sure = false;
    while (t != &mp_type_object && !(found & 1)) {
        if (!mp_obj_is_instance_type(t)) {
            return 0;
        }
        if (MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)) {
            const mp_map_t *m = &MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map;
            if (!m->all_keys_are_qstrs) {
                return 0;
            }
            // qstr keys compare by pointer: a small dict is read through,
            // cheaper than hashing each name for a lookup.
            for (size_t j = 0; j < n; j++) {
                mp_obj_t k = MP_OBJ_NEW_QSTR(names[j]);
                if (m->alloc > 16) {
                    found |= MPCY_NO_RAISE(mp_map_lookup((mp_map_t *)m, k, MP_MAP_LOOKUP)) != NULL ? 1u << j : 0;
                    continue;
                }
                for (const mp_map_elem_t *e = m->table, *end = e + m->alloc; e < end; e++) {
                    if (e->key == k) {
                        found |= 1u << j;
                        break;
                    }
                }
            }
        }
        t = MP_OBJ_TYPE_HAS_SLOT(t, parent) ? (const mp_obj_type_t *)MP_OBJ_TYPE_GET_SLOT(t, parent) : &mp_type_object;
        if (((const mp_obj_base_t *)t)->type == &mp_type_tuple) {
            return 0;
        }
    }
    *sure = true;
    return found;
}

// Whether the dicts of T and its bases have NAME, any class chain.
static bool mpcy_class_dicts_have(const mp_obj_type_t *t, qstr name) {
    // No nlr frame unless a dict has a key that is not a qstr; a lookup
    // that raises (such a key's __eq__) answers no.
    mpcy_has_t h = { name, false };
    mp_obj_t r = MPCY_NO_RAISE(mpcy_type_walk(t, mpcy_has_visit, &h)), failed; // its lookups cannot raise
    if (h.unsure) {
        MPCY_CATCH(failed, r = mpcy_type_lookup(t, name));
        if (failed != MP_OBJ_NULL) {
            return false;
        }
    }
    return r != MP_OBJ_NULL;
}

// mpcy_class_has_first past the common case: a class chain the scan does
// not read (FOUND is the scan's when SURE), or a metaclass other than type.
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: values set before the frame
static MP_NOINLINE int mpcy_class_has_first_slow(const mp_obj_type_t *t, const qstr *names, size_t n, bool sure, unsigned found) {
    bool meta = ((const mp_obj_base_t *)t)->type != &mp_type_type;
    for (size_t i = 0; i < n; i++) {
        if (sure ? (found >> i) & 1 : mpcy_class_dicts_have(t, names[i])) {
            return i;
        }
        if (meta) {
            mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL }, failed;
            MPCY_CATCH(failed, mp_load_method_maybe(MP_OBJ_FROM_PTR(t), names[i], dest));
            if (failed == MP_OBJ_NULL && dest[0] != MP_OBJ_NULL) {
                return i;
            }
        }
    }
    return -1;
}
MPCY_CLOBBER_CHECKED_END

// The first of NAMES (at most 8) that the Python class T defines (one that
// `object` lacks), or -1; a lookup that raises (a metaclass's __getattr__)
// answers no. Asked on every await and iteration step: with `type` as
// metaclass, MicroPython's lookup (type_attr) reads the dicts the scan reads.
int mpcy_class_has_first(const mp_obj_type_t *t, const qstr *names, size_t n) {
    bool sure;
    unsigned found = mpcy_class_scan(t, names, n, &sure);
    if (sure && ((const mp_obj_base_t *)t)->type == &mp_type_type) {
        for (size_t i = 0; i < n; i++) {
            if ((found >> i) & 1) {
                return i;
            }
        }
        return -1;
    }
    return mpcy_class_has_first_slow(t, names, n, sure, found);
}

// Whether the Python class T defines the protocol method NAME: one slot
// read while the class's own dict still has it where it was found.
bool mpcy_class_has(const mp_obj_type_t *t, qstr name) {
    if (MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)) {
        mp_map_t *own = &MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map;
        if (mpcy_own_memo_hit(t, own, name) != NULL) {
            return true;
        }
        if (mpcy_class_has_first(t, &name, 1) != 0) {
            return false;
        }
        if (own->all_keys_are_qstrs) {
            MPCY_NO_RAISE(mpcy_own_elem(t, own, name)); // qstr keys: no __eq__ runs
        }
        return true;
    }
    return mpcy_class_has_first(t, &name, 1) == 0;
}

// Whether T's objects are iterators: an iternext (a custom iter slot's, as
// asyncio's Task) or, for a Python class, __next__.
static bool mpcy_is_iterator_type(const mp_obj_type_t *t) {
    if (mp_obj_is_instance_type(t)) {
        return mpcy_class_has(t, MP_QSTR___next__);
    }
    if (!MP_OBJ_TYPE_HAS_SLOT(t, iter)) {
        return false;
    }
    return (t->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT) || ((t->flags & MP_TYPE_FLAG_ITER_IS_CUSTOM)
        && ((const mp_getiter_iternext_custom_t *)MP_OBJ_TYPE_GET_SLOT(t, iter))->iternext != NULL);
}

void *PyType_GetSlot(PyTypeObject *type, int slot) {
    if (slot <= 0 || slot >= MPCY_SLOT_MAX) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (MPCY_IS_SPEC_TYPE(type)) {
        return mpcy_slot((mpcy_type_t *)type, slot);
    }
    // MicroPython's own types: what Cython asks of them, as generic calls.
    const mp_obj_type_t *t = (const mp_obj_type_t *)type;
    switch (slot) {
        case Py_tp_iternext:
            return mpcy_is_iterator_type(t) ? (void *)mpcy_slot_mp_iternext : NULL;
        case Py_tp_iter:
            return MP_OBJ_TYPE_HAS_SLOT(t, iter) || MP_OBJ_TYPE_HAS_SLOT(t, subscr) ? (void *)PyObject_GetIter : NULL;
        case Py_tp_call:
            return MP_OBJ_TYPE_HAS_SLOT(t, call) ? (void *)PyObject_Call : NULL;
        case Py_tp_repr:
            return (void *)PyObject_Repr;
        case Py_tp_str:
            return (void *)PyObject_Str;
        case Py_tp_hash:
            return (void *)PyObject_Hash;
        case Py_tp_richcompare:
            return (void *)PyObject_RichCompare;
        case Py_tp_alloc:
            return (void *)PyType_GenericAlloc;
        case Py_tp_free:
            return (void *)PyObject_Free;
        case Py_tp_new:
            if (type == &PyType_Type) {
                return (void *)mpcy_slot_type_new;
            }
            if (type == &PyBaseObject_Type) {
                return (void *)PyType_GenericNew;
            }
            return MP_OBJ_TYPE_HAS_SLOT(t, make_new) && !mp_obj_is_instance_type(t) ? (void *)mpcy_slot_native_new : NULL;
        case Py_tp_init:
            return MP_OBJ_TYPE_HAS_SLOT(t, make_new) && !mp_obj_is_instance_type(t) && type != &PyBaseObject_Type
                   && type != &PyType_Type ? (void *)mpcy_slot_native_init : NULL;
        case Py_tp_dealloc:
            return (void *)mpcy_slot_native_dealloc;
        case Py_tp_getattro:
            return (void *)PyObject_GenericGetAttr;
        case Py_tp_setattro:
            return (void *)PyObject_GenericSetAttr;
        case Py_tp_base:
            if (type == &PyBaseObject_Type) {
                return NULL;
            }
            return MP_OBJ_TYPE_HAS_SLOT(type, parent) ? (void *)MP_OBJ_TYPE_GET_SLOT(type, parent) : (void *)&mp_type_object;
        case Py_am_await:
        case Py_am_send:
        case Py_am_aiter:
        case Py_am_anext:
            return mpcy_async_slot(t, slot);
        case Py_tp_bases: {
            mp_obj_t b = MP_OBJ_NULL;
            MPCY_TRY(NULL, b = mp_load_attr(MP_OBJ_FROM_PTR(type), MP_QSTR___bases__));
            return MPCY_PY(b);
        }
        default:
            return NULL;
    }
}

unsigned long PyType_GetFlags(PyTypeObject *type) {
    mpcy_type_t *st = mpcy_spec_type(type);
    if (st != NULL) {
        return st->flags;
    }
    unsigned long f = Py_TPFLAGS_READY | Py_TPFLAGS_IMMUTABLETYPE;
    if (type->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
        f = Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_READY;
    }
    mp_obj_t t = MP_OBJ_FROM_PTR(type);
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_BaseException))) {
        f |= Py_TPFLAGS_BASE_EXC_SUBCLASS;
    }
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_type))) {
        f |= Py_TPFLAGS_TYPE_SUBCLASS;
    }
    if (type == &mp_type_int || type == &mp_type_bool) {
        f |= Py_TPFLAGS_LONG_SUBCLASS;
    } else if (type == &mp_type_str) {
        f |= Py_TPFLAGS_UNICODE_SUBCLASS;
    } else if (type == &mp_type_tuple) {
        f |= Py_TPFLAGS_TUPLE_SUBCLASS;
    } else if (type == &mp_type_list) {
        f |= Py_TPFLAGS_LIST_SUBCLASS;
    } else if (type == &mp_type_dict) {
        f |= Py_TPFLAGS_DICT_SUBCLASS;
    } else if (type == &mp_type_bytes) {
        f |= Py_TPFLAGS_BYTES_SUBCLASS;
    }
    return f;
}

int PyType_Ready(PyTypeObject *type) {
    (void)type;
    return 0;
}

void PyType_Modified(PyTypeObject *type) {
    (void)type;
}

mp_obj_base_t *mpcy_instance_new(PyTypeObject *type, Py_ssize_t nitems) {
    mpcy_type_t *st = mpcy_spec_type(type);
    size_t size = st ? (size_t)(st->basicsize + nitems * st->itemsize) : sizeof(PyObject);
    mp_obj_base_t *o;
    #if MICROPY_ENABLE_FINALISER
    if (st != NULL && mpcy_slot(st, Py_tp_dealloc) != NULL) {
        o = m_malloc_with_finaliser(size);
    } else
    #endif
    {
        o = m_malloc(size);
    }
    memset(o, 0, size);
    o->type = type;
    if (st != NULL && st->itemsize > 0) {
        ((PyVarObject *)o)->ob_size = nitems;
    }
    return o;
}

MPCY_THREAD_LOCAL mpcy_reserved_t mpcy_reserved;

PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems) {
    if (mpcy_reserved.obj != NULL && mpcy_reserved.type == type && nitems == 0) {
        mp_obj_base_t *o = mpcy_reserved.obj;
        mpcy_reserved.obj = NULL;
        o->type = type;
        return (PyObject *)o;
    }
    mp_obj_base_t *o = NULL;
    MPCY_TRY(NULL, o = mpcy_instance_new(type, nitems));
    return (PyObject *)o;
}

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)args;
    (void)kwds;
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    return MPCY_NO_RAISE(alloc(type, 0)); // a C slot: it returns its errors
}

PyObject *PyType_GetName(PyTypeObject *type) {
    return MPCY_PY(MP_OBJ_NEW_QSTR(type->name));
}

PyObject *PyType_GetQualName(PyTypeObject *type) {
    return MPCY_PY(MP_OBJ_NEW_QSTR(type->name));
}

PyObject *PyType_GetModule(PyTypeObject *type) {
    mpcy_type_t *st = mpcy_spec_type(type);
    if (st == NULL || st->module == NULL) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' has no associated module", qstr_str(type->name));
        return NULL;
    }
    return st->module;
}

void *PyType_GetModuleState(PyTypeObject *type) {
    PyObject *m = PyType_GetModule(type);
    return m ? PyModule_GetState(m) : NULL;
}

PyObject *PyType_GetModuleByDef(PyTypeObject *type, PyModuleDef *def) {
    (void)type;
    PyObject *m = PyState_FindModule(def);
    if (m == NULL) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModuleByDef: No superclass of '%s' has the given module", qstr_str(type->name));
    }
    return m;
}

int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b) {
    return a == b || mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(a), MP_OBJ_FROM_PTR(b));
}
