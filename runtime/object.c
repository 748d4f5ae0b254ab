// The generic object protocol (object.h): thin nlr-guarded MicroPython calls.
#include "mpcy.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/gc.h"

PyObject *mpcy_native(PyObject *o, const mp_obj_type_t *t) {
    mp_obj_t x = MPCY_OBJ(o);
    if (x == MP_OBJ_NULL) {
        return NULL;
    }
    const mp_obj_type_t *xt = mp_obj_get_type(x);
    if (xt == t) {
        return o;
    }
    if (t == &mp_type_type) {
        // A class made by a metaclass: a type object itself.
        return mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(xt), MP_OBJ_FROM_PTR(t)) ? o : NULL;
    }
    if (mp_obj_is_instance_type(xt)) {
        // An instance of a Python class: its native part, if any.
        if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(xt), MP_OBJ_FROM_PTR(t))) {
            return NULL;
        }
        x = ((mp_obj_instance_t *)MP_OBJ_TO_PTR(x))->subobj[0];
        xt = mp_obj_get_type(x);
    }
    // A built-in subtype (OrderedDict, a namedtuple class; a cdef class with
    // a built-in base, whose struct starts with the base's); MicroPython's
    // attribute tuples (os.uname()) are tuples without being a subtype.
    if (xt == t || mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(xt), MP_OBJ_FROM_PTR(t))
        || (t == &mp_type_tuple && mpcy_is_tuple_compatible(x))) {
        return MPCY_PY(x);
    }
    return NULL;
}

const char *mpcy_type_name(const mp_obj_type_t *t) {
    mpcy_type_t *st = mpcy_spec_type(t);
    return st ? st->tp_name : qstr_str(t->name);
}

// An attribute name as a qstr (MicroPython looks attributes up by qstr).
qstr mpcy_qstr(PyObject *name) {
    mp_obj_t o = MPCY_OBJ(name);
    if (mp_obj_is_qstr(o)) {
        return MP_OBJ_QSTR_VALUE(o);
    }
    PyObject *s = mpcy_as_native(name, &mp_type_str);
    if (s == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("attribute name must be string, not '%s'"), mp_obj_get_type_str(o));
    }
    return mp_obj_str_get_qstr(MPCY_OBJ(s));
}

static mp_obj_t mpcy_print_to_str(mp_obj_t o, mp_print_kind_t kind) {
    mp_obj_t e = mpcy_exception_text(o, kind);
    if (e != MP_OBJ_NULL) {
        return e;
    }
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_obj_print_helper(&print, o, kind);
    return mp_obj_new_str_from_utf8_vstr(&vstr);
}

PyObject *PyObject_Repr(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_print_to_str(MPCY_OBJ(o), PRINT_REPR));
    return MPCY_PY(r);
}

MPCY_CLOBBER_CHECKED
PyObject *PyObject_Str(PyObject *o) {
    mp_obj_t r = MPCY_OBJ(o);
    if (mp_obj_is_exact_type(r, &mp_type_str) || mp_obj_is_qstr(r)) {
        return o;
    }
    MPCY_TRY(NULL, r = mpcy_print_to_str(r, PRINT_STR));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyObject_ASCII(PyObject *o) {
    return PyObject_Repr(o);
}

PyObject *PyObject_Bytes(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytes), MPCY_OBJ(o)));
    return MPCY_PY(r);
}

PyObject *PyObject_Format(PyObject *o, PyObject *spec) {
    mp_obj_t r = MP_OBJ_NULL;
    mp_obj_t dest[3];
    if (!mp_obj_is_str(MPCY_OBJ(o)) && !mp_obj_is_int(MPCY_OBJ(o))) {
        // A class's own __format__ (MicroPython's str.format never calls one).
        MPCY_TRY(NULL, mp_load_method_maybe(MPCY_OBJ(o), MP_QSTR___format__, dest));
        if (dest[0] != MP_OBJ_NULL) {
            dest[2] = spec == NULL ? MP_OBJ_NEW_QSTR(MP_QSTR_) : MPCY_OBJ(spec);
            MPCY_TRY(NULL, r = mp_call_method_n_kw(1, 0, dest));
            return MPCY_PY(r);
        }
    }
    size_t spec_len = 0;
    if (spec == NULL || (mp_obj_is_str(MPCY_OBJ(spec)) && (mpcy_str_data(MPCY_OBJ(spec), &spec_len), spec_len == 0))) {
        return PyObject_Str(o);
    }
    if (MPCY_IS_SPEC_TYPE(mp_obj_get_type(MPCY_OBJ(o)))) {
        // object.__format__ takes only an empty spec
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %s.__format__",
            mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
        return NULL;
    }
    // format(o, spec) is '{:spec}'.format(o) in MicroPython.
    MPCY_TRY(NULL, {
        vstr_t vstr;
        vstr_init(&vstr, 16);
        vstr_add_str(&vstr, "{:");
        vstr_add_str(&vstr, mp_obj_str_get_str(MPCY_OBJ(spec)));
        vstr_add_char(&vstr, '}');
        mp_obj_t fmt = mp_obj_new_str_from_vstr(&vstr);
        mp_load_method(fmt, MP_QSTR_format, dest);
        dest[2] = MPCY_OBJ(o);
        r = mp_call_method_n_kw(1, 0, dest);
    });
    return MPCY_PY(r);
}

// MicroPython hashes some mutable built-ins by identity, and a lookup in an
// empty dict hashes nothing: CPython refuses them as keys.
void mpcy_check_hashable(mp_obj_t key) {
    if (mp_obj_is_small_int(key) || mp_obj_is_qstr(key)) {
        return;
    }
    const mp_obj_type_t *t = mp_obj_get_type(key);
    if (t == &mp_type_list || t == &mp_type_dict || t == &mp_type_set || t == &mp_type_bytearray) {
        mpcy_raise(&mp_type_TypeError, "unhashable type: '%s'", qstr_str(t->name));
    }
}

Py_hash_t PyObject_Hash(PyObject *o) {
    mp_obj_t h = MP_OBJ_NULL;
    MPCY_TRY(-1, {
        mpcy_check_hashable(MPCY_OBJ(o));
        h = mp_unary_op(MP_UNARY_OP_HASH, MPCY_OBJ(o));
    });
    Py_hash_t r = mp_obj_is_small_int(h) ? MP_OBJ_SMALL_INT_VALUE(h) : (Py_hash_t)mp_obj_int_get_truncated(h);
    return r == -1 ? -2 : r;
}

Py_hash_t PyObject_HashNotImplemented(PyObject *o) {
    PyErr_Format(PyExc_TypeError, "unhashable type: '%s'", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(o))));
    return -1;
}

int PyObject_IsTrue(PyObject *o) {
    mp_obj_t x = MPCY_OBJ(o);
    if (x == mp_const_true) {
        return 1;
    }
    if (x == mp_const_false || x == mp_const_none) {
        return 0;
    }
    if (mp_obj_is_small_int(x)) {
        return x != MP_OBJ_NEW_SMALL_INT(0);
    }
    int r = 0;
    MPCY_TRY(-1, r = mp_obj_is_true(x));
    return r;
}

int PyObject_Not(PyObject *o) {
    int r = PyObject_IsTrue(o);
    return r < 0 ? r : !r;
}

static const mp_binary_op_t mpcy_cmp_ops[] = {
    MP_BINARY_OP_LESS, MP_BINARY_OP_LESS_EQUAL, MP_BINARY_OP_EQUAL,
    MP_BINARY_OP_NOT_EQUAL, MP_BINARY_OP_MORE, MP_BINARY_OP_MORE_EQUAL,
};

PyObject *PyObject_RichCompare(PyObject *a, PyObject *b, int op) {
    mp_obj_t r = mpcy_binary_op_fast(mpcy_cmp_ops[op], MPCY_OBJ(a), MPCY_OBJ(b));
    if (r != MP_OBJ_NULL) {
        return MPCY_PY(r);
    }
    MPCY_TRY(NULL, r = mp_binary_op(mpcy_cmp_ops[op], MPCY_OBJ(a), MPCY_OBJ(b)));
    return MPCY_PY(r);
}

int PyObject_RichCompareBool(PyObject *a, PyObject *b, int op) {
    // Identity implies equality, as in CPython.
    if (a == b) {
        if (op == Py_EQ) {
            return 1;
        } else if (op == Py_NE) {
            return 0;
        }
    }
    mp_obj_t f = mpcy_binary_op_fast(mpcy_cmp_ops[op], MPCY_OBJ(a), MPCY_OBJ(b));
    if (f != MP_OBJ_NULL) {
        return f == mp_const_true;
    }
    int r = 0;
    MPCY_TRY(-1, r = mp_obj_is_true(mp_binary_op(mpcy_cmp_ops[op], MPCY_OBJ(a), MPCY_OBJ(b))));
    return r;
}

// `obj.attr` and `type.attr`; a method of a built-in type as the objects above.
mp_obj_t mpcy_load_attr(mp_obj_t o, qstr attr) {
    if (!mp_obj_is_type(o, &mp_type_type)) {
        mp_obj_t dest[2];
        mpcy_load_method(o, attr, dest);
        // (A method of a built-in object stays MicroPython's bound method: as
        // a builtin method object it broke the instance dict's methods under
        // gc-stress on MicroPython 1.25.0, not understood yet.)
        return dest[1] == MP_OBJ_NULL ? dest[0] : mp_obj_new_bound_meth(dest[0], dest[1]);
    }
    mp_obj_t r = mpcy_type_load_attr(o, attr, true);
    const mp_obj_type_t *t = MP_OBJ_TO_PTR(o);
    if (mp_obj_is_instance_type(t) || MPCY_IS_SPEC_TYPE(t)) {
        return r;
    }
    if (mp_obj_is_type(r, &mp_type_bound_meth)) {
        // A class method of a built-in type (`dict.fromkeys`; `bool.from_bytes`,
        // the layer's, on a type without locals), bound to it.
        mpcy_bound_meth_t *b = MP_OBJ_TO_PTR(r);
        return mpcy_is_native_fun(b->meth) ? mpcy_native_method_new(t, attr, b->meth, b->self) : r;
    }
    if (!MP_OBJ_TYPE_HAS_SLOT(t, locals_dict)) {
        return r;
    }
    mp_map_t *locals = &MP_OBJ_TYPE_GET_SLOT(t, locals_dict)->map;
    mp_map_elem_t *e = MPCY_NO_RAISE(mp_map_lookup(locals, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP)); // a built-in type's ROM map: qstr keys
    if (e == NULL || !mpcy_is_native_fun(e->value)) {
        return r;
    }
    return mpcy_native_method_new(t, attr, e->value, MP_OBJ_NULL);
}

// sys.attr as Cython code set it (sysmodule.c), or MP_OBJ_NULL.
static inline mp_obj_t mpcy_sys_attr(mp_obj_t o, qstr attr) {
    return o == MP_OBJ_FROM_PTR(&mp_module_sys) ? mpcy_sys_get(attr) : MP_OBJ_NULL;
}

// A module global, or a member of a plain MicroPython instance: read
// straight from the map, where mp_load_attr looks first (module globals,
// instance members before the class); MP_OBJ_NULL if not there.
static inline mp_obj_t mpcy_getattr_fast(mp_obj_t o, mp_obj_t name) {
    if (!mp_obj_is_qstr(name) || !mp_obj_is_obj(o)) {
        return MP_OBJ_NULL;
    }
    const mp_obj_type_t *t = ((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type;
    mp_map_t *map;
    if (t == &mp_type_module && o != MP_OBJ_FROM_PTR(&mp_module_sys)) { // (sys: see mpcy_load_method)
        map = &((mp_obj_module_t *)MP_OBJ_TO_PTR(o))->globals->map;
    } else if (mp_obj_is_instance_type(t)) {
        map = mpcy_instance_members(o);
    } else {
        return MP_OBJ_NULL;
    }
    if (!mpcy_map_lookup_cannot_raise(map, name)) {
        return MP_OBJ_NULL;
    }
    mp_map_elem_t *e = MPCY_NO_RAISE(mp_map_lookup(map, name, MP_MAP_LOOKUP)); // qstrs only
    return e != NULL ? e->value : MP_OBJ_NULL;
}

// obj.attr as a method load (no bound method object): a module's global, a
// MicroPython instance's __dict__, the codec methods MicroPython lacks and
// CPython's bytearray.append, then MicroPython's, then a built-in object's
// special methods and the methods MicroPython lacks (mpcy_native_attr).
void mpcy_load_method(mp_obj_t o, qstr attr, mp_obj_t *dest) {
    dest[1] = MP_OBJ_NULL;
    // a module's function (asyncio.sleep), as MicroPython's module_attr finds it
    if (mp_obj_is_type(o, &mp_type_module) && (dest[0] = mpcy_getattr_fast(o, MP_OBJ_NEW_QSTR(attr))) != MP_OBJ_NULL) {
        return;
    }
    if ((dest[0] = mpcy_sys_attr(o, attr)) != MP_OBJ_NULL) {
        return;
    }
    if (attr == MP_QSTR___dict__ && mp_obj_is_obj(o) && mp_obj_is_instance_type(mp_obj_get_type(o))
        && mpcy_spec_type(mp_obj_get_type(o)) == NULL) {
        // writable, as CPython's (mpcy_instancedict.c)
        dest[0] = mpcy_instance_dict_new(o);
        dest[1] = MP_OBJ_NULL;
        return;
    }
    dest[0] = mpcy_codec_method(o, attr);
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = mpcy_bytearray_method(o, attr);
    }
    dest[1] = o;
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    mp_load_method_maybe(o, attr, dest);
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = mpcy_is_native_fun(o) ? mpcy_native_fun_attr(o, attr)
            : mp_obj_is_type(o, &mp_type_bound_meth) ? mpcy_native_bound_attr(o, attr)
            : mpcy_native_attr(o, attr);
        dest[1] = MP_OBJ_NULL;
        if (dest[0] == MP_OBJ_NULL) {
            mp_load_method(o, attr, dest); // raises MicroPython's AttributeError
        }
    }
}

PyObject *PyObject_GetAttr(PyObject *o, PyObject *name) {
    mp_obj_t r = mpcy_getattr_fast(MPCY_OBJ(o), MPCY_OBJ(name));
    if (r != MP_OBJ_NULL) {
        return MPCY_PY(r);
    }
    MPCY_TRY(NULL, r = mpcy_load_attr(MPCY_OBJ(o), mpcy_qstr(name)));
    return MPCY_PY(r);
}

PyObject *PyObject_GetAttrString(PyObject *o, const char *name) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_load_attr(MPCY_OBJ(o), qstr_from_str(name)));
    return MPCY_PY(r);
}

int PyObject_GetOptionalAttr(PyObject *o, PyObject *name, PyObject **result) {
    mp_obj_t dest[2];
    qstr attr = 0;
    *result = NULL;
    MPCY_TRY(-1, attr = mpcy_qstr(name));
    mp_obj_t exc;
    dest[0] = mpcy_sys_attr(MPCY_OBJ(o), attr);
    dest[1] = MP_OBJ_NULL;
    MPCY_CATCH(exc, {
        if (dest[0] == MP_OBJ_NULL) {
            mp_load_method_maybe(MPCY_OBJ(o), attr, dest);
        }
    });
    if (exc != MP_OBJ_NULL) {
        if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_AttributeError))) {
            return 0;  // a class's __getattr__ said no
        }
        PyErr_SetRaisedException(MPCY_PY(exc));
        return -1;
    }
    if (dest[0] == MP_OBJ_NULL) {
        MPCY_TRY(-1, dest[0] = mp_obj_is_type(MPCY_OBJ(o), &mp_type_type)
            ? mpcy_type_load_attr(MPCY_OBJ(o), attr, false) : mpcy_native_attr(MPCY_OBJ(o), attr));
    }
    if (dest[0] == MP_OBJ_NULL) {
        return 0;
    }
    if (dest[1] != MP_OBJ_NULL) {
        MPCY_TRY(-1, dest[0] = mp_obj_new_bound_meth(dest[0], dest[1]));
    }
    *result = MPCY_PY(dest[0]);
    return 1;
}

// o.attr = v (MP_OBJ_NULL: del o.attr); sys's through sysmodule.c.
static void mpcy_store_attr(mp_obj_t o, qstr attr, mp_obj_t v) {
    if (o == MP_OBJ_FROM_PTR(&mp_module_sys)) {
        mpcy_sys_set(attr, v);
    } else {
        mp_store_attr(o, attr, v);
    }
}

int PyObject_SetAttr(PyObject *o, PyObject *name, PyObject *v) {
    if (v == NULL) {
        return PyObject_DelAttr(o, name);
    }
    // A member the plain MicroPython instance already has, in a class without
    // properties, descriptors or __setattr__: replaced in place, as
    // mp_store_attr does (no allocation, so nothing can raise).
    mp_obj_t x = MPCY_OBJ(o);
    if (mp_obj_is_qstr(MPCY_OBJ(name)) && mp_obj_is_obj(x)) {
        const mp_obj_type_t *t = ((mp_obj_base_t *)MP_OBJ_TO_PTR(x))->type;
        mp_map_t *members = mp_obj_is_instance_type(t) && !(t->flags & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) ? mpcy_instance_members(x) : NULL;
        if (members != NULL && mpcy_map_lookup_cannot_raise(members, MPCY_OBJ(name))) {
            mp_map_elem_t *e = MPCY_NO_RAISE(mp_map_lookup(members, MPCY_OBJ(name), MP_MAP_LOOKUP)); // qstrs only
            if (e != NULL) {
                e->value = MPCY_OBJ(v);
                return 0;
            }
        }
    }
    MPCY_TRY(-1, mpcy_store_attr(MPCY_OBJ(o), mpcy_qstr(name), MPCY_OBJ(v)));
    return 0;
}

int PyObject_SetAttrString(PyObject *o, const char *name, PyObject *v) {
    if (v == NULL) {
        return PyObject_DelAttrString(o, name);
    }
    MPCY_TRY(-1, mpcy_store_attr(MPCY_OBJ(o), qstr_from_str(name), MPCY_OBJ(v)));
    return 0;
}

int PyObject_DelAttr(PyObject *o, PyObject *name) {
    MPCY_TRY(-1, mpcy_store_attr(MPCY_OBJ(o), mpcy_qstr(name), MP_OBJ_NULL));
    return 0;
}

int PyObject_DelAttrString(PyObject *o, const char *name) {
    MPCY_TRY(-1, mpcy_store_attr(MPCY_OBJ(o), qstr_from_str(name), MP_OBJ_NULL));
    return 0;
}

int PyObject_HasAttr(PyObject *o, PyObject *name) {
    PyObject *r;
    int found = PyObject_GetOptionalAttr(o, name, &r);
    if (found < 0) {
        PyErr_Clear();
        return 0;
    }
    return found;
}

int PyObject_HasAttrString(PyObject *o, const char *name) {
    PyObject *r = NULL;
    int found = 0;
    MPCY_TRY(0, found = PyObject_GetOptionalAttr(o, MPCY_PY(MP_OBJ_NEW_QSTR(qstr_from_str(name))), &r));
    if (found < 0) {
        PyErr_Clear();
        return 0;
    }
    return found;
}

// The generic lookup: for spec types our own (descriptors, instance dict),
// for everything else MicroPython's.
PyObject *PyObject_GenericGetAttr(PyObject *o, PyObject *name) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mp_obj_t self = MPCY_OBJ(o);
    qstr attr = 0;
    MPCY_TRY(NULL, {
        attr = mpcy_qstr(name);
        if (MPCY_IS_SPEC_TYPE(mp_obj_get_type(self))) {
            mpcy_generic_attr(self, attr, dest);
        } else {
            mp_load_method_maybe(self, attr, dest);
        }
        if (dest[0] != MP_OBJ_NULL && dest[1] != MP_OBJ_NULL) {
            dest[0] = mp_obj_new_bound_meth(dest[0], dest[1]);
        }
    });
    if (dest[0] == MP_OBJ_NULL) {
        PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '%s'",
            mpcy_type_name(mp_obj_get_type(self)), qstr_str(attr));
        return NULL;
    }
    return MPCY_PY(dest[0]);
}

int PyObject_GenericSetAttr(PyObject *o, PyObject *name, PyObject *v) {
    mp_obj_t self = MPCY_OBJ(o);
    mp_obj_t dest[2] = { MP_OBJ_SENTINEL, v ? MPCY_OBJ(v) : MP_OBJ_NULL };
    qstr attr = 0;
    MPCY_TRY(-1, {
        attr = mpcy_qstr(name);
        if (MPCY_IS_SPEC_TYPE(mp_obj_get_type(self))) {
            mpcy_generic_attr(self, attr, dest);
        } else {
            if (v) {
                mp_store_attr(self, attr, MPCY_OBJ(v));
            } else {
                mp_store_attr(self, attr, MP_OBJ_NULL);
            }
            dest[0] = MP_OBJ_NULL;
        }
    });
    if (dest[0] != MP_OBJ_NULL) {
        PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '%s'",
            mpcy_type_name(mp_obj_get_type(self)), qstr_str(attr));
        return -1;
    }
    return 0;
}

PyObject *PyObject_GenericGetDict(PyObject *o, void *context) {
    (void)context;
    mpcy_type_t *st = mpcy_spec_type(mp_obj_get_type(MPCY_OBJ(o)));
    if (st == NULL || st->dictoffset <= 0) {
        PyErr_Format(PyExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    mp_obj_t *slot = (mp_obj_t *)((char *)o + st->dictoffset);
    if (*slot == MP_OBJ_NULL) {
        MPCY_TRY(NULL, *slot = mp_obj_new_dict(0));
    }
    return MPCY_PY(*slot);
}

int PyObject_GenericSetDict(PyObject *o, PyObject *v, void *context) {
    (void)context;
    mpcy_type_t *st = mpcy_spec_type(mp_obj_get_type(MPCY_OBJ(o)));
    if (st == NULL || st->dictoffset <= 0 || v == NULL || !PyDict_Check(v)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    if (mpcy_is_instance_dict(v) && (v = PyDict_Copy(v)) == NULL) {
        return -1; // another instance's __dict__: a spec type's is a dict of its own
    }
    *(mp_obj_t *)((char *)o + st->dictoffset) = MPCY_OBJ(v);
    return 0;
}

PyObject *PyObject_Dir(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(mp_load_global(MP_QSTR_dir), MPCY_OBJ(o)));
    return MPCY_PY(r);
}

PyObject *PyObject_Type(PyObject *o) {
    return MPCY_PY(mp_obj_get_type(MPCY_OBJ(o)));
}

// As CPython's: a class that is not a type (an enumeration of the layer's
// enum module, runtime/frozen/enum.py) answers by its __instancecheck__,
// also inside a tuple; MicroPython's isinstance() takes only types.
int PyObject_IsInstance(PyObject *inst, PyObject *cls) {
    mp_obj_t c = MPCY_OBJ(cls);
    mp_obj_t r = MP_OBJ_NULL;
    if (mp_obj_is_type(c, &mp_type_tuple)) {
        size_t n;
        mp_obj_t *items;
        mp_obj_tuple_get(c, &n, &items);
        for (size_t i = 0; i < n; i++) {
            int ok = PyObject_IsInstance(inst, MPCY_PY(items[i]));
            if (ok != 0) {
                return ok;
            }
        }
        return 0;
    }
    if (!mp_obj_is_type(c, &mp_type_type)) {
        mp_obj_t dest[3] = {MP_OBJ_NULL};
        MPCY_TRY(-1, mp_load_method_maybe(c, MP_QSTR___instancecheck__, dest));
        if (dest[0] != MP_OBJ_NULL) {
            dest[2] = MPCY_OBJ(inst);
            bool yes = false;
            MPCY_TRY(-1, yes = mp_obj_is_true(mp_call_method_n_kw(1, 0, dest)));
            return yes;
        }
    }
    MPCY_TRY(-1, r = mp_call_function_2(mp_load_global(MP_QSTR_isinstance), MPCY_OBJ(inst), c));
    return r == mp_const_true;
}

int PyObject_IsSubclass(PyObject *derived, PyObject *cls) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(-1, r = mp_call_function_2(mp_load_global(MP_QSTR_issubclass), MPCY_OBJ(derived), MPCY_OBJ(cls)));
    return r == mp_const_true;
}

PyObject *PyObject_SelfIter(PyObject *o) {
    return o;
}

// A Python class is asked for __call__, which its __getattr__ may answer by
// raising: then the object is taken as not callable.
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the exception, values set before
int PyCallable_Check(PyObject *o) {
    bool r = false;
    mp_obj_t failed;
    MPCY_CATCH(failed, r = mp_obj_is_callable(MPCY_OBJ(o)));
    return failed == MP_OBJ_NULL && r;
}
MPCY_CLOBBER_CHECKED_END

PyObject *_PyObject_New(PyTypeObject *type) {
    return PyType_GenericAlloc(type, 0);
}

PyObject *PyObject_Init(PyObject *o, PyTypeObject *type) {
    Py_SET_TYPE(o, type);
    return o;
}

// The GC owns every object: tracking and freeing are its business.
void PyObject_GC_Track(void *o) {
    (void)o;
}

void PyObject_GC_UnTrack(void *o) {
    (void)o;
}

void PyObject_GC_Del(void *o) {
    (void)o;
}

int PyObject_GC_IsFinalized(PyObject *o) {
    (void)o;
    return 0;
}

void _Py_Dealloc(PyObject *o) {
    (void)o;
}

// CPython's guard for a repr that reaches its own object again (a
// container holding itself): the objects whose repr is being made, in a
// list under "Py_Repr" in the thread's dict. Enter: 1 if O is in it, else
// 0 after adding it; -1 with an error (no memory, "Py_Repr" not a list).
static mp_obj_list_t *mpcy_repr_list(mp_obj_t dict, bool make) {
    mp_obj_t key = MP_OBJ_NEW_QSTR(MP_QSTR_Py_Repr);
    mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(dict), key, MP_MAP_LOOKUP);
    mp_obj_t l = e != NULL ? e->value : MP_OBJ_NULL;
    if (l == MP_OBJ_NULL) {
        if (!make) {
            return NULL;
        }
        l = mp_obj_new_list(0, NULL);
        mp_obj_dict_store(dict, key, l);
    }
    if (!mp_obj_is_exact_type(l, &mp_type_list)) {
        mp_raise_TypeError(MP_ERROR_TEXT("Py_Repr of the thread dict is not a list"));
    }
    return MP_OBJ_TO_PTR(l);
}

MPCY_CLOBBER_CHECKED // after MPCY_TRY raised: its return value only
int Py_ReprEnter(PyObject *o) {
    PyObject *d = PyThreadState_GetDict();
    if (d == NULL) {
        return 0; // as CPython without a thread state
    }
    int r = 0;
    MPCY_TRY(-1, {
        mp_obj_list_t *l = mpcy_repr_list(MPCY_OBJ(d), true);
        for (size_t i = l->len; i-- > 0 && r == 0;) {
            r = l->items[i] == MPCY_OBJ(o);
        }
        if (r == 0) {
            mp_obj_list_append(MP_OBJ_FROM_PTR(l), MPCY_OBJ(o));
        }
    });
    return r;
}
MPCY_CLOBBER_CHECKED_END

// Takes the last O out of the list; raises nothing and keeps a pending error.
MPCY_CLOBBER_CHECKED // after MPCY_CATCH raised: the list is not read
void Py_ReprLeave(PyObject *o) {
    PyObject *d = PyThreadState_GetDict(), *pending = PyErr_GetRaisedException();
    mp_obj_list_t *l = NULL;
    if (d != NULL) {
        mp_obj_t failed;
        MPCY_CATCH(failed, l = mpcy_repr_list(MPCY_OBJ(d), false));
        if (failed != MP_OBJ_NULL) {
            l = NULL;
        }
    }
    for (size_t i = l != NULL ? l->len : 0; i-- > 0;) {
        if (l->items[i] == MPCY_OBJ(o)) {
            memmove(&l->items[i], &l->items[i + 1], (l->len - i - 1) * sizeof(mp_obj_t));
            l->items[--l->len] = MP_OBJ_NULL;
            break;
        }
    }
    PyErr_SetRaisedException(pending);
}
MPCY_CLOBBER_CHECKED_END

int mpcy_enter_recursive_call(const char *where) {
    MPCY_TRY(-1, MP_STACK_CHECK());
    (void)where;
    return 0;
}

static mp_obj_t *mpcy_instance_dict(mp_obj_t self, mpcy_type_t *st) {
    return st->dictoffset > 0 ? (mp_obj_t *)((char *)MP_OBJ_TO_PTR(self) + st->dictoffset) : NULL;
}

// The attributes set on an instance of a cdef class with a built-in exception
// base, which has an instance dict in CPython (BaseException's): the members
// map of its MicroPython layout (mpcy_subnative_t), or NULL.
static mp_map_t *mpcy_exception_members(mp_obj_t self, mpcy_type_t *st) {
    if (st->native == NULL || !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(st->native), MP_OBJ_FROM_PTR(&mp_type_BaseException))) {
        return NULL;
    }
    return &((mpcy_subnative_t *)MP_OBJ_TO_PTR(self))->members;
}

// CPython's PyObject_GenericGetAttr/SetAttr over MicroPython's dest protocol.
void mpcy_generic_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    const mp_obj_type_t *type = mp_obj_get_type(self);
    mpcy_type_t *st = (mpcy_type_t *)type;
    if (attr == MP_QSTR___del__) {
        // The GC's finaliser hook runs tp_dealloc (cdef __dealloc__).
        if (dest[0] == MP_OBJ_NULL && mpcy_slot(st, Py_tp_dealloc) != NULL) {
            dest[0] = MP_OBJ_FROM_PTR(&mpcy_del_obj);
            dest[1] = self;
        }
        return;
    }
    mp_obj_t d = MP_OBJ_NULL;
    if (st->inst_descrs != MP_OBJ_NULL && mpcy_is_type_name(attr)) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(st->inst_descrs), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        d = e != NULL ? e->value : MP_OBJ_NULL;
    }
    if (d == MP_OBJ_NULL) {
        // A built-in base's attributes are its built-in part's (below).
        d = st->native != NULL ? mpcy_type_lookup_own(type, attr) : mpcy_type_lookup(type, attr);
    }
    mp_obj_t *idict = mpcy_instance_dict(self, st);
    mp_map_t *members = mpcy_exception_members(self, st);
    const mp_obj_type_t *dt = d != MP_OBJ_NULL ? mp_obj_get_type(d) : NULL;
    // The descriptor's type's slots, looked up once (NULL: not a spec type).
    mpcy_type_t *dst = dt != NULL ? mpcy_spec_type(dt) : NULL;
    descrgetfunc dget = dst != NULL ? (descrgetfunc)mpcy_slot(dst, Py_tp_descr_get) : NULL;
    if (dest[0] == MP_OBJ_NULL) {
        // Data descriptors first.
        if (dt == &mpcy_type_getset_descr || dt == &mpcy_type_member_descr) {
            dest[0] = mpcy_check(mp_obj_get_type(d) == &mpcy_type_getset_descr
                ? mpcy_getset_get(d, self) : mpcy_member_get(d, self));
            return;
        }
        #if MICROPY_PY_BUILTINS_PROPERTY
        if (dt == &mp_type_property) {
            const mp_obj_t *proxy = mp_obj_property_get(d);
            if (proxy[0] == mp_const_none) {
                mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("unreadable attribute"));
            }
            dest[0] = mp_call_function_1(proxy[0], self);
            return;
        }
        #endif
        if (dget != NULL && mpcy_slot(dst, Py_tp_descr_set) != NULL) {
            dest[0] = mpcy_check(dget(MPCY_PY(d), MPCY_PY(self), MPCY_PY(type)));
            return;
        }
        mp_map_t *imap = idict != NULL && *idict != MP_OBJ_NULL ? mp_obj_dict_get_map(*idict) : members;
        if (imap != NULL) {
            mp_map_elem_t *e = mp_map_lookup(imap, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
            if (e != NULL) {
                dest[0] = e->value;
                return;
            }
        }
        if (d != MP_OBJ_NULL) {
            if (dt == &mpcy_type_method_descr) {
                PyMethodDescrObject *md = MP_OBJ_TO_PTR(d);
                dest[0] = d;
                dest[1] = (md->d_method->ml_flags & METH_CLASS) ? MP_OBJ_FROM_PTR(type) : self;
                return;
            }
            if (dget != NULL) {
                if (dst->flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
                    // Call as a method without creating a bound object.
                    dest[0] = d;
                    dest[1] = self;
                } else {
                    dest[0] = mpcy_check(dget(MPCY_PY(d), MPCY_PY(self), MPCY_PY(type)));
                }
                return;
            }
            mp_convert_member_lookup(self, type, d, dest);
            return;
        }
        if (st->native != NULL) {
            // the built-in part's (a dict's keys, an exception's args), bound to it
            mp_load_method_maybe(mpcy_native_part(self), attr, dest);
            if (dest[0] != MP_OBJ_NULL) {
                return;
            }
        }
        if (attr == MP_QSTR___dict__ && idict != NULL) {
            if (*idict == MP_OBJ_NULL) {
                *idict = mp_obj_new_dict(0);
            }
            dest[0] = *idict;
        }
        return;
    }
    // Store (dest[1] is the value) or delete (dest[1] is MP_OBJ_NULL).
    if (dt == &mpcy_type_getset_descr || dt == &mpcy_type_member_descr) {
        int r = dt == &mpcy_type_getset_descr ? mpcy_getset_set(d, self, dest[1]) : mpcy_member_set(d, self, dest[1]);
        if (r < 0) {
            mpcy_err_raise();
        }
        dest[0] = MP_OBJ_NULL;
        return;
    }
    #if MICROPY_PY_BUILTINS_PROPERTY
    if (dt == &mp_type_property) {
        const mp_obj_t *proxy = mp_obj_property_get(d);
        mp_obj_t f = proxy[dest[1] == MP_OBJ_NULL ? 2 : 1];
        if (f == mp_const_none) {
            mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("can't set attribute"));
        }
        if (dest[1] == MP_OBJ_NULL) {
            mp_call_function_1(f, self);
        } else {
            mp_call_function_2(f, self, dest[1]);
        }
        dest[0] = MP_OBJ_NULL;
        return;
    }
    #endif
    descrsetfunc set = dt ? (descrsetfunc)mpcy_type_slot(dt, Py_tp_descr_set) : NULL;
    if (set != NULL) {
        if (set(MPCY_PY(d), MPCY_PY(self), dest[1] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[1])) < 0) {
            mpcy_err_raise();
        }
        dest[0] = MP_OBJ_NULL;
        return;
    }
    if (idict != NULL || members != NULL) {
        if (idict != NULL && *idict == MP_OBJ_NULL) {
            *idict = mp_obj_new_dict(0);
        }
        mp_map_t *map = idict != NULL ? mp_obj_dict_get_map(*idict) : members;
        if (dest[1] == MP_OBJ_NULL) {
            if (mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
                return;
            }
        } else {
            mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
        }
        dest[0] = MP_OBJ_NULL;
    }
}
