// A type made from a PyType_Spec as a MicroPython type: its MicroPython slots
// (make_new, print, call, unary_op, binary_op, attr, subscr, iter, buffer,
// and __del__ for tp_dealloc) call the CPython slots it was given, and raise
// their errors with nlr (MicroPython calling a C slot; the reverse is
// mpcy_subclass.c).
#include "mpcy.h"

void mpcy_run_finaliser(destructor d, mp_obj_t self) {
    // A collection can run while an error is pending (an allocation on
    // the error path): keep that error out of the destructor's way.
    PyObject *pending = PyErr_GetRaisedException();
    d(MPCY_PY(self));
    if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(MPCY_PY(self));
    }
    PyErr_SetRaisedException(pending);
}

static mp_obj_t mpcy_del(mp_obj_t self) {
    destructor d = (destructor)mpcy_type_slot(mp_obj_get_type(self), Py_tp_dealloc);
    if (d != NULL) {
        mpcy_run_finaliser(d, self);
    }
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mpcy_del_obj, mpcy_del);

// A method of the type itself, loaded from Python code (asyncio's
// coro.send on every resume of a task): what mpcy_generic_attr finds first
// for an instance without a dict or a built-in part, when the memo knows
// where the name is in the type's own dict; else MP_OBJ_NULL.
static inline mp_obj_t mpcy_own_method(mpcy_type_t *st, qstr attr) {
    if (st->native != NULL || st->dictoffset > 0 || attr == MP_QSTR___del__ || mpcy_is_type_name(attr)) {
        return MP_OBJ_NULL;
    }
    mp_obj_t d = mpcy_type_own_memo((const mp_obj_type_t *)st, attr);
    return d != MP_OBJ_NULL && mp_obj_is_type(d, &mpcy_type_method_descr) ? d : MP_OBJ_NULL;
}

static void mpcy_type_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    mpcy_type_t *st = (mpcy_type_t *)((mp_obj_base_t *)MP_OBJ_TO_PTR(self))->type; // an instance of the spec type
    getattrofunc ga = (getattrofunc)mpcy_slot(st, Py_tp_getattro);
    if (dest[0] == MP_OBJ_NULL && (ga == NULL || ga == PyObject_GenericGetAttr)) {
        mp_obj_t d = mpcy_own_method(st, attr);
        if (d != MP_OBJ_NULL) {
            dest[0] = d;
            dest[1] = (((PyMethodDescrObject *)MP_OBJ_TO_PTR(d))->d_method->ml_flags & METH_CLASS) ? MP_OBJ_FROM_PTR(st) : self;
            return;
        }
    }
    setattrofunc sa = (setattrofunc)mpcy_slot(st, Py_tp_setattro);
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
    bool load = dest[0] == MP_OBJ_NULL;
    mpcy_generic_attr(self, attr, dest);
    if (load && dest[0] == MP_OBJ_NULL) {
        mpcy_special_method_attr(self, attr, dest);
    }
}

mp_obj_t mpcy_type_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpcy_type_t *st = (mpcy_type_t *)type;
    newfunc tp_new = (newfunc)mpcy_slot(st, Py_tp_new);
    if (tp_new == NULL || (st->flags & Py_TPFLAGS_DISALLOW_INSTANTIATION)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("cannot create '%s' instances"), st->tp_name);
    }
    if (n_kw > 1) {
        mpcy_kw_unique(MP_OBJ_FROM_PTR(type), NULL, n_args, n_kw, args);
    }
    PyObject *targs, *kw;
    mpcy_split_args(n_args, n_kw, args, &targs, &kw);
    mpcy_reserved_t prev = mpcy_reserved;
    mp_obj_base_t *mine = NULL;
    if (st->itemsize == 0) {
        mine = mpcy_instance_new((PyTypeObject *)type, 0);
        mine->type = &mp_type_object;
        mpcy_reserved.type = (PyTypeObject *)type;
        mpcy_reserved.obj = mine;
    }
    PyObject *r = tp_new((PyTypeObject *)type, targs, kw);
    if (mine != NULL && mpcy_reserved.obj == mine) {
        // Not taken (a free list, another type's tp_new): given back now.
        gc_free(mine);
    }
    mpcy_reserved = prev;
    mp_obj_t o = mpcy_check(r);
    initproc init = (initproc)mpcy_slot(st, Py_tp_init);
    if (init != NULL && PyType_IsSubtype((PyTypeObject *)mp_obj_get_type(o), (PyTypeObject *)type)) {
        if (init(MPCY_PY(o), targs, kw) < 0) {
            mpcy_err_raise();
        }
    }
    return o;
}

static void mpcy_type_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    reprfunc f = (reprfunc)mpcy_slot(st, Py_tp_repr);
    if (kind != PRINT_REPR && mpcy_slot(st, Py_tp_str) != NULL) {
        f = (reprfunc)mpcy_slot(st, Py_tp_str);
    }
    if (f == NULL && st->native != NULL) {
        // The built-in part prints itself; an exception after its class's
        // name (CPython's repr and traceback line), as py/objtype.c's
        // instance_print does.
        mp_obj_t n = mpcy_native_part(self);
        if (mp_obj_is_exception_instance(n)) {
            if (kind != PRINT_STR) {
                mp_print_str(print, kind == PRINT_EXC ? st->tp_name : qstr_str(st->mp.name));
            }
            kind |= PRINT_EXC_SUBCLASS;
        }
        mp_obj_print_helper(print, n, kind);
        return;
    }
    if (f == NULL) {
        mp_printf(print, "<%s object at 0x%p>", st->tp_name, MP_OBJ_TO_PTR(self));
        return;
    }
    if (kind == PRINT_EXC && f == mpcy_slot(st, Py_tp_str)) {
        mp_printf(print, "%s: ", st->tp_name);
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
    if (n_kw > 1) {
        mpcy_kw_unique(self, NULL, n_args, n_kw, args);
    }
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
    ternaryfunc call = (ternaryfunc)mpcy_slot(st, Py_tp_call);
    PyObject *targs, *kw;
    mpcy_split_args(n_args, n_kw, args, &targs, &kw);
    return mpcy_check(call(MPCY_PY(self), targs, kw));
}

// What the built-in part of `self` answers to `op`, for an operation its cdef
// class does not define (as py/objtype.c's instance_unary_op); `dflt` when
// the built-in type has no unary operations, or when there is no such part.
static mp_obj_t mpcy_native_unary_op(const mpcy_type_t *st, mp_unary_op_t op, mp_obj_t self, mp_obj_t dflt) {
    if (st->native == NULL) {
        return dflt;
    }
    mp_obj_t n = mpcy_native_part(self);
    if (mp_obj_is_small_int(n)) {
        switch (op) {
            #if MICROPY_PY_BUILTINS_FLOAT
            case MP_UNARY_OP_FLOAT_MAYBE:
                return mp_obj_new_float((mp_float_t)MP_OBJ_SMALL_INT_VALUE(n));
            #endif
            case MP_UNARY_OP_BOOL:
            case MP_UNARY_OP_HASH:
            case MP_UNARY_OP_POSITIVE:
            case MP_UNARY_OP_NEGATIVE:
            case MP_UNARY_OP_INVERT:
            case MP_UNARY_OP_ABS:
            case MP_UNARY_OP_INT_MAYBE:
                return mp_unary_op(op, n);
            default:
                return MP_OBJ_NULL;
        }
    }
    #if MICROPY_PY_BUILTINS_FLOAT
    if (op == MP_UNARY_OP_FLOAT_MAYBE && mp_obj_is_float(n)) {
        return n;
    }
    if (op == MP_UNARY_OP_INT_MAYBE && mp_obj_is_float(n)) {
        // float.__int__ (MicroPython's int() converts a float itself)
        return mp_obj_new_int_from_float(mp_obj_float_get(n));
    }
    #endif
    if (op == MP_UNARY_OP_INT_MAYBE && mp_obj_is_int(n)) {
        return n;
    }
    mp_unary_op_fun_t f = MP_OBJ_TYPE_GET_SLOT_OR_NULL(mp_obj_get_type(n), unary_op);
    return f != NULL ? f(op, n) : dflt;
}

// The length slot of a spec type (the mapping's first, as CPython's len()), or NULL.
static lenfunc mpcy_len_slot(const mpcy_type_t *st) {
    void *f = mpcy_slot(st, Py_mp_length);
    return (lenfunc)(f != NULL ? f : mpcy_slot(st, Py_sq_length));
}

// The MicroPython unary operators that call a unaryfunc slot, and the
// slots they try, in order (int() falls back on __index__, as CPython's).
static const struct {
    uint8_t op, slot;
} mpcy_unary_slots[] = {
    { MP_UNARY_OP_POSITIVE, Py_nb_positive },
    { MP_UNARY_OP_NEGATIVE, Py_nb_negative },
    { MP_UNARY_OP_INVERT, Py_nb_invert },
    { MP_UNARY_OP_ABS, Py_nb_absolute },
    { MP_UNARY_OP_INT_MAYBE, Py_nb_int },
    { MP_UNARY_OP_INT_MAYBE, Py_nb_index },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_UNARY_OP_FLOAT_MAYBE, Py_nb_float },
    #endif
};

static mp_obj_t mpcy_type_unary_op(mp_unary_op_t op, mp_obj_t self) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    PyObject *o = MPCY_PY(self);
    void *f = NULL; // the unaryfunc of the operations that have one
    switch (op) {
        case MP_UNARY_OP_BOOL:
        case MP_UNARY_OP_LEN: {
            inquiry b = op == MP_UNARY_OP_BOOL ? (inquiry)mpcy_slot(st, Py_nb_bool) : NULL;
            lenfunc len = mpcy_len_slot(st);
            if (b == NULL && len == NULL) {
                return mpcy_native_unary_op(st, op, self, MP_OBJ_NULL);
            }
            Py_ssize_t n = b != NULL ? b(o) : len(o);
            if (n < 0) {
                mpcy_err_raise();
            }
            return op == MP_UNARY_OP_BOOL ? mp_obj_new_bool(n != 0) : MP_OBJ_NEW_SMALL_INT(n);
        }
        case MP_UNARY_OP_HASH: {
            hashfunc h = (hashfunc)mpcy_slot(st, Py_tp_hash);
            if (mpcy_natmod_fn((void *)h) == (void *)PyObject_HashNotImplemented || (h == NULL && mpcy_slot(st, Py_tp_richcompare) != NULL)) {
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unhashable type: '%s'"), st->tp_name);
            }
            if (h != NULL) {
                Py_hash_t v = h(o);
                if (v == -1 && PyErr_Occurred()) {
                    mpcy_err_raise();
                }
                // hash() shows __hash__'s value as CPython does when it fits.
                return MP_OBJ_NEW_SMALL_INT(MP_SMALL_INT_FITS(v) ? v : (Py_hash_t)(v & MP_SMALL_INT_POSITIVE_MASK));
            }
            // object's identity hash (MicroPython raises when unary_op declines)
            return mpcy_native_unary_op(st, op, self, MP_OBJ_NEW_SMALL_INT((mp_uint_t)self >> 2));
        }
        default:
            // the first of the operation's unaryfunc slots the type fills
            for (size_t i = 0; f == NULL && i < MP_ARRAY_SIZE(mpcy_unary_slots); i++) {
                if (mpcy_unary_slots[i].op == op) {
                    f = mpcy_slot(st, mpcy_unary_slots[i].slot);
                }
            }
            break;
    }
    return f != NULL ? mpcy_check(((unaryfunc)f)(o)) : mpcy_native_unary_op(st, op, self, MP_OBJ_NULL);
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

// The built-in part of `self` in a binary operation its cdef class does not
// define (as py/objtype.c's instance_binary_op); an `other` with a built-in
// part of the same type takes part with it (d1 == d2 compares two dicts).
static mp_obj_t mpcy_native_binary_op(const mpcy_type_t *st, mp_binary_op_t op, mp_obj_t self, mp_obj_t other) {
    if (st->native == NULL) {
        return MP_OBJ_NULL;
    }
    mp_obj_t n = mpcy_native_part(self);
    mp_obj_t o = MPCY_OBJ(mpcy_native(MPCY_PY(other), mp_obj_get_type(n)));
    o = o != MP_OBJ_NULL ? o : other;
    if (op >= MP_BINARY_OP_REVERSE_OR && op <= MP_BINARY_OP_REVERSE_POWER) {
        // `other op self`, which the left operand declined
        if (o == other && !mp_obj_is_small_int(n) && !MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(n), binary_op)) {
            return MP_OBJ_NULL;
        }
        return mp_binary_op(op - MP_BINARY_OP_REVERSE_OR + MP_BINARY_OP_OR, o, n);
    }
    if (!mp_obj_is_small_int(n) && !MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(n), binary_op)) {
        return MP_OBJ_NULL;
    }
    return mp_binary_op(op, n, o);
}

// CPython's comparison operator for each of MicroPython's (<, >, ==, <=, >=, !=).
static const uint8_t mpcy_py_cmp[] = { Py_LT, Py_GT, Py_EQ, Py_LE, Py_GE, Py_NE };

// `lhs op rhs` declined by lhs's richcompare: rhs's reflected comparison, as
// CPython tries it (a > b as b < a), from a cdef class's slot or a Python
// class's method; MP_OBJ_NULL when rhs declines too. (MicroPython reflects no
// comparison.)
static mp_obj_t mpcy_reflected_compare(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    // MicroPython's comparison operators in order: <, >, ==, <=, >=, !=
    static const uint8_t swapped[] = { MP_BINARY_OP_MORE, MP_BINARY_OP_LESS, MP_BINARY_OP_EQUAL,
                                       MP_BINARY_OP_MORE_EQUAL, MP_BINARY_OP_LESS_EQUAL, MP_BINARY_OP_NOT_EQUAL };
    mp_binary_op_t rop = swapped[op];
    const mp_obj_type_t *tb = mp_obj_get_type(rhs);
    richcmpfunc f = (richcmpfunc)mpcy_type_slot(tb, Py_tp_richcompare);
    if (f != NULL) {
        return mpcy_binop_result(f(MPCY_PY(rhs), MPCY_PY(lhs), mpcy_py_cmp[rop]));
    }
    if (!mp_obj_is_instance_type(tb)) {
        return MP_OBJ_NULL;
    }
    mp_obj_t dest[3];
    mp_load_method_maybe(rhs, mp_binary_op_method_name[rop], dest);
    if (dest[0] == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    dest[2] = lhs;
    mp_obj_t r = mp_call_method_n_kw(1, 0, dest);
    return r == mp_const_notimplemented ? MP_OBJ_NULL : r;
}

static mp_obj_t mpcy_type_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(lhs);
    PyObject *a = MPCY_PY(lhs), *b = MPCY_PY(rhs);
    if (op <= MP_BINARY_OP_NOT_EQUAL) {
        if (mpcy_slot(st, Py_tp_richcompare) == NULL) {
            return mpcy_native_binary_op(st, op, lhs, rhs);
        }
        mp_obj_t r = mpcy_binop_result(((richcmpfunc)mpcy_slot(st, Py_tp_richcompare))(a, b, mpcy_py_cmp[op]));
        return r != MP_OBJ_NULL ? r : mpcy_reflected_compare(op, lhs, rhs);
    }
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        int slot = mpcy_nb_inplace_slot[op - MP_BINARY_OP_INPLACE_OR];
        return mpcy_slot(st, slot) ? mpcy_call_nb(mpcy_slot(st, slot), slot, a, b) : mpcy_native_binary_op(st, op, lhs, rhs);
    }
    if (op >= MP_BINARY_OP_OR && op <= MP_BINARY_OP_POWER) {
        int slot = mpcy_nb_slot[op - MP_BINARY_OP_OR];
        return mpcy_slot(st, slot) ? mpcy_call_nb(mpcy_slot(st, slot), slot, a, b) : mpcy_native_binary_op(st, op, lhs, rhs);
    }
    if (op >= MP_BINARY_OP_REVERSE_OR && op <= MP_BINARY_OP_REVERSE_POWER) {
        // CPython calls the right operand's slot with the operands in order.
        int slot = mpcy_nb_slot[op - MP_BINARY_OP_REVERSE_OR];
        return mpcy_slot(st, slot) ? mpcy_call_nb(mpcy_slot(st, slot), slot, b, a) : mpcy_native_binary_op(st, op, lhs, rhs);
    }
    if (op == MP_BINARY_OP_DIVMOD && mpcy_slot(st, Py_nb_divmod)) {
        return mpcy_binop_result(((binaryfunc)mpcy_slot(st, Py_nb_divmod))(a, b));
    }
    if (op == MP_BINARY_OP_CONTAINS && mpcy_slot(st, Py_sq_contains)) {
        int r = ((objobjproc)mpcy_slot(st, Py_sq_contains))(a, b);
        if (r < 0) {
            mpcy_err_raise();
        }
        return mp_obj_new_bool(r);
    }
    return mpcy_native_binary_op(st, op, lhs, rhs);
}

static mp_obj_t mpcy_type_subscr(mp_obj_t self, mp_obj_t index, mp_obj_t value) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    PyObject *o = MPCY_PY(self);
    if (value == MP_OBJ_SENTINEL) {
        if (mpcy_slot(st, Py_mp_subscript)) {
            return mpcy_check(((binaryfunc)mpcy_slot(st, Py_mp_subscript))(o, MPCY_PY(index)));
        }
        if (mpcy_slot(st, Py_sq_item) && mp_obj_is_int(index)) {
            return mpcy_check(((ssizeargfunc)mpcy_slot(st, Py_sq_item))(o, mp_obj_get_int(index)));
        }
        return st->native != NULL ? mp_obj_subscr(mpcy_native_part(self), index, value) : MP_OBJ_NULL;
    }
    PyObject *v = value == MP_OBJ_NULL ? NULL : MPCY_PY(value);
    int r;
    if (mpcy_slot(st, Py_mp_ass_subscript)) {
        r = ((objobjargproc)mpcy_slot(st, Py_mp_ass_subscript))(o, MPCY_PY(index), v);
    } else if (mpcy_slot(st, Py_sq_ass_item) && mp_obj_is_int(index)) {
        r = ((ssizeobjargproc)mpcy_slot(st, Py_sq_ass_item))(o, mp_obj_get_int(index), v);
    } else {
        return st->native != NULL ? mp_obj_subscr(mpcy_native_part(self), index, value) : MP_OBJ_NULL;
    }
    if (r < 0) {
        mpcy_err_raise();
    }
    return mp_const_none;
}

static mp_obj_t mpcy_type_getiter(mp_obj_t self, mp_obj_iter_buf_t *iter_buf) {
    mpcy_type_t *st = (mpcy_type_t *)mp_obj_get_type(self);
    getiterfunc f = (getiterfunc)mpcy_slot(st, Py_tp_iter);
    if (f == NULL && st->native != NULL && mpcy_slot(st, Py_tp_iternext) == NULL) {
        return mp_getiter(mpcy_native_part(self), iter_buf);
    }
    if (f == NULL) {
        // MicroPython's `await x` is `yield from x`: a coroutine's iterator
        // is what its __await__ returns.
        f = (getiterfunc)mpcy_slot(st, Py_am_await);
    }
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
    iternextfunc f = (iternextfunc)mpcy_type_slot(mp_obj_get_type(self), Py_tp_iternext);
    if (f == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't an iterator"), mpcy_type_name(mp_obj_get_type(self)));
    }
    PyObject *r = f(MPCY_PY(self));
    if (r == NULL) {
        if (!PyErr_Occurred()) {
            return MP_OBJ_STOP_ITERATION;
        }
        if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
            // Exhausted; next() raises StopIteration(value) from the
            // value kept here, for-loops and list() just stop.
            mp_obj_t v = mp_obj_exception_get_value(MPCY_OBJ(PyErr_GetRaisedException()));
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
    getbufferproc f = (getbufferproc)mpcy_type_slot(mp_obj_get_type(self), Py_bf_getbuffer);
    if (f == NULL) {
        // only a cdef class with a built-in base gets here without its own
        return mp_get_buffer(mpcy_native_part(self), bufinfo, flags) ? 0 : 1;
    }
    Py_buffer view;
    memset(&view, 0, sizeof(view));
    if (f(MPCY_PY(self), &view, (flags & MP_BUFFER_WRITE) ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        return 1;
    }
    bufinfo->buf = view.buf;
    bufinfo->len = view.len;
    bufinfo->typecode = view.format ? view.format[0] : 'B';
    releasebufferproc rel = (releasebufferproc)mpcy_type_slot(mp_obj_get_type(self), Py_bf_releasebuffer);
    if (rel != NULL) {
        // MicroPython has no release step; the data stays owned by `self`.
        rel(MPCY_PY(self), &view);
    }
    return 0;
}
// At most 11 slots are set, the size of mp_obj_full_type_t's table; gcc cannot
// see that through the counter. (The macro reads its index twice: no n++ in it.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
void mpcy_type_set_slots(mpcy_type_t *t) {
    mp_obj_full_type_t *mt = &t->mp;
    size_t n = 0;
    // locals_dict first: Cython finds a type's dict at type.__dictoffset__.
    MP_OBJ_TYPE_SET_SLOT(mt, locals_dict, MP_OBJ_TO_PTR(mp_obj_new_dict(0)), n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, make_new, mpcy_type_make_new, n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, print, mpcy_type_print, n);
    n++;
    if (mpcy_slot(t, Py_tp_call) != NULL || t->vectorcalloffset > 0) {
        MP_OBJ_TYPE_SET_SLOT(mt, call, mpcy_type_call, n);
        n++;
    }
    MP_OBJ_TYPE_SET_SLOT(mt, unary_op, mpcy_type_unary_op, n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, binary_op, mpcy_type_binary_op, n);
    n++;
    MP_OBJ_TYPE_SET_SLOT(mt, attr, mpcy_type_attr, n);
    n++;
    const mp_obj_type_t *nt = t->native;
    if (mpcy_slot(t, Py_mp_subscript) || mpcy_slot(t, Py_sq_item) || mpcy_slot(t, Py_mp_ass_subscript) || mpcy_slot(t, Py_sq_ass_item)
        || (nt != NULL && MP_OBJ_TYPE_HAS_SLOT(nt, subscr))) {
        MP_OBJ_TYPE_SET_SLOT(mt, subscr, mpcy_type_subscr, n);
        n++;
    }
    if (mpcy_slot(t, Py_tp_iter) || mpcy_slot(t, Py_tp_iternext) || mpcy_slot(t, Py_am_await) || (nt != NULL && MP_OBJ_TYPE_HAS_SLOT(nt, iter))) {
        mt->flags |= MP_TYPE_FLAG_ITER_IS_CUSTOM;
        MP_OBJ_TYPE_SET_SLOT(mt, iter, &mpcy_type_iter, n);
        n++;
    }
    if (mpcy_slot(t, Py_bf_getbuffer) || (nt != NULL && MP_OBJ_TYPE_HAS_SLOT(nt, buffer))) {
        MP_OBJ_TYPE_SET_SLOT(mt, buffer, mpcy_type_buffer, n);
        n++;
    }
    if (t->base != NULL && t->base != &mp_type_object) {
        const void *parent = t->base;
        if (t->bases != NULL && PyTuple_GET_SIZE(t->bases) > 1) {
            // The bases, the layout base (tp_base) standing as t->base (a
            // Python subclass's shadow of it: mpcy_subclass.c).
            mp_obj_tuple_t *p = MP_OBJ_TO_PTR(mp_obj_new_tuple(PyTuple_GET_SIZE(t->bases), NULL));
            for (size_t i = 0; i < p->len; i++) {
                mp_obj_t x = MPCY_OBJ(PyTuple_GET_ITEM(t->bases, i));
                p->items[i] = MP_OBJ_TO_PTR(x) == mpcy_slot(t, Py_tp_base) ? MP_OBJ_FROM_PTR(t->base) : x;
            }
            parent = p;
        }
        MP_OBJ_TYPE_SET_SLOT(mt, parent, parent, n);
        n++;
    }
}
#pragma GCC diagnostic pop
