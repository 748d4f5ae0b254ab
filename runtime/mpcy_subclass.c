// Python subclasses of cdef classes (spec types), in MicroPython code or in the
// .pyx: the CPython slots of such a class call its Python methods (a C slot
// calling Python: the reverse of mpcy_spectype.c).
//
// CPython lays an instance of `class Sub(CdefBase)` out as the base struct plus
// an instance dict, and Cython code relies on that (it casts any object that
// passed its type test to the base struct). MicroPython would instead make an
// instance object with the native part as a separate sub-object. So the layer
// creates such classes itself, from __build_class__ and from the metaclass
// call in Cython's class creation: a spec type inheriting the base's slots,
// with a dict slot, the class namespace as its dict, and Python-level special
// methods wired to CPython slots.
#include "mpcy.h"

static mp_obj_t mpcy_call_dunder(mp_obj_t self, qstr name, size_t n, const mp_obj_t *args) {
    mp_obj_t d = mpcy_type_lookup(mp_obj_get_type(self), name);
    if (d == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    mp_obj_t dest[2 + 2];
    mp_convert_member_lookup(self, mp_obj_get_type(self), d, dest);
    if (dest[1] == MP_OBJ_NULL) {
        return mp_call_function_n_kw(dest[0], n, 0, args);
    }
    for (size_t i = 0; i < n; i++) {
        dest[2 + i] = args[i];
    }
    return mp_call_method_n_kw(n, 0, dest);
}

static PyObject *mpcy_slot_unary(PyObject *self, qstr name) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_call_dunder(MPCY_OBJ(self), name, 0, NULL));
    return MPCY_PY(r);
}
#define MPCY_SLOT_UNARY(fname, q) \
    static PyObject *fname(PyObject * self) { \
        return mpcy_slot_unary(self, q); \
    }
MPCY_SLOT_UNARY(mpcy_slot_repr, MP_QSTR___repr__)
MPCY_SLOT_UNARY(mpcy_slot_str, MP_QSTR___str__)
MPCY_SLOT_UNARY(mpcy_slot_iter, MP_QSTR___iter__)
MPCY_SLOT_UNARY(mpcy_slot_neg, MP_QSTR___neg__)

MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
static PyObject *mpcy_slot_iternext(PyObject * self) {
    mp_obj_t r = MP_OBJ_NULL, e;
    MPCY_CATCH(e, r = mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___next__, 0, NULL));
    if (e == MP_OBJ_NULL) {
        return MPCY_PY(r);
    }
    if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(e)), MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
        PyErr_SetRaisedException(MPCY_PY(e));
    }
    return NULL;
}
MPCY_CLOBBER_CHECKED_END

static Py_ssize_t mpcy_slot_len(PyObject *self) {
    Py_ssize_t n = -1;
    MPCY_TRY(-1, n = mp_obj_get_int(mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___len__, 0, NULL)));
    return n;
}

static int mpcy_slot_bool(PyObject *self) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, r = mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___bool__, 0, NULL));
    return r == mp_const_true;
}

static Py_hash_t mpcy_slot_hash(PyObject *self) {
    Py_hash_t h = -1;
    MPCY_TRY(-1, h = mp_obj_get_int_truncated(mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___hash__, 0, NULL)));
    return h;
}

static PyObject *mpcy_slot_getitem(PyObject *self, PyObject *key) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t k = MPCY_OBJ(key);
    MPCY_TRY(NULL, r = mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___getitem__, 1, &k));
    return MPCY_PY(r);
}

static int mpcy_slot_setitem(PyObject *self, PyObject *key, PyObject *value) {
    mp_obj_t args[2] = { MPCY_OBJ(key), MPCY_OBJ(value) };
    MPCY_TRY(-1, {
        if (value == NULL) {
            mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___delitem__, 1, args);
        } else {
            mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___setitem__, 2, args);
        }
    });
    return 0;
}

static int mpcy_slot_contains(PyObject *self, PyObject *item) {
    int r = -1;
    mp_obj_t k = MPCY_OBJ(item);
    MPCY_TRY(-1, r = mp_obj_is_true(mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___contains__, 1, &k)));
    return r;
}

// self's `name` from its type, bound to self (for slots taking args and kwargs).
static PyObject *mpcy_bound_dunder(PyObject *self, qstr name) {
    mp_obj_t f = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        mp_obj_t d = mpcy_type_lookup(mp_obj_get_type(MPCY_OBJ(self)), name);
        mp_obj_t dest[2];
        mp_convert_member_lookup(MPCY_OBJ(self), mp_obj_get_type(MPCY_OBJ(self)), d, dest);
        f = dest[1] == MP_OBJ_NULL ? dest[0] : mp_obj_new_bound_meth(dest[0], dest[1]);
    });
    return MPCY_PY(f);
}

static PyObject *mpcy_slot_call(PyObject *self, PyObject *args, PyObject *kw) {
    PyObject *f = mpcy_bound_dunder(self, MP_QSTR___call__);
    return f ? PyObject_Call(f, args, kw) : NULL;
}

static int mpcy_slot_init(PyObject *self, PyObject *args, PyObject *kw) {
    PyObject *f = mpcy_bound_dunder(self, MP_QSTR___init__);
    PyObject *r = f ? PyObject_Call(f, args, kw) : NULL;
    if (r == NULL) {
        return -1;
    }
    if (r != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%s'", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(r))));
        return -1;
    }
    return 0;
}

// By Py_LT...Py_GE.
static MPCY_QCONST uint16_t mpcy_richcompare_names[] = {
    MPCY_Q(MP_QSTR___lt__), MPCY_Q(MP_QSTR___le__), MPCY_Q(MP_QSTR___eq__),
    MPCY_Q(MP_QSTR___ne__), MPCY_Q(MP_QSTR___gt__), MPCY_Q(MP_QSTR___ge__),
};
MPCY_FIX_QSTRS(mpcy_richcompare_names);

static PyObject *mpcy_slot_richcompare(PyObject *self, PyObject *other, int op) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t o = MPCY_OBJ(other);
    MPCY_TRY(NULL, r = mpcy_call_dunder(MPCY_OBJ(self), mpcy_richcompare_names[op], 1, &o));
    return r == MP_OBJ_NULL ? Py_NotImplemented : MPCY_PY(r);
}

// A binary number slot is called for either operand (CPython's rules): the
// left one's __op__, then the right one's __rop__.
MPCY_CLOBBER_CHECKED
static PyObject *mpcy_slot_binop(PyObject *a, PyObject *b, qstr op, qstr rop) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        if (MPCY_IS_SPEC_TYPE(mp_obj_get_type(MPCY_OBJ(a)))) {
            mp_obj_t x = MPCY_OBJ(b);
            r = mpcy_call_dunder(MPCY_OBJ(a), op, 1, &x);
        }
        if ((r == MP_OBJ_NULL || r == MPCY_OBJ(Py_NotImplemented)) && MPCY_IS_SPEC_TYPE(mp_obj_get_type(MPCY_OBJ(b)))) {
            mp_obj_t x = MPCY_OBJ(a);
            r = mpcy_call_dunder(MPCY_OBJ(b), rop, 1, &x);
        }
    });
    return r == MP_OBJ_NULL ? Py_NotImplemented : MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

#define MPCY_SLOT_BINARY(fname, q, rq) \
    static PyObject *fname(PyObject * a, PyObject * b) { \
        return mpcy_slot_binop(a, b, q, rq); \
    }
MPCY_SLOT_BINARY(mpcy_slot_add, MP_QSTR___add__, MP_QSTR___radd__)
MPCY_SLOT_BINARY(mpcy_slot_sub, MP_QSTR___sub__, MP_QSTR___rsub__)
MPCY_SLOT_BINARY(mpcy_slot_mul, MP_QSTR___mul__, MP_QSTR___rmul__)
MPCY_SLOT_BINARY(mpcy_slot_truediv, MP_QSTR___truediv__, MP_QSTR___rtruediv__)
MPCY_SLOT_BINARY(mpcy_slot_floordiv, MP_QSTR___floordiv__, MP_QSTR___rfloordiv__)
MPCY_SLOT_BINARY(mpcy_slot_mod, MP_QSTR___mod__, MP_QSTR___rmod__)

static PyObject *mpcy_slot_descr_get(PyObject * self, PyObject * obj, PyObject * type) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t args[2] = { obj ? MPCY_OBJ(obj) : mp_const_none, type ? MPCY_OBJ(type) : mp_const_none };
    MPCY_TRY(NULL, r = mpcy_call_dunder(MPCY_OBJ(self), MP_QSTR___get__, 2, args));
    return MPCY_PY(r);
}

static int mpcy_slot_descr_set(PyObject *self, PyObject *obj, PyObject *value) {
    mp_obj_t args[2] = { MPCY_OBJ(obj), MPCY_OBJ(value) };
    qstr name = value == NULL ? MP_QSTR___delete__ : MP_QSTR___set__;
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, r = mpcy_call_dunder(MPCY_OBJ(self), name, value == NULL ? 1 : 2, args));
    if (r == MP_OBJ_NULL) {
        // only one of the pair is defined (CPython's slot_tp_descr_set)
        PyErr_Format(PyExc_AttributeError, "%s", qstr_str(name));
        return -1;
    }
    return 0;
}

static MPCY_QCONST struct {
    uint16_t name;
    uint8_t slot;
    void *func;
} mpcy_dunder_slots[] = {
    { MPCY_Q(MP_QSTR___repr__), Py_tp_repr, mpcy_slot_repr },
    { MPCY_Q(MP_QSTR___str__), Py_tp_str, mpcy_slot_str },
    { MPCY_Q(MP_QSTR___call__), Py_tp_call, mpcy_slot_call },
    { MPCY_Q(MP_QSTR___init__), Py_tp_init, mpcy_slot_init },
    { MPCY_Q(MP_QSTR___iter__), Py_tp_iter, mpcy_slot_iter },
    { MPCY_Q(MP_QSTR___next__), Py_tp_iternext, mpcy_slot_iternext },
    { MPCY_Q(MP_QSTR___len__), Py_mp_length, mpcy_slot_len },
    { MPCY_Q(MP_QSTR___bool__), Py_nb_bool, mpcy_slot_bool },
    { MPCY_Q(MP_QSTR___hash__), Py_tp_hash, mpcy_slot_hash },
    { MPCY_Q(MP_QSTR___getitem__), Py_mp_subscript, mpcy_slot_getitem },
    { MPCY_Q(MP_QSTR___setitem__), Py_mp_ass_subscript, mpcy_slot_setitem },
    { MPCY_Q(MP_QSTR___delitem__), Py_mp_ass_subscript, mpcy_slot_setitem },
    { MPCY_Q(MP_QSTR___contains__), Py_sq_contains, mpcy_slot_contains },
    { MPCY_Q(MP_QSTR___eq__), Py_tp_richcompare, mpcy_slot_richcompare },
    { MPCY_Q(MP_QSTR___ne__), Py_tp_richcompare, mpcy_slot_richcompare },
    { MPCY_Q(MP_QSTR___lt__), Py_tp_richcompare, mpcy_slot_richcompare },
    { MPCY_Q(MP_QSTR___le__), Py_tp_richcompare, mpcy_slot_richcompare },
    { MPCY_Q(MP_QSTR___gt__), Py_tp_richcompare, mpcy_slot_richcompare },
    { MPCY_Q(MP_QSTR___ge__), Py_tp_richcompare, mpcy_slot_richcompare },
    { MPCY_Q(MP_QSTR___neg__), Py_nb_negative, mpcy_slot_neg },
    { MPCY_Q(MP_QSTR___add__), Py_nb_add, mpcy_slot_add },
    { MPCY_Q(MP_QSTR___radd__), Py_nb_add, mpcy_slot_add },
    { MPCY_Q(MP_QSTR___sub__), Py_nb_subtract, mpcy_slot_sub },
    { MPCY_Q(MP_QSTR___rsub__), Py_nb_subtract, mpcy_slot_sub },
    { MPCY_Q(MP_QSTR___mul__), Py_nb_multiply, mpcy_slot_mul },
    { MPCY_Q(MP_QSTR___rmul__), Py_nb_multiply, mpcy_slot_mul },
    { MPCY_Q(MP_QSTR___truediv__), Py_nb_true_divide, mpcy_slot_truediv },
    { MPCY_Q(MP_QSTR___floordiv__), Py_nb_floor_divide, mpcy_slot_floordiv },
    { MPCY_Q(MP_QSTR___mod__), Py_nb_remainder, mpcy_slot_mod },
    { MPCY_Q(MP_QSTR___get__), Py_tp_descr_get, mpcy_slot_descr_get },
    { MPCY_Q(MP_QSTR___set__), Py_tp_descr_set, mpcy_slot_descr_set },
    { MPCY_Q(MP_QSTR___delete__), Py_tp_descr_set, mpcy_slot_descr_set },
};
MPCY_FIX_QFIELD(mpcy_dunder_slots, name);

// Copy the dicts of `t` and of its first bases into `dict`, the farthest base
// first, so that nearer classes win.
static void mpcy_copy_base_dicts(mp_obj_t dict, const mp_obj_type_t *t) {
    if (t == NULL || (!MPCY_IS_SPEC_TYPE(t) && !mp_obj_is_instance_type(t))) {
        // object, or a built-in base, whose methods MicroPython's super()
        // binds to the built-in part itself
        return;
    }
    if (MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
        const mp_obj_base_t *p = MP_OBJ_TYPE_GET_SLOT(t, parent);
        mpcy_copy_base_dicts(dict, p->type == &mp_type_tuple ? MP_OBJ_TO_PTR(((const mp_obj_tuple_t *)p)->items[0]) : (const mp_obj_type_t *)p);
    }
    if (MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)) {
        mp_map_t *m = &MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map;
        for (size_t i = 0; i < m->alloc; i++) {
            if (mp_map_slot_is_filled(m, i)) {
                mp_obj_dict_store(dict, m->table[i].key, m->table[i].value);
            }
        }
    }
}

// The __init__ a shadow base (below) answers with when its cdef class has
// none: CPython would go on along the MRO, to a mixin's __init__ after the
// cdef class or else object.__init__. MicroPython's super() would instead
// reach the cdef class's make_new through its native-base wrapper, which
// must not run on a spec type's instance.
typedef struct {
    mp_obj_base_t base;
    const mp_obj_type_t *shadow;
} mpcy_init_next_t;

typedef struct {
    const mp_obj_type_t *shadow;
    bool passed;
} mpcy_init_after_t;

// The first __init__ in MicroPython's lookup order after `shadow` and its
// bases have been passed.
static mp_obj_t mpcy_init_after_visit(const mp_obj_type_t *t, void *ctx) {
    mpcy_init_after_t *a = ctx;
    if (t == a->shadow) {
        a->passed = true;
        return MP_OBJ_SENTINEL;
    }
    return t == &mp_type_object ? MP_OBJ_SENTINEL : a->passed ? mpcy_type_own_attr(t, MP_QSTR___init__) : MP_OBJ_NULL;
}

static mp_obj_t mpcy_init_next_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_init_next_t *n = MP_OBJ_TO_PTR(self_in);
    if (n_args < 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("descriptor '__init__' of 'object' object needs an argument"));
    }
    const mp_obj_type_t *type = mp_obj_get_type(args[0]);
    mpcy_init_after_t after = { n->shadow, false };
    mp_obj_t f = mpcy_type_walk(type, mpcy_init_after_visit, &after);
    if (f != MP_OBJ_NULL) {
        mp_obj_t dest[2];
        mp_convert_member_lookup(args[0], type, f, dest);
        if (dest[1] == MP_OBJ_NULL) {
            return mp_call_function_n_kw(dest[0], n_args - 1, n_kw, args + 1);
        }
        return mp_call_function_n_kw(dest[0], n_args, n_kw, args);
    }
    // object.__init__: extra arguments are an error when the class has an
    // __init__ of its own (CPython's object_init; a cdef class always has
    // its own __new__).
    if ((n_args > 1 || n_kw > 0) && mpcy_type_lookup(type, MP_QSTR___init__) != self_in) {
        mp_raise_TypeError(MP_ERROR_TEXT("object.__init__() takes exactly one argument (the instance to initialize)"));
    }
    return mp_const_none;
}

static void mpcy_init_next_print(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    (void)o;
    (void)kind;
    mp_print_str(print, "<slot wrapper '__init__' of 'object' objects>");
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_init_next, MP_QSTR_wrapper_descriptor, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_init_next_call,
    print, mpcy_init_next_print);

// MicroPython's super() treats a native base's attributes as belonging to a
// separate sub-object. A subclass therefore gets, between itself and its spec
// base, a Python-level (instance) type holding the base's attributes, so
// super().f() binds self itself. Its parent is the real base, for isinstance.
static const mp_obj_type_t *mpcy_shadow_base(const mp_obj_type_t *base) {
    mp_obj_t dict = mp_obj_new_dict(0);
    mpcy_copy_base_dicts(dict, base);
    mp_obj_full_type_t *s = m_new0(mp_obj_full_type_t, 1);
    // super().__init__() must not reach MicroPython's native-base wrapper,
    // except to make the built-in part of a built-in base (mpcy_nativebase.c).
    if (((const mpcy_type_t *)base)->native == NULL) {
        mp_map_elem_t *init = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(MP_QSTR___init__), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
        if (init->value == MP_OBJ_NULL) {
            mpcy_init_next_t *next = mp_obj_malloc(mpcy_init_next_t, &mpcy_type_init_next);
            next->shadow = (const mp_obj_type_t *)s;
            init->value = MP_OBJ_FROM_PTR(next);
        }
    }
    s->base.type = &mp_type_type;
    s->flags = MP_TYPE_FLAG_INSTANCE_TYPE;
    s->name = base->name;
    MP_OBJ_TYPE_SET_SLOT(s, locals_dict, MP_OBJ_TO_PTR(dict), 0);
    MP_OBJ_TYPE_SET_SLOT(s, parent, base, 1);
    return (const mp_obj_type_t *)s;
}

bool mpcy_is_shadow_base(const mp_obj_type_t *t) {
    // the only Python-level class whose one base is a spec type
    if (MPCY_IS_SPEC_TYPE(t) || !mp_obj_is_instance_type(t) || !MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
        return false;
    }
    const mp_obj_base_t *p = MP_OBJ_TYPE_GET_SLOT(t, parent);
    return p->type != &mp_type_tuple && MPCY_IS_SPEC_TYPE((const mp_obj_type_t *)p);
}

// True if `bases` (a tuple) holds a type made from a spec.
// __set_name__(cls, name) of each value in the class namespace CLS's dict
// that has one, as CPython's type.__new__ (and MicroPython's own classes from
// 1.26 on) do.
void mpcy_set_names(mp_obj_t cls) {
    const mp_obj_type_t *t = MP_OBJ_TO_PTR(cls);
    if (!mp_obj_is_type(cls, &mp_type_type) || !MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)) {
        return;
    }
    mp_map_t *ns = &MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map;
    for (size_t i = 0; i < ns->alloc; i++) {
        if (mp_map_slot_is_filled(ns, i)) {
            mp_obj_t m[4];
            mp_load_method_maybe(ns->table[i].value, MP_QSTR___set_name__, m);
            if (m[0] != MP_OBJ_NULL) {
                m[2] = cls;
                m[3] = ns->table[i].key;
                mp_call_method_n_kw(2, 0, m);
            }
        }
    }
}

// A class MicroPython made (type(name, bases, dict), __build_class__): its
// __set_name__ calls where MicroPython makes none.
mp_obj_t mpcy_new_class(mp_obj_t cls) {
    if (!MPCY_MP_SETS_NAMES) {
        mpcy_set_names(cls);
    }
    return cls;
}

bool mpcy_has_spec_base(mp_obj_t bases) {
    if (!mp_obj_is_type(bases, &mp_type_tuple)) {
        return false;
    }
    mp_obj_tuple_t *b = MP_OBJ_TO_PTR(bases);
    for (size_t i = 0; i < b->len; i++) {
        if (mp_obj_is_type(b->items[i], &mp_type_type) && MPCY_IS_SPEC_TYPE(MP_OBJ_TO_PTR(b->items[i]))) {
            return true;
        }
    }
    return false;
}

// Whether the Python class `t` has a built-in base other than object.
static mp_obj_t mpcy_builtin_base_visit(const mp_obj_type_t *t, void *ctx) {
    (void)ctx;
    return mp_obj_is_instance_type(t) ? MP_OBJ_NULL : t == &mp_type_object ? MP_OBJ_SENTINEL : mp_const_true;
}

static bool mpcy_has_builtin_base(const mp_obj_type_t *t) {
    return mpcy_type_walk(t, mpcy_builtin_base_visit, NULL) != MP_OBJ_NULL;
}

// The base that lays out the instances of a class with bases `b`: its cdef
// class (of two related ones, the derived). The other bases may be object
// and Python classes without a built-in base (mixins), which add only to the
// instance dict; anything else conflicts, as in CPython.
static mpcy_type_t *mpcy_layout_base(const mp_obj_tuple_t *b) {
    mpcy_type_t *bt = NULL;
    for (size_t i = 0; i < b->len; i++) {
        mp_obj_t x = b->items[i];
        if (!mp_obj_is_type(x, &mp_type_type)) {
            mp_raise_TypeError(MP_ERROR_TEXT("bases must be types"));
        }
        mpcy_type_t *st = mpcy_spec_type(MP_OBJ_TO_PTR(x));
        if (st == NULL ? mpcy_has_builtin_base(MP_OBJ_TO_PTR(x))
            : bt != NULL && !mp_obj_is_subclass_fast(x, MP_OBJ_FROM_PTR(bt)) && !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(bt), x)) {
            mp_raise_TypeError(MP_ERROR_TEXT("multiple bases have instance lay-out conflict"));
        }
        if (st != NULL && (bt == NULL || mp_obj_is_subclass_fast(x, MP_OBJ_FROM_PTR(bt)))) {
            bt = st;
        }
    }
    return bt;
}

// Whether a class with bases `b`, layout base `bt` and namespace `ns` has the
// special method `name` as a Python method: in its namespace, or in a mixin
// that comes before `bt` or names what `bt` does not (CPython's MRO).
static bool mpcy_class_defines(mp_map_t *ns, const mp_obj_tuple_t *b, const mpcy_type_t *bt, qstr name) {
    if (mp_map_lookup(ns, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP) != NULL) {
        return true;
    }
    bool before = true;
    for (size_t i = 0; i < b->len; i++) {
        const mp_obj_type_t *t = MP_OBJ_TO_PTR(b->items[i]);
        if (t == (const mp_obj_type_t *)bt) {
            before = false;
        } else if (!MPCY_IS_SPEC_TYPE(t) && t != &mp_type_object && mpcy_type_lookup(t, name) != MP_OBJ_NULL
                   && (before || mpcy_type_lookup((const mp_obj_type_t *)bt, name) == MP_OBJ_NULL)) {
            return true;
        }
    }
    return false;
}

mp_obj_t mpcy_type_from_class(mp_obj_t name, mp_obj_t bases, mp_obj_t dict) {
    mp_obj_tuple_t *b = MP_OBJ_TO_PTR(bases);
    mpcy_type_t *bt = mpcy_layout_base(b);
    if (!(bt->flags & Py_TPFLAGS_BASETYPE)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("type '%s' is not an acceptable base type"), bt->tp_name);
    }
    mp_map_t *ns = mp_obj_dict_get_map(dict);
    bool have[MPCY_SLOT_MAX] = { false };
    have[Py_tp_base] = have[Py_tp_bases] = true;
    bool defines[MP_ARRAY_SIZE(mpcy_dunder_slots)];
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_dunder_slots); i++) {
        defines[i] = mpcy_class_defines(ns, b, bt, mpcy_dunder_slots[i].name);
        have[mpcy_dunder_slots[i].slot] |= defines[i];
    }
    mpcy_type_t *t = mpcy_type_alloc(have, bt);
    t->mp.base.type = &mp_type_type;
    t->mp.name = mp_obj_str_get_qstr(name);
    t->mp.flags = bt->mp.flags & (MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST
        | MP_TYPE_FLAG_INSTANCE_TYPE);
    mpcy_type_inherit_layout(t, bt);
    if (t->dictoffset <= 0) {
        // The instance dict goes after the base struct, pointer-aligned.
        t->dictoffset = (bt->basicsize + sizeof(mp_obj_t) - 1) & ~(sizeof(mp_obj_t) - 1);
        t->basicsize = t->dictoffset + sizeof(mp_obj_t);
    }
    // As CPython's classes made by type(): heap, GC-tracked (they have a dict),
    // which is what Cython tests before looking for cpdef overrides.
    t->flags = (bt->flags & ~Py_TPFLAGS_IMMUTABLETYPE) | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    t->module = bt->module;
    t->base = mpcy_shadow_base((const mp_obj_type_t *)bt);
    t->bases = MPCY_PY(bases);
    mpcy_slot_set(t, Py_tp_base, (void *)bt);
    mpcy_slot_set(t, Py_tp_bases, MPCY_PY(bases));
    // "module.Name" as CPython's tp_name
    mp_map_elem_t *mod = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(MP_QSTR___module__), MP_MAP_LOOKUP);
    vstr_t full;
    vstr_init(&full, 32);
    if (mod != NULL && mp_obj_is_str(mod->value)) {
        vstr_add_str(&full, mp_obj_str_get_str(mod->value));
        vstr_add_char(&full, '.');
    }
    vstr_add_str(&full, mp_obj_str_get_str(name));
    t->tp_name = vstr_null_terminated_str(&full);
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_dunder_slots); i++) {
        if (defines[i]) {
            mpcy_slot_set(t, mpcy_dunder_slots[i].slot, mpcy_dunder_slots[i].func);
            if (mpcy_dunder_slots[i].slot == Py_tp_richcompare) {
                t->mp.flags |= MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST;
            }
        }
    }
    if (mpcy_slot(t, Py_tp_call) == (void *)mpcy_slot_call) {
        // a Python __call__ goes through tp_call, not the base's vectorcall
        t->vectorcalloffset = 0;
    }
    mpcy_type_set_slots(t);
    // The class namespace is the type's dict.
    MPCY_TYPE_SET_DICT(&t->mp, MP_OBJ_TO_PTR(dict));
    mpcy_set_names(MP_OBJ_FROM_PTR(t));
    // Not kept forever: like any class, it lives while something refers to it.
    return MP_OBJ_FROM_PTR(t);
}
