// The methods of the built-in `object` that MicroPython lacks and Cython
// looks up: __reduce__ and __reduce_ex__ (pickling hooks Cython compares
// with), __getattribute__, __setattr__ and __delattr__ that work on
// instances of spec types, and __init__ for super().__init__(); a class's
// __mro__; and the special methods of built-in objects that MicroPython
// implements only as slots (__iter__, __len__, ...), as Cython code looks
// them up; and the methods of int, float, str and bytes that MicroPython
// lacks (int.bit_length, ...; the functions are in longobject.c, ...).
#include "mpcy.h"
#include "py/binary.h"

// object.__reduce_ex__ / object.__reduce__: MicroPython's object has neither,
// but Cython's pickling set-up (always run for the memoryview types of its
// utility code) compares a type's hooks with object's. No pickling exists here.
static mp_obj_t mpcy_object_reduce(size_t n_args, const mp_obj_t *args) {
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("cannot pickle '%s' object"),
        mpcy_type_name(mp_obj_get_type(args[0])));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_object_reduce_ex_obj, 1, 2, mpcy_object_reduce);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_object_reduce_obj, 1, 1, mpcy_object_reduce);

// object.__getattribute__/__setattr__/__delattr__(self, ...): the generic
// lookup for instances of spec types (MicroPython's own accept only Python
// class instances), MicroPython's for everything else.
static mp_obj_t mpcy_object_generic(mp_obj_t self, qstr which, size_t n_args, const mp_obj_t *args) {
    if (MPCY_IS_SPEC_TYPE(mp_obj_get_type(self))) {
        mp_obj_t dest[2] = { which == MP_QSTR___getattribute__ ? MP_OBJ_NULL : MP_OBJ_SENTINEL,
                             n_args > 2 ? args[2] : MP_OBJ_NULL };
        qstr attr = mpcy_qstr(MPCY_PY(args[1]));
        mpcy_generic_attr(self, attr, dest);
        if (which == MP_QSTR___getattribute__) {
            return dest[0] != MP_OBJ_NULL ? dest[0] : mp_load_attr(self, attr);
        }
        if (dest[0] != MP_OBJ_NULL) {
            mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT("'%s' object has no attribute '%q'"),
                mpcy_type_name(mp_obj_get_type(self)), attr);
        }
        return mp_const_none;
    }
    if (which == MP_QSTR___getattribute__) {
        return mp_load_attr(self, mpcy_qstr(MPCY_PY(args[1])));
    }
    mp_obj_t dest[2];
    mp_load_method(MP_OBJ_FROM_PTR(&mp_type_object), which, dest);
    return mp_call_function_n_kw(dest[0], n_args, 0, args);
}
static mp_obj_t mpcy_object_getattribute(mp_obj_t self, mp_obj_t name) {
    mp_obj_t args[2] = { self, name };
    return mpcy_object_generic(self, MP_QSTR___getattribute__, 2, args);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpcy_object_getattribute_obj, mpcy_object_getattribute);
static mp_obj_t mpcy_object_setattr(mp_obj_t self, mp_obj_t name, mp_obj_t value) {
    mp_obj_t args[3] = { self, name, value };
    return mpcy_object_generic(self, MP_QSTR___setattr__, 3, args);
}
static MP_DEFINE_CONST_FUN_OBJ_3(mpcy_object_setattr_obj, mpcy_object_setattr);
static mp_obj_t mpcy_object_delattr(mp_obj_t self, mp_obj_t name) {
    mp_obj_t args[2] = { self, name };
    return mpcy_object_generic(self, MP_QSTR___delattr__, 2, args);
}
static MP_DEFINE_CONST_FUN_OBJ_2(mpcy_object_delattr_obj, mpcy_object_delattr);

// cls.__mro__, which MicroPython's types lack: the classes in the order
// MicroPython looks attributes up (depth first, left to right, each once:
// CPython's C3 order wherever that is the same, as with single inheritance),
// object last. A Python subclass's shadow of its cdef base is not a class of
// its own.
static mp_obj_t mpcy_mro_visit(const mp_obj_type_t *t, void *ctx) {
    mp_obj_t list = ctx;
    if (t == &mp_type_object) {
        return MP_OBJ_SENTINEL;
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_list_get(list, &n, &items);
    bool seen = false;
    for (size_t i = 0; i < n && !seen; i++) {
        seen = items[i] == MP_OBJ_FROM_PTR(t);
    }
    if (!seen && !mpcy_is_shadow_base(t)) {
        mp_obj_list_append(list, MP_OBJ_FROM_PTR(t));
    }
    return MP_OBJ_NULL;
}

static mp_obj_t mpcy_type_mro(mp_obj_t type) {
    mp_obj_t list = mp_obj_new_list(0, NULL);
    mpcy_type_walk(MP_OBJ_TO_PTR(type), mpcy_mro_visit, MP_OBJ_TO_PTR(list));
    mp_obj_list_append(list, MP_OBJ_FROM_PTR(&mp_type_object));
    size_t n;
    mp_obj_t *items;
    mp_obj_list_get(list, &n, &items);
    return mp_obj_new_tuple(n, items);
}

// CPython's type.__dictoffset__, which Cython reads for the bases of a cdef
// class: where an instance keeps its dict, 0 for none. A type's dict is its
// first slot (Cython reads it there); a Python class's instances have a dict
// (MicroPython ignores __slots__) unless each of its classes says __slots__.
static mp_int_t mpcy_type_dictoffset(const mp_obj_type_t *t) {
    if (t == &mp_type_type) {
        return MPCY_TYPE_DICT_OFFSET;
    }
    mpcy_type_t *st = mpcy_spec_type(t);
    if (st != NULL) {
        return st->dictoffset > 0 ? st->dictoffset : 0;
    }
    if (!mp_obj_is_instance_type(t)) {
        return 0;
    }
    if (!MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)
        || mp_map_lookup(&MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map, MP_OBJ_NEW_QSTR(MP_QSTR___slots__), MP_MAP_LOOKUP) == NULL) {
        return offsetof(mp_obj_instance_t, members);
    }
    if (!MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
        return 0;
    }
    const mp_obj_base_t *parent = MP_OBJ_TYPE_GET_SLOT(t, parent);
    if (parent->type != &mp_type_tuple) {
        return mpcy_type_dictoffset((const mp_obj_type_t *)parent);
    }
    const mp_obj_tuple_t *bases = (const mp_obj_tuple_t *)parent;
    for (size_t i = 0; i < bases->len; i++) {
        mp_int_t off = mpcy_type_dictoffset(MP_OBJ_TO_PTR(bases->items[i]));
        if (off != 0) {
            return off;
        }
    }
    return 0;
}

mp_obj_t mpcy_type_load_attr(mp_obj_t type, qstr attr, bool raise) {
    mp_obj_t dest[2];
    if (type == MP_OBJ_FROM_PTR(&mp_type_object)) {
        switch (MPCY_QSWITCH(attr)) {
            case MPCY_Q(MP_QSTR___getattribute__):
                return MP_OBJ_FROM_PTR(&mpcy_object_getattribute_obj);
            case MPCY_Q(MP_QSTR___setattr__):
                return MP_OBJ_FROM_PTR(&mpcy_object_setattr_obj);
            case MPCY_Q(MP_QSTR___delattr__):
                return MP_OBJ_FROM_PTR(&mpcy_object_delattr_obj);
        }
    }
    mp_load_method_maybe(type, attr, dest);
    if (attr == MP_QSTR_from_bytes) {
        // int's (bool's, a subclass's unless it has its own): CPython's arguments
        mp_obj_t own[2];
        mp_load_method_maybe(MP_OBJ_FROM_PTR(&mp_type_int), attr, own);
        if (dest[0] == own[0] || (dest[0] == MP_OBJ_NULL && type == MP_OBJ_FROM_PTR(&mp_type_bool))) {
            dest[0] = MP_OBJ_FROM_PTR(&mpcy_int_from_bytes_obj);
            dest[1] = type;
        }
    }
    if (dest[0] != MP_OBJ_NULL && dest[1] == MP_OBJ_NULL) {
        // A class attribute that is a cdef class descriptor: CPython calls
        // its __get__(None, type); MicroPython's type_attr does not.
        const mp_obj_type_t *dt = mp_obj_get_type(dest[0]);
        descrgetfunc dget = (descrgetfunc)mpcy_type_slot(dt, Py_tp_descr_get);
        if (dget != NULL && !(dt->flags & MP_TYPE_FLAG_BINDS_SELF)) {
            return mpcy_check(dget(MPCY_PY(dest[0]), NULL, MPCY_PY(type)));
        }
    }
    if (dest[0] != MP_OBJ_NULL) {
        return dest[1] == MP_OBJ_NULL ? dest[0] : mp_obj_new_bound_meth(dest[0], dest[1]);
    }
    if (attr == MP_QSTR___itemsize__) {
        // CPython's for the variable-size built-ins (Cython asks before it
        // adds fields to a subclass of one); spec types have their own.
        const mp_obj_type_t *t = MP_OBJ_TO_PTR(type);
        return MP_OBJ_NEW_SMALL_INT(t == &mp_type_int ? 4 : t == &mp_type_tuple ? (mp_int_t)sizeof(mp_obj_t) : t == &mp_type_bytes ? 1 : 0);
    }
    if (attr == MP_QSTR___dictoffset__) {
        return MP_OBJ_NEW_SMALL_INT(mpcy_type_dictoffset(MP_OBJ_TO_PTR(type)));
    }
    if (attr == MP_QSTR___mro__) {
        return mpcy_type_mro(type);
    }
    if (attr == MP_QSTR___reduce_ex__) {
        return MP_OBJ_FROM_PTR(&mpcy_object_reduce_ex_obj);
    }
    if (attr == MP_QSTR___reduce__) {
        return MP_OBJ_FROM_PTR(&mpcy_object_reduce_obj);
    }
    mp_obj_t w = mpcy_native_attr(type, attr);
    if (w != MP_OBJ_NULL) {
        return w;
    }
    return raise ? mp_load_attr(type, attr) : MP_OBJ_NULL;
}

static mp_obj_t mpcy_object_init(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    (void)args;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_VAR(mpcy_object_init_obj, 1, mpcy_object_init);

// ---- Special methods of built-in objects as attributes --------------------------
// MicroPython's built-in types implement iteration, len(), indexing and `in`
// through their slots, with no __iter__, __len__, ... attribute; Cython code
// looks them up by name (`x.__iter__()`, `hasattr(x, '__len__')`, unbound
// `list.__iter__(x)`). A failed lookup of such a name answers with a wrapper
// calling the slot, bound (`self` set) or unbound. MicroPython code keeps
// MicroPython's behaviour.
typedef struct {
    mp_obj_base_t base;
    const mp_obj_type_t *type;
    mp_obj_t self; // MP_OBJ_NULL: unbound, self is the first argument
    qstr name;
} mpcy_native_dunder_t;

static const mp_obj_type_t *mpcy_builtin_base(const mp_obj_type_t *t);

// Whether t.__init__ is CPython's own: dict, list, set fill the object, an
// exception sets its args (1); or object.__init__, which does nothing for
// these types (2; their arguments went to __new__). 0: not known here.
static int mpcy_native_init_kind(const mp_obj_type_t *t) {
    if (t == &mp_type_dict || t == &mp_type_list
        #if MICROPY_PY_BUILTINS_SET
        || t == &mp_type_set
        #endif
        || mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(&mp_type_BaseException))) {
        return 1;
    }
    return t == &mp_type_int || t == &mp_type_bool || t == &mp_type_str || t == &mp_type_bytes || t == &mp_type_tuple
           #if MICROPY_PY_BUILTINS_FLOAT
           || t == &mp_type_float
           #endif
           #if MICROPY_PY_BUILTINS_FROZENSET
           || t == &mp_type_frozenset
           #endif
           ? 2 : 0;
}

// t.__init__(self, *args, **kw) as CPython's (self is the built-in part):
// dict.__init__ updates, list.__init__ and set.__init__ refill.
static mp_obj_t mpcy_native_init(const mp_obj_type_t *t, mp_obj_t self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(&mp_type_BaseException))) {
        if (n_kw != 0) {
            mpcy_raise(&mp_type_TypeError, "%s() takes no keyword arguments", mpcy_type_name(mp_obj_get_type(self)));
        }
        PyException_SetArgs(MPCY_PY(self), MPCY_PY(mp_obj_new_tuple(n_args, args)));
        return mp_const_none;
    }
    if (mpcy_native_init_kind(t) != 1) {
        return mp_const_none;
    }
    if (n_args > 1) {
        mpcy_raise(&mp_type_TypeError, "%s expected at most 1 argument, got %d", qstr_str(t->name), (int)n_args);
    }
    if (t != &mp_type_dict && n_kw != 0) {
        mpcy_raise(&mp_type_TypeError, "%s() takes no keyword arguments", qstr_str(t->name));
    }
    mp_obj_t dest[3];
    if (t != &mp_type_dict) {
        mp_load_method(self, MP_QSTR_clear, dest);
        mp_call_method_n_kw(0, 0, dest);
    }
    if (n_args + n_kw == 0) {
        return mp_const_none;
    }
    if (t == &mp_type_dict) {
        // MicroPython's update, keywords and all
        mp_obj_t *a = m_new(mp_obj_t, 2 + n_args + 2 * n_kw);
        mp_load_method(self, MP_QSTR_update, a);
        memcpy(a + 2, args, (n_args + 2 * n_kw) * sizeof(mp_obj_t));
        mp_call_method_n_kw(n_args, n_kw, a);
        return mp_const_none;
    }
    mp_load_method(self, t == &mp_type_list ? MP_QSTR_extend : MP_QSTR_update, dest);
    dest[2] = args[0];
    mp_call_method_n_kw(1, 0, dest);
    return mp_const_none;
}

static mp_obj_t mpcy_native_dunder_call(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_native_dunder_t *d = MP_OBJ_TO_PTR(fun);
    mp_obj_t self = d->self;
    if (self == MP_OBJ_NULL) {
        // the built-in part of a subclass's instance (list.__iter__(stack)
        // in a cdef class with list as base that overrides __iter__)
        if (n_args < 1) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%q' of '%q' object needs an argument"), d->name, d->type->name);
        }
        if (d->name == MP_QSTR___init__ && mpcy_native_unmade(args[0], d->type)) {
            // T.__init__(self, ...) in the __init__ of a Python subclass:
            // makes the built-in part, as MicroPython's super().__init__()
            ((mp_obj_instance_t *)MP_OBJ_TO_PTR(args[0]))->subobj[0] =
                mp_call_function_n_kw(MP_OBJ_FROM_PTR(mpcy_builtin_base(mp_obj_get_type(args[0]))), n_args - 1, n_kw, args + 1);
            return mp_const_none;
        }
        self = MPCY_OBJ(mpcy_native(MPCY_PY(args[0]), d->type));
        if (self == MP_OBJ_NULL) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("descriptor '%q' requires a '%q' object but received a '%s'"),
                d->name, d->type->name, mpcy_type_name(mp_obj_get_type(args[0])));
        }
        n_args--;
        args++;
    }
    if (d->name == MP_QSTR___init__) {
        return mpcy_native_init(d->type, self, n_args, n_kw, args);
    }
    if (d->name == MP_QSTR___exit__) {
        // CPython's memoryview.__exit__(*args) releases the view
        // (mpcy_memoryview_release: MicroPython's has no released state).
        mpcy_memoryview_release(self);
        return mp_const_none;
    }
    size_t want = d->name == MP_QSTR___getitem__ || d->name == MP_QSTR___contains__ ? 1 : 0;
    if (n_kw != 0 || n_args != want) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q() takes exactly %d argument%s (%d given)"),
            d->name, (int)want, want == 1 ? "" : "s", (int)n_args);
    }
    switch (MPCY_QSWITCH(d->name)) {
        case MPCY_Q(MP_QSTR___enter__):
            return self;
        case MPCY_Q(MP_QSTR___iter__):
            return mpcy_getiter(self);
        case MPCY_Q(MP_QSTR___next__): {
            mp_obj_t r = mp_iternext(self);
            if (r == MP_OBJ_STOP_ITERATION) {
                mp_raise_StopIteration(MPCY_STOP_ITERATION_ARG);
            }
            return r;
        }
        case MPCY_Q(MP_QSTR___len__):
            return mp_obj_len(self);
        case MPCY_Q(MP_QSTR___getitem__):
            return mp_obj_subscr(self, args[0], MP_OBJ_SENTINEL);
        case MPCY_Q(MP_QSTR___contains__):
            return mp_binary_op(MP_BINARY_OP_CONTAINS, self, args[0]);
        default: // __reversed__
            return mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_reversed), self);
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_native_dunder, MP_QSTR_method_wrapper, MP_TYPE_FLAG_NONE,
    call, mpcy_native_dunder_call);

// Whether the built-in type `t` implements `name` (as CPython's own type
// does), or false for spec types and Python classes, which have their own.
static bool mpcy_native_has(const mp_obj_type_t *t, qstr name) {
    if (MPCY_IS_SPEC_TYPE(t) || mp_obj_is_instance_type(t) || t == &mp_type_type) {
        return false;
    }
    bool iter = MP_OBJ_TYPE_HAS_SLOT(t, iter);
    bool iterator = iter && (t->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT);
    bool container = iter && !iterator && !(t->flags & MP_TYPE_FLAG_ITER_IS_CUSTOM);
    switch (MPCY_QSWITCH(name)) {
        case MPCY_Q(MP_QSTR___init__):
            return mpcy_native_init_kind(t) != 0;
        case MPCY_Q(MP_QSTR___enter__):
        case MPCY_Q(MP_QSTR___exit__):
            return t == &mp_type_memoryview;
        case MPCY_Q(MP_QSTR___iter__):
            return iter;
        case MPCY_Q(MP_QSTR___next__):
            return iterator;
        case MPCY_Q(MP_QSTR___len__):
            return container;
        case MPCY_Q(MP_QSTR___contains__):
            return container;
        case MPCY_Q(MP_QSTR___getitem__):
            return MP_OBJ_TYPE_HAS_SLOT(t, subscr);
        case MPCY_Q(MP_QSTR___reversed__):
            return t == &mp_type_list || t == &mp_type_range;
        default:
            return false;
    }
}

// ---- Methods of built-in types that MicroPython lacks --------------------------
// int.bit_length, float.is_integer, str.expandtabs, ... (Cython's Builtin.py
// knows them): tables in longobject.c, floatobject.c and bytesobject.c, by
// the type CPython defines them on.

static mp_obj_t mpcy_native_method(const mp_obj_type_t *t, qstr attr) {
    const mp_obj_dict_t *d = t == &mp_type_int ? &mpcy_long_methods
        #if MICROPY_PY_BUILTINS_FLOAT
        : t == &mp_type_float ? &mpcy_float_methods
        #endif
        : &mpcy_bytes_methods;
    mp_map_elem_t *e = MPCY_NO_RAISE(mp_map_lookup((mp_map_t *)&d->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP)); // ROM map: qstr keys
    return e != NULL ? e->value : MP_OBJ_NULL;
}

void mpcy_noargs(const mp_obj_type_t *t, qstr name, size_t n_args, mp_map_t *kw) {
    if (kw != NULL && kw->used != 0) {
        mpcy_raise(&mp_type_TypeError, "%s.%s() takes no keyword arguments", qstr_str(t->name), qstr_str(name));
    }
    if (n_args != 1) {
        mpcy_raise(&mp_type_TypeError, "%s.%s() takes no arguments (%d given)", qstr_str(t->name), qstr_str(name), (int)n_args - 1);
    }
}

// ---- __new__ of built-in types ---------------------------------------------------
// T.__new__(S, *args, **kw) (and obj.__new__, the same for type(obj)) as
// CPython's tp_new_wrapper: S a subtype of T whose nearest built-in base is
// made as T's is (MicroPython's make_new); T's object without __init__: an
// empty one for the types __init__ fills, for a Python subclass S an
// instance of S with that built-in part. type.__new__(M, name, bases, ns) of
// a metaclass M makes the class; its type is `type` (DIFFERENCES.md).
typedef struct {
    mp_obj_base_t base;
    const mp_obj_type_t *type;
} mpcy_native_new_t;

static mp_obj_t mpcy_builtin_base_visit(const mp_obj_type_t *t, void *ctx) {
    (void)ctx;
    return mp_obj_is_instance_type(t) ? MP_OBJ_NULL : MP_OBJ_FROM_PTR(t);
}

// The first type along t's bases (t first) that is not a Python class: a
// built-in type, a spec type or object.
static const mp_obj_type_t *mpcy_builtin_base(const mp_obj_type_t *t) {
    mp_obj_t b = mpcy_type_walk(t, mpcy_builtin_base_visit, NULL);
    return b != MP_OBJ_NULL ? MP_OBJ_TO_PTR(b) : &mp_type_object;
}

static mp_obj_t mpcy_native_new_call(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_type_t *t = ((mpcy_native_new_t *)MP_OBJ_TO_PTR(fun))->type;
    const char *tn = mpcy_type_name(t);
    if (n_args < 1) {
        mpcy_raise(&mp_type_TypeError, "%s.__new__(): not enough arguments", tn);
    }
    if (!mp_obj_is_type(args[0], &mp_type_type)) {
        mpcy_raise(&mp_type_TypeError, "%s.__new__(X): X is not a type object (%s)", tn, mpcy_type_name(mp_obj_get_type(args[0])));
    }
    const mp_obj_type_t *sub = MP_OBJ_TO_PTR(args[0]);
    const char *sn = mpcy_type_name(sub);
    if (!mp_obj_is_subclass_fast(args[0], MP_OBJ_FROM_PTR(t)) && !(sub == &mp_type_bool && t == &mp_type_int)) {
        mpcy_raise(&mp_type_TypeError, "%s.__new__(%s): %s is not a subtype of %s", tn, sn, sn, tn);
    }
    const mp_obj_type_t *sb = mpcy_builtin_base(sub);
    if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(sb, make_new) != MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, make_new)) {
        mpcy_raise(&mp_type_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", tn, sn, mpcy_type_name(sb));
    }
    if (sb == &mp_type_type) {
        if (n_args == 4 && n_kw == 0) {
            // type.__new__(M, name, bases, ns): a copy of ns, as CPython's
            mp_obj_t ns = MPCY_OBJ(mpcy_native(MPCY_PY(args[3]), &mp_type_dict));
            mp_obj_t a[3] = { args[1], args[2], ns != MP_OBJ_NULL ? mp_obj_dict_copy(ns) : args[3] };
            return mpcy_check(PyObject_Call(MPCY_PY(args[0] == MP_OBJ_FROM_PTR(&mp_type_type) ? args[0] : MP_OBJ_FROM_PTR(&mp_type_type)),
                MPCY_PY(mp_obj_new_tuple(3, a)), NULL));
        }
        mpcy_raise(&mp_type_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", (int)n_args - 1);
    }
    if (MPCY_IS_SPEC_TYPE(sub)) {
        mpcy_raise(&mp_type_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", tn, sn, sn);
    }
    // the types whose __init__ fills them make an empty object
    bool empty = mpcy_native_filled_by_init(t);
    mp_obj_t part = mp_call_function_n_kw(MP_OBJ_FROM_PTR(sb), empty ? 0 : n_args - 1, empty ? 0 : n_kw, args + 1);
    if (sub == sb) {
        return part;
    }
    #if MICROPY_CPYTHON_COMPAT
    // a Python subclass: its instance, without __init__, around the built-in part
    const mp_obj_type_t *nb;
    mp_obj_instance_t *inst = mp_obj_new_instance(sub, &nb);
    inst->subobj[0] = part;
    return MP_OBJ_FROM_PTR(inst);
    #else
    mpcy_raise(&mp_type_TypeError, "%s.__new__(%s): this MicroPython cannot make an instance without __init__", tn, sn);
    #endif
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_native_new, MP_QSTR_builtin_function_or_method, MP_TYPE_FLAG_NONE,
    call, mpcy_native_new_call);

mp_obj_t mpcy_native_attr(mp_obj_t o, qstr attr) {
    if (mp_obj_is_type(o, &mp_type_super)) {
        // super(T, obj).attr that MicroPython's lookup along T's bases
        // missed: the attribute of T's built-in base, for obj's built-in part
        const mpcy_super_obj_t *sup = MP_OBJ_TO_PTR(o);
        const mp_obj_type_t *b = mp_obj_is_type(sup->type, &mp_type_type) && mp_obj_is_instance_type((const mp_obj_type_t *)MP_OBJ_TO_PTR(sup->type))
            ? mpcy_builtin_base(MP_OBJ_TO_PTR(sup->type)) : &mp_type_object;
        mp_obj_t part = b != &mp_type_object ? MPCY_OBJ(mpcy_native(MPCY_PY(sup->obj), b)) : MP_OBJ_NULL;
        return part != MP_OBJ_NULL ? mpcy_native_attr(part, attr) : MP_OBJ_NULL;
    }
    bool is_type = mp_obj_is_type(o, &mp_type_type);
    const mp_obj_type_t *t = is_type ? MP_OBJ_TO_PTR(o) : mp_obj_get_type(o);
    if (attr == MP_QSTR___new__ && !MPCY_IS_SPEC_TYPE(t)) {
        // a Python class: its built-in base's
        const mp_obj_type_t *b = mpcy_builtin_base(t);
        if (b == &mp_type_object) {
            // MicroPython's object.__new__, which its lookup does not reach
            // from a Python class
            mp_obj_t dest[2];
            mp_load_method_maybe(MP_OBJ_FROM_PTR(&mp_type_object), MP_QSTR___new__, dest);
            return dest[0];
        }
        if (MPCY_IS_SPEC_TYPE(b)) {
            return MP_OBJ_NULL;
        }
        mpcy_native_new_t *w = mp_obj_malloc(mpcy_native_new_t, &mpcy_type_native_new);
        w->type = b;
        return MP_OBJ_FROM_PTR(w);
    }
    MPCY_TYPES_STATIC const mp_obj_type_t *const mpcy_method_types[] = {
        &mp_type_int,
        #if MICROPY_PY_BUILTINS_FLOAT
        &mp_type_float,
        #endif
        &mp_type_str, &mp_type_bytes, &mp_type_bytearray,
    };
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_method_types); i++) {
        const mp_obj_type_t *mt = mpcy_method_types[i];
        // an instance of a subclass: the method works on its built-in part
        mp_obj_t self = is_type ? MP_OBJ_NULL
            : mt == &mp_type_int && mp_obj_is_bool(o) ? o : MPCY_OBJ(mpcy_native(MPCY_PY(o), mt));
        if (is_type ? t == mt : self != MP_OBJ_NULL) {
            mp_obj_t f = mpcy_native_method(mt, attr);
            if (f == MP_OBJ_NULL) {
                break;
            }
            return is_type ? mpcy_native_method_new(t, attr, f, MP_OBJ_NULL) : mp_obj_new_bound_meth(f, self);
        }
    }
    if (!is_type && t == &mp_type_memoryview && (attr == MP_QSTR_itemsize || attr == MP_QSTR_ndim || attr == MP_QSTR_readonly)) {
        // CPython's memoryview attributes Cython reads (one dimension here)
        mp_buffer_info_t b;
        if (attr == MP_QSTR_readonly) {
            return mp_obj_new_bool(!mp_get_buffer(o, &b, MP_BUFFER_WRITE));
        }
        mp_get_buffer_raise(o, &b, MP_BUFFER_READ);
        return MP_OBJ_NEW_SMALL_INT(attr == MP_QSTR_ndim ? 1 : (mp_int_t)mp_binary_get_size('@', b.typecode, NULL));
    }
    if (!mpcy_native_has(t, attr)) {
        return MP_OBJ_NULL;
    }
    mpcy_native_dunder_t *d = mp_obj_malloc(mpcy_native_dunder_t, &mpcy_type_native_dunder);
    d->type = t;
    d->self = is_type ? MP_OBJ_NULL : o;
    d->name = attr;
    return MP_OBJ_FROM_PTR(d);
}
