// dict (dictobject.h). Instances of Python subclasses of dict count as dicts
// (CPython's PyDict_Check); the functions work on their dict part.
#include "mpcy.h"

PyObject *PyDict_New(void) {
    MPCY_CHECK_INIT("PyDict_New");
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_dict(0));
    return MPCY_PY(r);
}

mp_map_t *mpcy_dict_map_or_null(PyObject *d) {
    if (d != NULL && mpcy_is_instance_dict(d)) {
        return mpcy_instance_dict_map(MPCY_OBJ(d));
    }
    if (d == NULL || !PyDict_Check(d)) {
        return NULL;
    }
    return mp_obj_dict_get_map(MPCY_OBJ(mpcy_as_native(d, &mp_type_dict)));
}

// The same, with CPython's SystemError for another object.
static mp_map_t *mpcy_dict_map(PyObject *d, const char *what) {
    mp_map_t *map = mpcy_dict_map_or_null(d);
    if (map == NULL) {
        mpcy_bad_type(d, what);
    }
    return map;
}

Py_ssize_t PyDict_Size(PyObject *d) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_Size");
    return map != NULL ? (Py_ssize_t)map->used : -1;
}

// A key lookup (or insertion, removal) with CPython's error for an
// unhashable key; NULL with no error set when the key is missing.
static mp_map_elem_t *mpcy_dict_lookup(mp_map_t *map, PyObject *key, mp_map_lookup_kind_t kind, bool *failed) {
    mp_map_elem_t *e = NULL;
    *failed = true;
    MPCY_TRY(NULL, {
        mpcy_check_hashable(MPCY_OBJ(key));
        e = mp_map_lookup(map, MPCY_OBJ(key), kind);
    });
    *failed = false;
    return e;
}

// A C string key: a qstr when one exists, as CPython's interned keys.
static PyObject *mpcy_str_key(const char *key) {
    mp_obj_t k = MP_OBJ_NULL;
    MPCY_TRY(NULL, k = mp_obj_new_str(key, strlen(key)));
    return MPCY_PY(k);
}

PyObject *PyDict_GetItemWithError(PyObject *d, PyObject *key) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_GetItemWithError");
    bool failed;
    mp_map_elem_t *e = map ? mpcy_dict_lookup(map, key, MP_MAP_LOOKUP, &failed) : NULL;
    return e ? MPCY_PY(e->value) : NULL;
}

// Errors (a wrong type, an unhashable key) are swallowed, as in CPython.
PyObject *PyDict_GetItem(PyObject *d, PyObject *key) {
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *r = PyDict_GetItemWithError(d, key);
    PyErr_SetRaisedException(saved);
    return r;
}

PyObject *PyDict_GetItemString(PyObject *d, const char *key) {
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *k = mpcy_str_key(key);
    PyObject *r = k ? PyDict_GetItemWithError(d, k) : NULL;
    PyErr_SetRaisedException(saved);
    return r;
}

int PyDict_GetItemRef(PyObject *d, PyObject *key, PyObject **result) {
    *result = PyDict_GetItemWithError(d, key);
    return *result ? 1 : (PyErr_Occurred() ? -1 : 0);
}

int PyDict_GetItemStringRef(PyObject *d, const char *key, PyObject **result) {
    PyObject *k = mpcy_str_key(key);
    if (k == NULL) {
        *result = NULL;
        return -1;
    }
    return PyDict_GetItemRef(d, k, result);
}

// The dict itself of a subclass instance is stored into (mpcy_dict_map).
int PyDict_SetItem(PyObject *d, PyObject *key, PyObject *v) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_SetItem");
    if (map != NULL && map->is_fixed) {
        // A dict in ROM (MicroPython's fixed maps), as mp_obj_dict_store.
        PyErr_SetString(PyExc_TypeError, "'dict' object does not support item assignment");
        return -1;
    }
    bool failed;
    mp_map_elem_t *e = map ? mpcy_dict_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND, &failed) : NULL;
    if (e == NULL) {
        return -1;
    }
    e->value = MPCY_OBJ(v);
    return 0;
}

int PyDict_SetItemString(PyObject *d, const char *key, PyObject *v) {
    PyObject *k = mpcy_str_key(key);
    return k ? PyDict_SetItem(d, k, v) : -1;
}

int PyDict_DelItem(PyObject *d, PyObject *key) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_DelItem");
    if (map == NULL) {
        return -1;
    }
    bool failed;
    if (mpcy_dict_lookup(map, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND, &failed) != NULL) {
        return 0;
    }
    if (!failed) {
        // KeyError(key), as CPython: the key itself is the argument.
        mp_obj_t e = MP_OBJ_NULL;
        MPCY_TRY(-1, e = mp_obj_new_exception_arg1(&mp_type_KeyError, MPCY_OBJ(key)));
        PyErr_SetRaisedException(MPCY_PY(e));
    }
    return -1;
}

int PyDict_DelItemString(PyObject *d, const char *key) {
    PyObject *k = mpcy_str_key(key);
    return k ? PyDict_DelItem(d, k) : -1;
}

int PyDict_Contains(PyObject *d, PyObject *key) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_Contains");
    bool failed = true;
    mp_map_elem_t *e = map ? mpcy_dict_lookup(map, key, MP_MAP_LOOKUP, &failed) : NULL;
    return failed ? -1 : e != NULL;
}

int PyDict_Next(PyObject *d, Py_ssize_t *pos, PyObject **key, PyObject **value) {
    mp_map_t *map = mpcy_dict_map_or_null(d);
    if (map == NULL) {
        return 0;
    }
    for (size_t i = *pos; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i)) {
            if (key) {
                *key = MPCY_PY(map->table[i].key);
            }
            if (value) {
                *value = MPCY_PY(map->table[i].value);
            }
            *pos = i + 1;
            return 1;
        }
    }
    return 0;
}

// A list of the keys, values or items (index 0, 1, 2) of a dict.
static PyObject *mpcy_dict_list(PyObject *d, int what, const char *fname) {
    mp_map_t *map = mpcy_dict_map(d, fname);
    if (map == NULL) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        r = mp_obj_new_list(0, NULL);
        for (size_t i = 0; i < map->alloc; i++) {
            if (mp_map_slot_is_filled(map, i)) {
                mp_obj_t *kv = &map->table[i].key;
                mp_obj_list_append(r, what == 2 ? mp_obj_new_tuple(2, kv) : kv[what]);
            }
        }
    });
    return MPCY_PY(r);
}

PyObject *PyDict_Keys(PyObject *d) {
    return mpcy_dict_list(d, 0, "PyDict_Keys");
}

PyObject *PyDict_Values(PyObject *d) {
    return mpcy_dict_list(d, 1, "PyDict_Values");
}

PyObject *PyDict_Items(PyObject *d) {
    return mpcy_dict_list(d, 2, "PyDict_Items");
}

PyObject *PyDict_Copy(PyObject *d) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_Copy");
    if (map == NULL) {
        return NULL;
    }
    // an instance's __dict__ as a dict that is only read; a dict keeps its type (OrderedDict)
    mp_obj_dict_t view = { .base = { &mp_type_dict }, .map = *map };
    mp_obj_t src = mpcy_is_instance_dict(d) ? MP_OBJ_FROM_PTR(&view) : MPCY_OBJ(mpcy_as_native(d, &mp_type_dict));
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_dict_copy(src));
    return MPCY_PY(r);
}

void PyDict_Clear(PyObject *d) {
    mp_map_t *map = mpcy_dict_map_or_null(d);
    if (map != NULL) {
        mp_map_clear(map);
    }
}

// As CPython: a dict is merged directly, any other mapping through its keys()
// and [key]; override 0 keeps existing keys, 2 raises KeyError for them.
int PyDict_Merge(PyObject *d, PyObject *other, int override) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_Merge");
    if (map == NULL || other == NULL) {
        return map == NULL ? -1 : mpcy_bad_type(other, "PyDict_Merge");
    }
    mp_obj_t o = MPCY_OBJ(other);
    MPCY_TRY(-1, {
        mp_obj_t keys;
        if (PyDict_Check(other)) {
            keys = mpcy_check(PyDict_Keys(other)); // NULL: its MemoryError
        } else {
            mp_obj_t dest[2];
            mp_load_method(o, MP_QSTR_keys, dest);
            keys = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_list), mp_call_method_n_kw(0, 0, dest));
        }
        size_t n;
        mp_obj_t *items;
        mp_obj_list_get(keys, &n, &items);
        for (size_t i = 0; i < n; i++) {
            if (override != 1 && mp_map_lookup(map, items[i], MP_MAP_LOOKUP) != NULL) {
                if (override == 2) {
                    nlr_raise(mp_obj_new_exception_arg1(&mp_type_KeyError, items[i]));
                }
                continue;
            }
            mp_map_lookup(map, items[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mp_obj_subscr(o, items[i], MP_OBJ_SENTINEL);
        }
    });
    return 0;
}

mp_obj_t mpcy_dict_from(mp_obj_t x) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    if (!mp_obj_is_exact_type(x, &mp_type_dict)) {
        mp_load_method_maybe(x, MP_QSTR_keys, dest);
    }
    if (dest[0] == MP_OBJ_NULL) {
        return mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_dict), x);
    }
    mp_obj_t d = mp_obj_new_dict(0);
    if (PyDict_Merge(MPCY_PY(d), MPCY_PY(x), 1) < 0) {
        mpcy_err_raise();
    }
    return d;
}

int PyDict_Update(PyObject *d, PyObject *other) {
    return PyDict_Merge(d, other, 1);
}

PyObject *PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *deflt) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_SetDefault");
    bool failed = true;
    mp_map_elem_t *e = map ? mpcy_dict_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND, &failed) : NULL;
    if (e == NULL) {
        return NULL;
    }
    if (e->value == MP_OBJ_NULL) {
        e->value = MPCY_OBJ(deflt);
    }
    return MPCY_PY(e->value);
}

int PyDict_Pop(PyObject *d, PyObject *key, PyObject **result) {
    mp_map_t *map = mpcy_dict_map(d, "PyDict_Pop");
    bool failed = true;
    mp_map_elem_t *e = map ? mpcy_dict_lookup(map, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND, &failed) : NULL;
    if (result) {
        *result = e ? MPCY_PY(e->value) : NULL;
    }
    return failed ? -1 : e != NULL;
}

PyObject *PyDictProxy_New(PyObject *mapping) {
    return mapping;
}
