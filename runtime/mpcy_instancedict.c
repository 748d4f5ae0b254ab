// obj.__dict__ in Cython code, for an instance of a MicroPython class. In
// CPython it is the instance's own dict: `obj.__dict__[name] = value` sets an
// attribute (cached_property, propcache). MicroPython answers with a
// read-only copy. The layer answers with this object instead: its writes go
// to the instance's members map (where MicroPython keeps the attributes), its
// reads to a copy of that map made for the read. PyDict_Check and
// PyDict_CheckExact accept it and the PyDict_* functions work on the
// instance's map (dictobject.c: mpcy_dict_map_or_null); keys(), values(),
// items() and iteration are of a copy, not live (docs/classes.md). It cannot
// be a MicroPython dict: a dict owns its map, and the instance owns this one.
#include "mpcy.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t inst;
} mpcy_instance_dict_t;

mp_map_t *mpcy_instance_dict_map(mp_obj_t self) {
    return mpcy_instance_members(((mpcy_instance_dict_t *)MP_OBJ_TO_PTR(self))->inst);
}

mp_obj_t mpcy_instance_dict_new(mp_obj_t inst) {
    mpcy_instance_dict_t *d = mp_obj_malloc(mpcy_instance_dict_t, &mpcy_type_instance_dict);
    d->inst = inst;
    return MP_OBJ_FROM_PTR(d);
}

// A dict with the instance's items, for what only reads.
static mp_obj_t mpcy_instance_dict_copy(mp_obj_t self) {
    mp_obj_dict_t d = { .base = { &mp_type_dict }, .map = *mpcy_instance_dict_map(self) };
    return mp_obj_dict_copy(MP_OBJ_FROM_PTR(&d));
}

// An attribute name is a qstr in the members map, as mp_store_attr stores it.
static mp_obj_t mpcy_instance_dict_key(mp_obj_t key) {
    if (mp_obj_is_str(key)) {
        return MP_OBJ_NEW_QSTR(mp_obj_str_get_qstr(key));
    }
    mpcy_check_hashable(key); // CPython's TypeError
    return key;
}

static void mpcy_instance_dict_store(mp_obj_t self, mp_obj_t key, mp_obj_t value) {
    mp_map_lookup(mpcy_instance_dict_map(self), mpcy_instance_dict_key(key), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
}

static mp_obj_t mpcy_instance_dict_subscr(mp_obj_t self, mp_obj_t key, mp_obj_t value) {
    mp_map_lookup_kind_t kind = value == MP_OBJ_SENTINEL ? MP_MAP_LOOKUP : MP_MAP_LOOKUP_REMOVE_IF_FOUND;
    if (value != MP_OBJ_SENTINEL && value != MP_OBJ_NULL) {
        mpcy_instance_dict_store(self, key, value);
        return mp_const_none;
    }
    mp_map_elem_t *e = mp_map_lookup(mpcy_instance_dict_map(self), mpcy_instance_dict_key(key), kind);
    if (e == NULL) {
        mp_raise_type_arg(&mp_type_KeyError, key);
    }
    return value == MP_OBJ_SENTINEL ? e->value : mp_const_none;
}

static mp_obj_t mpcy_instance_dict_pop(size_t n_args, const mp_obj_t *args) {
    mp_map_elem_t *e = mp_map_lookup(mpcy_instance_dict_map(args[0]), mpcy_instance_dict_key(args[1]), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e != NULL) {
        return e->value;
    }
    if (n_args < 3) {
        mp_raise_type_arg(&mp_type_KeyError, args[1]);
    }
    return args[2];
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_instance_dict_pop_obj, 2, 3, mpcy_instance_dict_pop);

static mp_obj_t mpcy_instance_dict_setdefault(size_t n_args, const mp_obj_t *args) {
    mp_map_elem_t *e = mp_map_lookup(mpcy_instance_dict_map(args[0]), mpcy_instance_dict_key(args[1]), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == MP_OBJ_NULL) {
        e->value = n_args > 2 ? args[2] : mp_const_none;
    }
    return e->value;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_instance_dict_setdefault_obj, 2, 3, mpcy_instance_dict_setdefault);

// The last item, as CPython's LIFO popitem.
static mp_obj_t mpcy_instance_dict_popitem(mp_obj_t self) {
    mp_map_t *map = mpcy_instance_dict_map(self);
    for (size_t i = map->alloc; i-- > 0;) {
        if (mp_map_slot_is_filled(map, i)) {
            mp_obj_t kv[2] = { map->table[i].key, map->table[i].value };
            mp_map_lookup(map, kv[0], MP_MAP_LOOKUP_REMOVE_IF_FOUND);
            return mp_obj_new_tuple(2, kv);
        }
    }
    mp_raise_msg(&mp_type_KeyError, MP_ERROR_TEXT("popitem(): dictionary is empty"));
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_instance_dict_popitem_obj, mpcy_instance_dict_popitem);

static mp_obj_t mpcy_instance_dict_clear(mp_obj_t self) {
    mp_map_clear(mpcy_instance_dict_map(self));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_instance_dict_clear_obj, mpcy_instance_dict_clear);

// update(other=(), **kw): the arguments as MicroPython's dict.update reads
// them (a mapping or pairs, then the keywords), stored one by one.
static mp_obj_t mpcy_instance_dict_update(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_obj_t items = mp_obj_new_dict(0);
    size_t n_pos = n_args - 1, n_kw = 0;
    mp_obj_t *call = m_new(mp_obj_t, 2 + n_pos + 2 * kw->used);
    mp_load_method(items, MP_QSTR_update, call);
    if (n_pos > 0) {
        call[2] = args[1];
    }
    for (size_t i = 0; i < kw->alloc; i++) {
        if (mp_map_slot_is_filled(kw, i)) {
            call[2 + n_pos + 2 * n_kw] = kw->table[i].key;
            call[2 + n_pos + 2 * n_kw + 1] = kw->table[i].value;
            n_kw++;
        }
    }
    mp_call_method_n_kw(n_pos, n_kw, call);
    mp_map_t *src = mp_obj_dict_get_map(items);
    for (size_t i = 0; i < src->alloc; i++) {
        if (mp_map_slot_is_filled(src, i)) {
            mpcy_instance_dict_store(args[0], src->table[i].key, src->table[i].value);
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_instance_dict_update_obj, 1, mpcy_instance_dict_update);

static void mpcy_instance_dict_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // no attribute of a dict can be set
    }
    const mp_obj_base_t *f = attr == MP_QSTR_pop ? &mpcy_instance_dict_pop_obj.base
        : attr == MP_QSTR_setdefault ? &mpcy_instance_dict_setdefault_obj.base
        : attr == MP_QSTR_popitem ? &mpcy_instance_dict_popitem_obj.base
        : attr == MP_QSTR_clear ? &mpcy_instance_dict_clear_obj.base
        : attr == MP_QSTR_update ? &mpcy_instance_dict_update_obj.base : NULL;
    if (f != NULL) {
        dest[0] = MP_OBJ_FROM_PTR(f);
        dest[1] = self;
        return;
    }
    // what only reads (get, keys, items, values, copy, ...): the copy's
    mp_load_method_maybe(mpcy_instance_dict_copy(self), attr, dest);
}

static mp_obj_t mpcy_instance_dict_unary_op(mp_unary_op_t op, mp_obj_t self) {
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(mpcy_instance_dict_map(self)->used != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(mpcy_instance_dict_map(self)->used);
        case MP_UNARY_OP_HASH:
            mp_raise_TypeError(MP_ERROR_TEXT("unhashable type: 'dict'"));
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t mpcy_instance_dict_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op == MP_BINARY_OP_CONTAINS) {
        return mp_obj_new_bool(mp_map_lookup(mpcy_instance_dict_map(lhs), mpcy_instance_dict_key(rhs), MP_MAP_LOOKUP) != NULL);
    }
    if (mp_obj_is_type(rhs, &mpcy_type_instance_dict)) {
        rhs = mpcy_instance_dict_copy(rhs);
    }
    return mp_binary_op(op, mpcy_instance_dict_copy(lhs), rhs);
}

static mp_obj_t mpcy_instance_dict_getiter(mp_obj_t self, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    return mp_getiter(mpcy_instance_dict_copy(self), NULL);
}

static void mpcy_instance_dict_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind) {
    mp_obj_print_helper(print, mpcy_instance_dict_copy(self), kind);
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_instance_dict, MP_QSTR_dict, MP_TYPE_FLAG_ITER_IS_GETITER | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    print, mpcy_instance_dict_print,
    unary_op, mpcy_instance_dict_unary_op,
    binary_op, mpcy_instance_dict_binary_op,
    subscr, mpcy_instance_dict_subscr,
    iter, mpcy_instance_dict_getiter,
    attr, mpcy_instance_dict_attr);
