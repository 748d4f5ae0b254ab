// The methods of the built-in `object` that MicroPython lacks and Cython
// looks up: __reduce__ and __reduce_ex__ (pickling hooks Cython compares
// with), __getattribute__, __setattr__ and __delattr__ that work on
// instances of spec types, and __init__ for super().__init__().
#include "mpcy.h"

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

mp_obj_t mpcy_type_load_attr(mp_obj_t type, qstr attr, bool raise) {
    mp_obj_t dest[2];
    if (type == MP_OBJ_FROM_PTR(&mp_type_object)) {
        switch (attr) {
            case MP_QSTR___getattribute__:
                return MP_OBJ_FROM_PTR(&mpcy_object_getattribute_obj);
            case MP_QSTR___setattr__:
                return MP_OBJ_FROM_PTR(&mpcy_object_setattr_obj);
            case MP_QSTR___delattr__:
                return MP_OBJ_FROM_PTR(&mpcy_object_delattr_obj);
        }
    }
    mp_load_method_maybe(type, attr, dest);
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
    if (attr == MP_QSTR___reduce_ex__) {
        return MP_OBJ_FROM_PTR(&mpcy_object_reduce_ex_obj);
    }
    if (attr == MP_QSTR___reduce__) {
        return MP_OBJ_FROM_PTR(&mpcy_object_reduce_obj);
    }
    return raise ? mp_load_attr(type, attr) : MP_OBJ_NULL;
}

static mp_obj_t mpcy_object_init(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    (void)args;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_VAR(mpcy_object_init_obj, 1, mpcy_object_init);
