// Types created from PyType_Spec, as MicroPython types whose slots dispatch
// to the CPython slots they were given.
#include "mpcy.h"

// ---- lookup along the bases ------------------------------------------------
mp_obj_t mpcy_type_lookup(const mp_obj_type_t *type, qstr attr) {
    while (type != NULL && type != &mp_type_object) {
        if (MP_OBJ_TYPE_HAS_SLOT(type, locals_dict)) {
            mp_map_elem_t *e = mp_map_lookup(&MP_OBJ_TYPE_GET_SLOT(type, locals_dict)->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
            if (e != NULL) {
                return e->value;
            }
        }
        if (!MP_OBJ_TYPE_HAS_SLOT(type, parent)) {
            break;
        }
        const mp_obj_base_t *p = MP_OBJ_TYPE_GET_SLOT(type, parent);
        if (p->type == &mp_type_tuple) {
            const mp_obj_tuple_t *t = (const mp_obj_tuple_t *)p;
            for (size_t i = 0; i < t->len; i++) {
                mp_obj_t r = mpcy_type_lookup(MP_OBJ_TO_PTR(t->items[i]), attr);
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

static mp_obj_t *mpcy_instance_dict(mp_obj_t self, mpcy_type_t *st) {
    return st->dictoffset > 0 ? (mp_obj_t *)((char *)MP_OBJ_TO_PTR(self) + st->dictoffset) : NULL;
}

static mp_obj_t mpcy_del(mp_obj_t self) {
    destructor d = (destructor)mpcy_slot(mp_obj_get_type(self), Py_tp_dealloc);
    if (d != NULL) {
        // A collection can run while an error is pending (an allocation on
        // the error path): keep that error out of the destructor's way.
        mp_obj_t pending = mpcy_err_fetch();
        d(MPCY_PY(self));
        if (MPCY_ERR != MP_OBJ_NULL) {
            PyErr_WriteUnraisable(MPCY_PY(self));
        }
        MPCY_ERR = pending;
    }
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mpcy_del_obj, mpcy_del);

// CPython's PyObject_GenericGetAttr/SetAttr over MicroPython's dest protocol.
void mpcy_generic_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    const mp_obj_type_t *type = mp_obj_get_type(self);
    mpcy_type_t *st = (mpcy_type_t *)type;
    if (attr == MP_QSTR___del__) {
        // The GC's finaliser hook runs tp_dealloc (cdef __dealloc__).
        if (dest[0] == MP_OBJ_NULL && st->slots[Py_tp_dealloc] != NULL) {
            dest[0] = MP_OBJ_FROM_PTR(&mpcy_del_obj);
            dest[1] = self;
        }
        return;
    }
    mp_obj_t d = MP_OBJ_NULL;
    if (st->inst_descrs != MP_OBJ_NULL) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(st->inst_descrs), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        d = e != NULL ? e->value : MP_OBJ_NULL;
    }
    if (d == MP_OBJ_NULL) {
        d = mpcy_type_lookup(type, attr);
    }
    mp_obj_t *idict = mpcy_instance_dict(self, st);
    const mp_obj_type_t *dt = d != MP_OBJ_NULL ? mp_obj_get_type(d) : NULL;
    // The descriptor's type's slots, looked up once (NULL: not a spec type).
    mpcy_type_t *dst = dt != NULL ? mpcy_spec_type(dt) : NULL;
    descrgetfunc dget = dst != NULL ? (descrgetfunc)dst->slots[Py_tp_descr_get] : NULL;
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
        if (dget != NULL && dst->slots[Py_tp_descr_set] != NULL) {
            dest[0] = mpcy_check(dget(MPCY_PY(d), MPCY_PY(self), MPCY_PY(type)));
            return;
        }
        if (idict != NULL && *idict != MP_OBJ_NULL) {
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(*idict), MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
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
    descrsetfunc set = dt ? (descrsetfunc)mpcy_slot(dt, Py_tp_descr_set) : NULL;
    if (set != NULL) {
        if (set(MPCY_PY(d), MPCY_PY(self), dest[1] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[1])) < 0) {
            mpcy_err_raise();
        }
        dest[0] = MP_OBJ_NULL;
        return;
    }
    if (idict != NULL) {
        if (*idict == MP_OBJ_NULL) {
            *idict = mp_obj_new_dict(0);
        }
        mp_map_t *map = mp_obj_dict_get_map(*idict);
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

// ---- MicroPython slots of spec types -----------------------------------------
static void mpcy_type_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    getattrofunc ga = (getattrofunc)st->slots[Py_tp_getattro];
    setattrofunc sa = (setattrofunc)st->slots[Py_tp_setattro];
    if (dest[0] == MP_OBJ_NULL && ga != NULL && ga != PyObject_GenericGetAttr && attr != MP_QSTR___del__) {
        PyObject *r = ga(MPCY_PY(self), MPCY_PY(MP_OBJ_NEW_QSTR(attr)));
        if (r == NULL) {
            // The class's own AttributeError (its message) propagates;
            // getattr() with a default and hasattr() catch it.
            mpcy_err_raise();
        }
        dest[0] = MPCY_OBJ(r);
        return;
    }
    if (dest[0] == MP_OBJ_SENTINEL && sa != NULL && sa != PyObject_GenericSetAttr) {
        if (sa(MPCY_PY(self), MPCY_PY(MP_OBJ_NEW_QSTR(attr)), dest[1] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[1])) < 0) {
            mpcy_err_raise();
        }
        dest[0] = MP_OBJ_NULL;
        return;
    }
    mpcy_generic_attr(self, attr, dest);
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

mp_obj_t mpcy_type_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_type_t *st = (mpcy_type_t *)type;
    newfunc tp_new = (newfunc)st->slots[Py_tp_new];
    if (tp_new == NULL || (st->flags & Py_TPFLAGS_DISALLOW_INSTANTIATION)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("cannot create '%s' instances"), st->tp_name);
    }
    PyObject *targs, *kw;
    mpcy_split_args(n_args, n_kw, args, &targs, &kw);
    mp_obj_t o = mpcy_check(tp_new((PyTypeObject *)type, targs, kw));
    initproc init = (initproc)st->slots[Py_tp_init];
    if (init != NULL && PyType_IsSubtype((PyTypeObject *)mp_obj_get_type(o), (PyTypeObject *)type)) {
        if (init(MPCY_PY(o), targs, kw) < 0) {
            mpcy_err_raise();
        }
    }
    return o;
}

static void mpcy_type_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    reprfunc f = (reprfunc)st->slots[Py_tp_repr];
    if (kind != PRINT_REPR && st->slots[Py_tp_str] != NULL) {
        f = (reprfunc)st->slots[Py_tp_str];
    }
    if (f == NULL) {
        mp_printf(print, "<%s object at %p>", st->tp_name, MP_OBJ_TO_PTR(self));
        return;
    }
    mp_obj_t s = mpcy_check(f(MPCY_PY(self)));
    size_t len;
    const char *data = mp_obj_str_get_data(s, &len);
    mp_print_strn(print, data, len, 0, 0, 0);
}

static mp_obj_t mpcy_type_call(mp_obj_t self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    // Cython code calling Cython code never passes MicroPython's VM, which
    // checks the C stack: without this, unbounded recursion is a SIGSEGV
    // instead of MicroPython's RuntimeError (CPython's RecursionError).
    MP_STACK_CHECK();
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    if (st->vectorcalloffset > 0) {
        vectorcallfunc vc = *(vectorcallfunc *)((char *)MP_OBJ_TO_PTR(self) + st->vectorcalloffset);
        if (vc != NULL) {
            if (n_kw == 0) {
                return mpcy_check(vc(MPCY_PY(self), (PyObject *const *)args, n_args, NULL));
            }
            // MicroPython interleaves (name, value); vectorcall wants values then names.
            // The kwnames tuple is only read during the call (Cython copies what
            // it keeps), so a small one lives on the C stack.
            mp_obj_t buf[MPCY_STACK_ARGS];
            union {
                mp_obj_tuple_t t;
                mp_obj_t w[2 + MPCY_STACK_ARGS];
            } names_buf;
            mp_obj_t *vals = MPCY_ARGS_BUF(buf, n_args + n_kw);
            mp_obj_tuple_t *names;
            if (n_kw <= MPCY_STACK_ARGS) {
                names = &names_buf.t;
                names->base.type = &mp_type_tuple;
                names->len = n_kw;
            } else {
                names = MP_OBJ_TO_PTR(mp_obj_new_tuple(n_kw, NULL));
            }
            memcpy(vals, args, n_args * sizeof(mp_obj_t));
            for (size_t i = 0; i < n_kw; i++) {
                names->items[i] = args[n_args + 2 * i];
                vals[n_args + i] = args[n_args + 2 * i + 1];
            }
            return mpcy_check(vc(MPCY_PY(self), (PyObject *const *)vals, n_args, MPCY_PY(MP_OBJ_FROM_PTR(names))));
        }
    }
    ternaryfunc call = (ternaryfunc)st->slots[Py_tp_call];
    PyObject *targs, *kw;
    mpcy_split_args(n_args, n_kw, args, &targs, &kw);
    return mpcy_check(call(MPCY_PY(self), targs, kw));
}

static mp_obj_t mpcy_type_unary_op(mp_unary_op_t op, mp_obj_t self) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    void **s = st->slots;
    PyObject *o = MPCY_PY(self);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            if (s[Py_nb_bool]) {
                int r = ((inquiry)s[Py_nb_bool])(o);
                if (r < 0) {
                    mpcy_err_raise();
                }
                return mp_obj_new_bool(r);
            }
            if (s[Py_mp_length] || s[Py_sq_length]) {
                Py_ssize_t n = ((lenfunc)(s[Py_mp_length] ? s[Py_mp_length] : s[Py_sq_length]))(o);
                if (n < 0) {
                    mpcy_err_raise();
                }
                return mp_obj_new_bool(n != 0);
            }
            return MP_OBJ_NULL;
        case MP_UNARY_OP_LEN:
            if (s[Py_mp_length] || s[Py_sq_length]) {
                Py_ssize_t n = ((lenfunc)(s[Py_mp_length] ? s[Py_mp_length] : s[Py_sq_length]))(o);
                if (n < 0) {
                    mpcy_err_raise();
                }
                return MP_OBJ_NEW_SMALL_INT(n);
            }
            return MP_OBJ_NULL;
        case MP_UNARY_OP_HASH:
            if (s[Py_tp_hash] == (void *)PyObject_HashNotImplemented
                || (s[Py_tp_hash] == NULL && s[Py_tp_richcompare] != NULL)) {
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unhashable type: '%s'"), st->tp_name);
            }
            if (s[Py_tp_hash]) {
                Py_hash_t h = ((hashfunc)s[Py_tp_hash])(o);
                if (h == -1 && MPCY_ERR != MP_OBJ_NULL) {
                    mpcy_err_raise();
                }
                // hash() shows __hash__'s value as CPython does when it fits.
                return MP_OBJ_NEW_SMALL_INT(MP_SMALL_INT_FITS(h) ? h : (Py_hash_t)(h & MP_SMALL_INT_POSITIVE_MASK));
            }
            // object's identity hash (MicroPython raises when unary_op declines)
            return MP_OBJ_NEW_SMALL_INT((mp_uint_t)self >> 2);
        case MP_UNARY_OP_POSITIVE:
            return s[Py_nb_positive] ? mpcy_check(((unaryfunc)s[Py_nb_positive])(o)) : MP_OBJ_NULL;
        case MP_UNARY_OP_NEGATIVE:
            return s[Py_nb_negative] ? mpcy_check(((unaryfunc)s[Py_nb_negative])(o)) : MP_OBJ_NULL;
        case MP_UNARY_OP_INVERT:
            return s[Py_nb_invert] ? mpcy_check(((unaryfunc)s[Py_nb_invert])(o)) : MP_OBJ_NULL;
        case MP_UNARY_OP_ABS:
            return s[Py_nb_absolute] ? mpcy_check(((unaryfunc)s[Py_nb_absolute])(o)) : MP_OBJ_NULL;
        case MP_UNARY_OP_INT_MAYBE:
            if (s[Py_nb_int] || s[Py_nb_index]) {
                return mpcy_check(((unaryfunc)(s[Py_nb_int] ? s[Py_nb_int] : s[Py_nb_index]))(o));
            }
            return MP_OBJ_NULL;
        #if MICROPY_PY_BUILTINS_FLOAT
        case MP_UNARY_OP_FLOAT_MAYBE:
            return s[Py_nb_float] ? mpcy_check(((unaryfunc)s[Py_nb_float])(o)) : MP_OBJ_NULL;
        #endif
        default:
            return MP_OBJ_NULL;
    }
}

// MicroPython binary operators (from MP_BINARY_OP_OR on) to number slots.
static const uint8_t mpcy_nb_slot[] = {
    Py_nb_or, Py_nb_xor, Py_nb_and, Py_nb_lshift, Py_nb_rshift, Py_nb_add,
    Py_nb_subtract, Py_nb_multiply, Py_nb_matrix_multiply, Py_nb_floor_divide,
    Py_nb_true_divide, Py_nb_remainder, Py_nb_power,
};
static const uint8_t mpcy_nb_inplace_slot[] = {
    Py_nb_inplace_or, Py_nb_inplace_xor, Py_nb_inplace_and, Py_nb_inplace_lshift,
    Py_nb_inplace_rshift, Py_nb_inplace_add, Py_nb_inplace_subtract,
    Py_nb_inplace_multiply, Py_nb_inplace_matrix_multiply, Py_nb_inplace_floor_divide,
    Py_nb_inplace_true_divide, Py_nb_inplace_remainder, Py_nb_inplace_power,
};

static mp_obj_t mpcy_binop_result(PyObject *r) {
    if (r == Py_NotImplemented) {
        return MP_OBJ_NULL;
    }
    return mpcy_check(r);
}

static mp_obj_t mpcy_call_nb(void *f, int slot, PyObject *a, PyObject *b) {
    if (slot == Py_nb_power || slot == Py_nb_inplace_power) {
        return mpcy_binop_result(((ternaryfunc)f)(a, b, Py_None));
    }
    return mpcy_binop_result(((binaryfunc)f)(a, b));
}

static mp_obj_t mpcy_type_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(lhs);
    void **s = st->slots;
    PyObject *a = MPCY_PY(lhs), *b = MPCY_PY(rhs);
    if (op <= MP_BINARY_OP_NOT_EQUAL) {
        static const uint8_t cmp[] = { Py_LT, Py_GT, Py_EQ, Py_LE, Py_GE, Py_NE };
        if (s[Py_tp_richcompare] == NULL) {
            return MP_OBJ_NULL;
        }
        return mpcy_binop_result(((richcmpfunc)s[Py_tp_richcompare])(a, b, cmp[op]));
    }
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        int slot = mpcy_nb_inplace_slot[op - MP_BINARY_OP_INPLACE_OR];
        return s[slot] ? mpcy_call_nb(s[slot], slot, a, b) : MP_OBJ_NULL;
    }
    if (op >= MP_BINARY_OP_OR && op <= MP_BINARY_OP_POWER) {
        int slot = mpcy_nb_slot[op - MP_BINARY_OP_OR];
        return s[slot] ? mpcy_call_nb(s[slot], slot, a, b) : MP_OBJ_NULL;
    }
    if (op >= MP_BINARY_OP_REVERSE_OR && op <= MP_BINARY_OP_REVERSE_POWER) {
        // CPython calls the right operand's slot with the operands in order.
        int slot = mpcy_nb_slot[op - MP_BINARY_OP_REVERSE_OR];
        return s[slot] ? mpcy_call_nb(s[slot], slot, b, a) : MP_OBJ_NULL;
    }
    if (op == MP_BINARY_OP_DIVMOD && s[Py_nb_divmod]) {
        return mpcy_binop_result(((binaryfunc)s[Py_nb_divmod])(a, b));
    }
    if (op == MP_BINARY_OP_CONTAINS && s[Py_sq_contains]) {
        int r = ((objobjproc)s[Py_sq_contains])(a, b);
        if (r < 0) {
            mpcy_err_raise();
        }
        return mp_obj_new_bool(r);
    }
    return MP_OBJ_NULL;
}

static mp_obj_t mpcy_type_subscr(mp_obj_t self, mp_obj_t index, mp_obj_t value) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    void **s = st->slots;
    PyObject *o = MPCY_PY(self);
    if (value == MP_OBJ_SENTINEL) {
        if (s[Py_mp_subscript]) {
            return mpcy_check(((binaryfunc)s[Py_mp_subscript])(o, MPCY_PY(index)));
        }
        if (s[Py_sq_item] && mp_obj_is_int(index)) {
            return mpcy_check(((ssizeargfunc)s[Py_sq_item])(o, mp_obj_get_int(index)));
        }
        return MP_OBJ_NULL;
    }
    PyObject *v = value == MP_OBJ_NULL ? NULL : MPCY_PY(value);
    int r;
    if (s[Py_mp_ass_subscript]) {
        r = ((objobjargproc)s[Py_mp_ass_subscript])(o, MPCY_PY(index), v);
    } else if (s[Py_sq_ass_item] && mp_obj_is_int(index)) {
        r = ((ssizeobjargproc)s[Py_sq_ass_item])(o, mp_obj_get_int(index), v);
    } else {
        return MP_OBJ_NULL;
    }
    if (r < 0) {
        mpcy_err_raise();
    }
    return mp_const_none;
}

static mp_obj_t mpcy_type_getiter(mp_obj_t self, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    getiterfunc f = (getiterfunc)mpcy_slot(mp_obj_get_type(self), Py_tp_iter);
    if (f == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't iterable"), mpcy_type_name(mp_obj_get_type(self)));
    }
    mp_obj_t it = mpcy_check(f(MPCY_PY(self)));
    if (!MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(it), iter)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("iter() returned non-iterator of type '%s'"),
            mpcy_type_name(mp_obj_get_type(it)));
    }
    return it;
}

static mp_obj_t mpcy_type_iternext(mp_obj_t self) {
    iternextfunc f = (iternextfunc)mpcy_slot(mp_obj_get_type(self), Py_tp_iternext);
    if (f == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't an iterator"), mpcy_type_name(mp_obj_get_type(self)));
    }
    PyObject *r = f(MPCY_PY(self));
    if (r == NULL) {
        if (MPCY_ERR == MP_OBJ_NULL) {
            return MP_OBJ_STOP_ITERATION;
        }
        if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
            // Exhausted; next() raises StopIteration(value) from the
            // value kept here, for-loops and list() just stop.
            mp_obj_t v = mp_obj_exception_get_value(mpcy_err_fetch());
            return v == mp_const_none ? MP_OBJ_STOP_ITERATION : mp_make_stop_iteration(v);
        }
        mpcy_err_raise();
    }
    return MPCY_OBJ(r);
}

static const mp_getiter_iternext_custom_t mpcy_type_iter = {
    .getiter = mpcy_type_getiter,
    .iternext = mpcy_type_iternext,
};

static mp_int_t mpcy_type_buffer(mp_obj_t self, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    getbufferproc f = (getbufferproc)mpcy_slot(mp_obj_get_type(self), Py_bf_getbuffer);
    Py_buffer view;
    memset(&view, 0, sizeof(view));
    if (f(MPCY_PY(self), &view, (flags & MP_BUFFER_WRITE) ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        return 1;
    }
    bufinfo->buf = view.buf;
    bufinfo->len = view.len;
    bufinfo->typecode = view.format ? view.format[0] : 'B';
    releasebufferproc rel = (releasebufferproc)mpcy_slot(mp_obj_get_type(self), Py_bf_releasebuffer);
    if (rel != NULL) {
        // MicroPython has no release step; the data stays owned by `self`.
        rel(MPCY_PY(self), &view);
    }
    return 0;
}

// ---- creating types ---------------------------------------------------------
static const mp_obj_type_t *mpcy_base_of(PyObject *bases, PyType_Spec *spec) {
    if (bases != NULL) {
        if (PyTuple_Check(bases)) {
            return PyTuple_GET_SIZE(bases) > 0 ? MP_OBJ_TO_PTR(MPCY_OBJ(PyTuple_GET_ITEM(bases, 0))) : NULL;
        }
        return MP_OBJ_TO_PTR(MPCY_OBJ(bases));
    }
    for (PyType_Slot *s = spec->slots; s->slot; s++) {
        if (s->slot == Py_tp_base) {
            return s->pfunc;
        }
        if (s->slot == Py_tp_bases) {
            return mpcy_base_of(s->pfunc, spec);
        }
    }
    return NULL;
}

// At most 11 slots are set, the size of mp_obj_full_type_t's table; gcc cannot
// see that through the counter. (The macro reads its index twice: no n++ in it.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
void mpcy_type_set_slots(mpcy_type_t *t) {
    mp_obj_full_type_t *mt = &t->mp;
    void **s = t->slots;
    size_t n = 0;
    // locals_dict first: Cython finds a type's dict at type.__dictoffset__.
    MP_OBJ_TYPE_SET_SLOT(mt, locals_dict, MP_OBJ_TO_PTR(mp_obj_new_dict(0)), n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, make_new, mpcy_type_make_new, n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, print, mpcy_type_print, n);
    n++;
    if (s[Py_tp_call] != NULL || t->vectorcalloffset > 0) {
        MP_OBJ_TYPE_SET_SLOT(mt, call, mpcy_type_call, n);
    n++;
    }
    MP_OBJ_TYPE_SET_SLOT(mt, unary_op, mpcy_type_unary_op, n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, binary_op, mpcy_type_binary_op, n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, attr, mpcy_type_attr, n);
    n++;
    if (s[Py_mp_subscript] || s[Py_sq_item] || s[Py_mp_ass_subscript] || s[Py_sq_ass_item]) {
        MP_OBJ_TYPE_SET_SLOT(mt, subscr, mpcy_type_subscr, n);
    n++;
    }
    if (s[Py_tp_iter] || s[Py_tp_iternext]) {
        mt->flags |= MP_TYPE_FLAG_ITER_IS_CUSTOM;
        MP_OBJ_TYPE_SET_SLOT(mt, iter, &mpcy_type_iter, n);
    n++;
    }
    if (s[Py_bf_getbuffer]) {
        MP_OBJ_TYPE_SET_SLOT(mt, buffer, mpcy_type_buffer, n);
    n++;
    }
    if (t->base != NULL && t->base != &mp_type_object) {
        const void *parent = t->base;
        if (t->bases != NULL && PyTuple_GET_SIZE(t->bases) > 1) {
            parent = MP_OBJ_TO_PTR(MPCY_OBJ(t->bases));
        }
        MP_OBJ_TYPE_SET_SLOT(mt, parent, parent, n);
    n++;
    }
}
#pragma GCC diagnostic pop

// __init__ in a spec type's dict, calling its tp_init (CPython's slot
// wrapper), so super().__init__(...) and Base.__init__(self, ...) reach it.
typedef struct {
    mp_obj_base_t base;
    initproc init;
} mpcy_init_wrapper_t;

static mp_obj_t mpcy_init_wrapper_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_init_wrapper_t *w = MP_OBJ_TO_PTR(self_in);
    if (n_args < 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("descriptor '__init__' needs an argument"));
    }
    PyObject *targs, *kw;
    mpcy_split_args(n_args - 1, n_kw, args + 1, &targs, &kw);
    if (w->init(MPCY_PY(args[0]), targs, kw) < 0) {
        mpcy_err_raise();
    }
    return mp_const_none;
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_init_wrapper, MP_QSTR_wrapper_descriptor, MP_TYPE_FLAG_BINDS_SELF,
    call, mpcy_init_wrapper_call);

// Cls.__new__(cls, ...): the type's tp_new (__cinit__ runs, __init__ does not).
static mp_obj_t mpcy_spec_new(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    if (!mp_obj_is_type(args[0], &mp_type_type) || !MPCY_IS_SPEC_TYPE(MP_OBJ_TO_PTR(args[0]))) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("__new__(X): X is not a cdef class (got '%s')"),
            mpcy_type_name(mp_obj_get_type(args[0])));
    }
    mpcy_type_t *st = MP_OBJ_TO_PTR(args[0]);
    mp_obj_t kwargs = MP_OBJ_NULL;
    if (kw != NULL && kw->used > 0) {
        kwargs = mp_obj_new_dict(kw->used);
        for (size_t i = 0; i < kw->alloc; i++) {
            if (mp_map_slot_is_filled(kw, i)) {
                mp_obj_dict_store(kwargs, kw->table[i].key, kw->table[i].value);
            }
        }
    }
    newfunc f = (newfunc)st->slots[Py_tp_new];
    return mpcy_check(f((PyTypeObject *)st, MPCY_PY(mp_obj_new_tuple(n_args - 1, args + 1)), MPCY_PY(kwargs)));
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_spec_new_fun_obj, 1, mpcy_spec_new);
static MP_DEFINE_CONST_STATICMETHOD_OBJ(mpcy_spec_new_obj, MP_ROM_PTR(&mpcy_spec_new_fun_obj));

// A type's __module__, __qualname__ and __doc__ are strings, but its
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

static void mpcy_type_fill_dict(mpcy_type_t *t, PyType_Spec *spec) {
    mp_obj_t dict = MP_OBJ_FROM_PTR(MP_OBJ_TYPE_GET_SLOT(&t->mp, locals_dict));
    for (PyType_Slot *s = spec->slots; s->slot; s++) {
        if (s->slot == Py_tp_init) {
            mpcy_init_wrapper_t *w = mp_obj_malloc(mpcy_init_wrapper_t, &mpcy_type_init_wrapper);
            w->init = (initproc)s->pfunc;
            mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR___init__), MP_OBJ_FROM_PTR(w));
        }
        if (s->slot == Py_tp_methods) {
            for (PyMethodDef *m = s->pfunc; m->ml_name; m++) {
                mp_obj_t v = (m->ml_flags & METH_STATIC)
                    ? MPCY_OBJ(PyCFunction_NewEx(m, NULL, NULL))
                    : MPCY_OBJ(PyDescr_NewMethod((PyTypeObject *)t, m));
                if (v == MP_OBJ_NULL) {
                    mpcy_err_raise();
                }
                mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str(m->ml_name)), v);
            }
        } else if (s->slot == Py_tp_getset) {
            for (PyGetSetDef *g = s->pfunc; g->name; g++) {
                mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str(g->name)), MPCY_OBJ(PyDescr_NewGetSet((PyTypeObject *)t, g)));
            }
        } else if (s->slot == Py_tp_members) {
            for (PyMemberDef *m = s->pfunc; m->name; m++) {
                if (!strcmp(m->name, "__vectorcalloffset__") || !strcmp(m->name, "__dictoffset__") || !strcmp(m->name, "__weaklistoffset__")) {
                    continue;
                }
                mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str(m->name)), MPCY_OBJ(PyDescr_NewMember((PyTypeObject *)t, m)));
            }
        } else if (s->slot == Py_tp_doc && s->pfunc != NULL) {
            mpcy_store_type_name(t, dict, MP_QSTR___doc__, mp_obj_new_str(s->pfunc, strlen(s->pfunc)));
        }
    }
    if (t->slots[Py_tp_new] != NULL) {
        mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR___new__), MP_OBJ_FROM_PTR(&mpcy_spec_new_obj));
    }
    const char *dot = strrchr(spec->name, '.');
    if (dot != NULL) {
        mpcy_store_type_name(t, dict, MP_QSTR___module__, mp_obj_new_str(spec->name, dot - spec->name));
    }
    mpcy_store_type_name(t, dict, MP_QSTR___qualname__, mp_obj_new_str(dot ? dot + 1 : spec->name, strlen(dot ? dot + 1 : spec->name)));
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str("__basicsize__")), MP_OBJ_NEW_SMALL_INT(t->basicsize));
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(qstr_from_str("__itemsize__")), MP_OBJ_NEW_SMALL_INT(t->itemsize));
}

PyObject *PyType_FromMetaclass(PyTypeObject *metaclass, PyObject *module, PyType_Spec *spec, PyObject *bases) {
    // Types are always MicroPython types (their type is `type`); a metaclass
    // given here (Cython's common-types metaclass) only adds read-only
    // attributes and is not applied.
    (void)metaclass;
    mpcy_type_t *t = NULL;
    MPCY_TRY(NULL, {
        t = m_new0(mpcy_type_t, 1);
        const char *dot = strrchr(spec->name, '.');
        t->mp.base.type = &mp_type_type;
        t->mp.name = qstr_from_str(dot ? dot + 1 : spec->name);
        t->tp_name = spec->name;
        t->module = module;
        const mp_obj_type_t *base = mpcy_base_of(bases, spec);
        t->base = base ? base : &mp_type_object;
        if (t->base != &mp_type_object && t->base != &mp_type_type && mpcy_spec_type(t->base) == NULL) {
            // A MicroPython built-in's instances have their own layout and
            // constructor, which a spec type's slots cannot take over.
            mp_raise_msg_varg(&mp_type_TypeError,
                MP_ERROR_TEXT("cdef class %s: a built-in base ('%q') is not supported on MicroPython"),
                spec->name, t->base->name);
        }
        if (bases != NULL) {
            t->bases = PyTuple_Check(bases) ? bases : MPCY_PY(mp_obj_new_tuple(1, (mp_obj_t[]){MPCY_OBJ(bases)}));
        }
        mpcy_type_t *bt = mpcy_spec_type(t->base);
        if (bt != NULL) {
            // Inherit the base's slots and layout (CPython's inherit_slots).
            memcpy(t->slots, bt->slots, sizeof(t->slots));
            t->basicsize = bt->basicsize;
            t->itemsize = bt->itemsize;
            t->dictoffset = bt->dictoffset;
            t->vectorcalloffset = bt->vectorcalloffset;
            t->inst_descrs = bt->inst_descrs;
            t->flags = bt->flags & ~(Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION);
        } else {
            t->basicsize = sizeof(PyObject);
            t->slots[Py_tp_alloc] = (void *)PyType_GenericAlloc;
            t->slots[Py_tp_free] = (void *)PyObject_Free;
            if (t->base == &mp_type_object) {
                t->slots[Py_tp_new] = (void *)PyType_GenericNew;
            }
        }
        if (spec->basicsize > 0) {
            t->basicsize = spec->basicsize;
        }
        if (spec->itemsize > 0) {
            t->itemsize = spec->itemsize;
        }
        t->flags |= spec->flags | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_READY;
        for (PyType_Slot *s = spec->slots; s->slot; s++) {
            if (s->slot > 0 && s->slot < MPCY_SLOT_MAX) {
                t->slots[s->slot] = s->pfunc;
            }
            if (s->slot == Py_tp_members) {
                for (PyMemberDef *m = s->pfunc; m->name; m++) {
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
            t->bases = MPCY_PY(mp_obj_new_tuple(1, (mp_obj_t[]){MP_OBJ_FROM_PTR(t->base)}));
        }
        t->slots[Py_tp_base] = (void *)t->base;
        t->slots[Py_tp_bases] = t->bases;
        if ((t->flags & Py_TPFLAGS_METHOD_DESCRIPTOR) && t->slots[Py_tp_descr_get] != NULL) {
            // Functions stored in Python classes bind self, as CPython's do.
            t->mp.flags |= MP_TYPE_FLAG_BINDS_SELF;
        }
        if (t->slots[Py_tp_richcompare] != NULL) {
            t->mp.flags |= MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST;
        }
        mpcy_type_set_slots(t);
        mpcy_type_fill_dict(t, spec);
        mpcy_keep(t);
    });
    return MPCY_PY(MP_OBJ_FROM_PTR(t));
}

PyObject *PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec, PyObject *bases) {
    return PyType_FromMetaclass(NULL, module, spec, bases);
}

PyObject *PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases) {
    return PyType_FromMetaclass(NULL, NULL, spec, bases);
}

PyObject *PyType_FromSpec(PyType_Spec *spec) {
    return PyType_FromMetaclass(NULL, NULL, spec, NULL);
}

// type.__new__(meta, name, bases, dict), as Cython calls it for classes.
static PyObject *mpcy_type_tp_new(PyTypeObject *meta, PyObject *args, PyObject *kw) {
    (void)meta;
    return PyObject_Call((PyObject *)&PyType_Type, args, kw);
}

// tp_iternext for MicroPython iterators: NULL without an error at the end.
// tp_iternext of MicroPython's iterators: NULL at the end, with
// StopIteration(value) set when the iterator ended with a value.
static PyObject *mpcy_iternext(PyObject *o) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_iternext(MPCY_OBJ(o)));
    if (r == MP_OBJ_STOP_ITERATION) {
        mp_obj_t v = MP_STATE_THREAD(stop_iteration_arg);
        if (v != MP_OBJ_NULL && v != mp_const_none) {
            MPCY_ERR = mp_obj_new_exception_arg1(&mp_type_StopIteration, v);
        }
        return NULL;
    }
    return MPCY_PY(r);
}

static bool mpcy_class_has_next(const mp_obj_type_t *t) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mp_load_method_maybe(MP_OBJ_FROM_PTR(t), MP_QSTR___next__, dest);
    return dest[0] != MP_OBJ_NULL;
}

void *PyType_GetSlot(PyTypeObject *type, int slot) {
    if (slot <= 0 || slot >= MPCY_SLOT_MAX) {
        PyErr_BadInternalCall();
        return NULL;
    }
    mpcy_type_t *st = mpcy_spec_type(type);
    if (st != NULL) {
        return st->slots[slot];
    }
    // MicroPython's own types: what Cython asks of them, as generic calls.
    const mp_obj_type_t *t = (const mp_obj_type_t *)type;
    switch (slot) {
        case Py_tp_iternext:
            return (MP_OBJ_TYPE_HAS_SLOT(t, iter) && (t->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT))
                || (mp_obj_is_instance_type(t) && mpcy_class_has_next(t)) ? (void *)mpcy_iternext : NULL;
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
                return (void *)mpcy_type_tp_new;
            }
            return type == &PyBaseObject_Type ? (void *)PyType_GenericNew : NULL;
        case Py_tp_getattro:
            return (void *)PyObject_GenericGetAttr;
        case Py_tp_setattro:
            return (void *)PyObject_GenericSetAttr;
        case Py_tp_base:
            if (type == &PyBaseObject_Type) {
                return NULL;
            }
            return MP_OBJ_TYPE_HAS_SLOT(type, parent) ? (void *)MP_OBJ_TYPE_GET_SLOT(type, parent) : (void *)&mp_type_object;
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

PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems) {
    mpcy_type_t *st = mpcy_spec_type(type);
    size_t size = st ? (size_t)(st->basicsize + nitems * st->itemsize) : sizeof(PyObject);
    mp_obj_base_t *o = NULL;
    MPCY_TRY(NULL, {
        #if MICROPY_ENABLE_FINALISER
        if (st != NULL && st->slots[Py_tp_dealloc] != NULL) {
            o = m_malloc_with_finaliser(size);
        } else
        #endif
        {
            o = m_malloc(size);
        }
    });
    memset(o, 0, size);
    o->type = type;
    if (st != NULL && st->itemsize > 0) {
        ((PyVarObject *)o)->ob_size = nitems;
    }
    return (PyObject *)o;
}

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)args;
    (void)kwds;
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    return alloc(type, 0);
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
        mpcy_err_set(&mp_type_TypeError, "PyType_GetModule: Type '%s' has no associated module", qstr_str(type->name));
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
        mpcy_err_set(&mp_type_TypeError, "PyType_GetModuleByDef: No superclass of '%s' has the given module", qstr_str(type->name));
    }
    return m;
}
