// slice (sliceobject.h).
#include "mpcy.h"

MPCY_CLOBBER_CHECKED
PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step) {
    // As mp_obj_new_slice, without raising (no nlr frame) unless the heap is full.
    mp_obj_slice_t *s = mpcy_obj_new_maybe(&mp_type_slice, sizeof(mp_obj_slice_t));
    if (s != NULL) {
        s->start = start ? MPCY_OBJ(start) : mp_const_none;
        s->stop = stop ? MPCY_OBJ(stop) : mp_const_none;
        s->step = step ? MPCY_OBJ(step) : mp_const_none;
        return MPCY_PY(MP_OBJ_FROM_PTR(s));
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_slice(start ? MPCY_OBJ(start) : mp_const_none,
        stop ? MPCY_OBJ(stop) : mp_const_none, step ? MPCY_OBJ(step) : mp_const_none));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

int PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step) {
    mp_obj_slice_t *sl = MP_OBJ_TO_PTR(MPCY_OBJ(slice));
    mp_obj_t a = sl->start, b = sl->stop, c = sl->step;
    *step = c == mp_const_none ? 1 : PyNumber_AsSsize_t(MPCY_PY(c), NULL);
    if (*step == 0) {
        PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
        return -1;
    }
    *start = a == mp_const_none ? (*step < 0 ? PY_SSIZE_T_MAX : 0) : PyNumber_AsSsize_t(MPCY_PY(a), NULL);
    *stop = b == mp_const_none ? (*step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX) : PyNumber_AsSsize_t(MPCY_PY(b), NULL);
    return PyErr_Occurred() ? -1 : 0;
}

Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    }
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

int PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength) {
    if (PySlice_Unpack(slice, start, stop, step) < 0) {
        return -1;
    }
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

// ---- subscripts MicroPython leaves out --------------------------------------------
// MicroPython's str, bytes, tuple and bytearray take no slice step, a list
// takes one only to read, and a bytearray deletes nothing;
// Cython's code reaches these through PyObject_GetItem/SetItem/DelItem and
// PySequence_DelSlice, which give CPython's result here.

static bool mpcy_slice_stepped(mp_obj_t key) {
    if (!mp_obj_is_type(key, &mp_type_slice)) {
        return false;
    }
    mp_obj_t step = ((mp_obj_slice_t *)MP_OBJ_TO_PTR(key))->step;
    return step != mp_const_none && step != MP_OBJ_NEW_SMALL_INT(1);
}

// The items o[key] selects in a sequence of `len`: *start, *step, the count.
// Raises.
static mp_int_t mpcy_slice_span(mp_obj_t key, size_t len, mp_int_t *start, mp_int_t *step) {
    Py_ssize_t a, b, c;
    if (PySlice_Unpack(MPCY_PY(key), &a, &b, &c) < 0) {
        mpcy_err_raise();
    }
    mp_int_t count = PySlice_AdjustIndices(len, &a, &b, c);
    *start = a;
    *step = c;
    return count;
}

// The bytes of a str, bytes or bytearray picked by a span (a str's by code
// point). Raises MemoryError.
static void mpcy_pick_bytes(vstr_t *v, const byte *d, size_t n, bool text, mp_int_t start, mp_int_t step, mp_int_t count) {
    size_t len = text ? utf8_charlen(d, n) : n;
    const byte **at = NULL;
    if (len != n) {
        // Multi-byte characters: where each one starts.
        at = m_new(const byte *, len);
        const byte *p = d;
        for (size_t i = 0; i < len; i++, p = utf8_next_char(p)) {
            at[i] = p;
        }
    }
    vstr_init(v, count);
    for (mp_int_t k = 0, i = start; k < count; k++, i += step) {
        if (at == NULL) {
            vstr_add_byte(v, d[i]);
        } else {
            vstr_add_strn(v, (const char *)at[i], utf8_next_char(at[i]) - at[i]);
        }
    }
    if (at != NULL) {
        m_del(const byte *, at, len);
    }
}

static mp_obj_t mpcy_slice_get(mp_obj_t o, mp_obj_t key) {
    mp_int_t start, step, count;
    if (mp_obj_is_type(o, &mp_type_tuple) || mp_obj_is_type(o, &mp_type_list)) {
        size_t len;
        mp_obj_t *items;
        mp_obj_get_array(o, &len, &items);
        count = mpcy_slice_span(key, len, &start, &step);
        mp_obj_t r = mp_obj_is_type(o, &mp_type_tuple) ? mp_obj_new_tuple(count, NULL) : mp_obj_new_list(count, NULL);
        mp_obj_t *r_items;
        mp_obj_get_array(r, &len, &r_items);
        for (mp_int_t k = 0; k < count; k++) {
            r_items[k] = items[start + k * step];
        }
        return r;
    }
    bool text = mp_obj_is_str(o);
    mp_buffer_info_t info;
    mp_get_buffer_raise(o, &info, MP_BUFFER_READ);
    size_t len = text ? utf8_charlen(info.buf, info.len) : info.len;
    count = mpcy_slice_span(key, len, &start, &step);
    vstr_t v;
    mpcy_pick_bytes(&v, info.buf, info.len, text, start, step, count);
    if (text) {
        return mp_obj_new_str_from_utf8_vstr(&v);
    }
    if (mp_obj_is_type(o, &mp_type_bytes)) {
        return mp_obj_new_bytes_from_vstr(&v);
    }
    mp_obj_t r = mp_obj_new_bytearray(v.len, v.buf);
    vstr_clear(&v);
    return r;
}

// A list's items, or a bytearray's bytes, replaced: o[:] = new. Raises.
static void mpcy_slice_replace_all(mp_obj_t o, mp_obj_t new_items) {
    mp_obj_t all = mp_obj_new_slice(mp_const_none, mp_const_none, mp_const_none);
    mp_obj_subscr(o, all, new_items);
}

// Is item i among the `count` items from `start` by `step`?
static bool mpcy_slice_has(mp_int_t i, mp_int_t start, mp_int_t step, mp_int_t count) {
    mp_int_t k = (i - start) / step;
    return (i - start) % step == 0 && k >= 0 && k < count;
}

// del o[key] of a list (stepped) or a bytearray (any slice). Raises.
static void mpcy_slice_delete(mp_obj_t o, mp_obj_t key) {
    mp_int_t start, step;
    if (mp_obj_is_type(o, &mp_type_list)) {
        size_t len;
        mp_obj_t *items;
        mp_obj_list_get(o, &len, &items);
        mp_int_t count = mpcy_slice_span(key, len, &start, &step);
        mp_obj_t kept = mp_obj_new_list(0, NULL);
        for (size_t i = 0; i < len; i++) {
            if (!mpcy_slice_has(i, start, step, count)) {
                mp_obj_list_append(kept, items[i]);
            }
        }
        mpcy_slice_replace_all(o, kept);
        return;
    }
    mp_buffer_info_t info;
    mp_get_buffer_raise(o, &info, MP_BUFFER_READ);
    mp_int_t count = mpcy_slice_span(key, info.len, &start, &step);
    vstr_t v;
    vstr_init(&v, info.len);
    for (size_t i = 0; i < info.len; i++) {
        if (!mpcy_slice_has(i, start, step, count)) {
            vstr_add_byte(&v, ((const byte *)info.buf)[i]);
        }
    }
    mpcy_slice_replace_all(o, mp_obj_new_bytes_from_vstr(&v));
}

// o[key] = value, key stepped, of a list or a bytearray: CPython's checks
// (an iterable of exactly as many items), the items stored in place. Raises.
// What a bytearray slice takes from `value`, as CPython: a buffer other
// than str, or an iterable of ints in range(0, 256) (MicroPython's own
// bytearray takes only buffers, str among them).
static mp_obj_t mpcy_bytearray_source(mp_obj_t value) {
    if (mp_obj_is_int(value) || mp_obj_is_str(value)) {
        mp_raise_TypeError(MP_ERROR_TEXT("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    mp_buffer_info_t src;
    if (mp_get_buffer(value, &src, MP_BUFFER_READ)) {
        return value;
    }
    const mp_obj_type_t *t = mp_obj_get_type(value);
    if (!MP_OBJ_TYPE_HAS_SLOT(t, iter) && !MP_OBJ_TYPE_HAS_SLOT(t, subscr)) {
        mpcy_raise(&mp_type_TypeError, "cannot convert '%s' object to bytearray", mpcy_type_name(t));
    }
    return mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytes), value);
}

static void mpcy_slice_set(mp_obj_t o, mp_obj_t key, mp_obj_t value) {
    mp_int_t start, step;
    if (mp_obj_is_type(o, &mp_type_list)) {
        const mp_obj_type_t *t = mp_obj_get_type(value);
        if (!MP_OBJ_TYPE_HAS_SLOT(t, iter) && !MP_OBJ_TYPE_HAS_SLOT(t, subscr)) {
            mp_raise_TypeError(MP_ERROR_TEXT("must assign iterable to extended slice"));
        }
        size_t n, len;
        mp_obj_t *new_items, *items;
        // A copy: the value may be the list itself.
        mp_obj_tuple_get(mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_tuple), value), &n, &new_items);
        mp_obj_list_get(o, &len, &items);
        mp_int_t count = mpcy_slice_span(key, len, &start, &step);
        if ((mp_int_t)n != count) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("attempt to assign sequence of size %d to extended slice of size %d"),
                (int)n, (int)count);
        }
        for (mp_int_t k = 0; k < count; k++) {
            items[start + k * step] = new_items[k];
        }
        return;
    }
    mp_buffer_info_t src, dst;
    mp_get_buffer_raise(mpcy_bytearray_source(value), &src, MP_BUFFER_READ);
    mp_get_buffer_raise(o, &dst, MP_BUFFER_WRITE);
    mp_int_t count = mpcy_slice_span(key, dst.len, &start, &step);
    if ((mp_int_t)src.len != count) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("attempt to assign bytes of size %d to extended slice of size %d"),
            (int)src.len, (int)count);
    }
    // From a copy: the value may share o's bytes (o itself, a memoryview).
    byte *from = memcpy(m_new(byte, count), src.buf, count);
    for (mp_int_t k = 0; k < count; k++) {
        ((byte *)dst.buf)[start + k * step] = from[k];
    }
    m_del(byte, from, count);
}

// The built-in sequences, whose subscripts CPython converts with __index__.
static bool mpcy_is_sequence(mp_obj_t o) {
    return mp_obj_is_str_or_bytes(o) || mp_obj_is_type(o, &mp_type_list) || mp_obj_is_type(o, &mp_type_tuple)
           || mp_obj_is_type(o, &mp_type_bytearray);
}

// mpcy_subscr past x[i] (apart, so that x[i] sets up no frame for it).
static MP_NOINLINE mp_obj_t mpcy_subscr_convert(mp_obj_t o, mp_obj_t key, mp_obj_t value) {
    if (mp_obj_is_dict_or_ordereddict(o)) {
        // MicroPython looks a list up by identity (KeyError): CPython refuses it.
        mpcy_check_hashable(key);
    }
    if (!mp_obj_is_int(key) && !mp_obj_is_bool(key) && mpcy_is_sequence(o) && PyIndex_Check(MPCY_PY(key))) {
        // a built-in sequence takes __index__ (MicroPython's __int__ first)
        key = mpcy_check(PyNumber_Index(MPCY_PY(key)));
    }
    bool stepped = mpcy_slice_stepped(key);
    bool list = mp_obj_is_type(o, &mp_type_list), bytearray = mp_obj_is_type(o, &mp_type_bytearray);
    if (value == MP_OBJ_SENTINEL && mp_obj_is_type(o, &mp_type_type)) {
        // Cls[item]: Cls.__class_getitem__(item), as CPython's PyObject_GetItem
        mp_obj_t dest[3];
        mp_load_method_maybe(o, MP_QSTR___class_getitem__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            if (dest[1] == MP_OBJ_NULL) {
                return mp_call_function_1(dest[0], key);
            }
            dest[2] = key;
            return mp_call_method_n_kw(1, 0, dest);
        }
    }
    if (value == MP_OBJ_SENTINEL) {
        // list too: MicroPython's own error messages differ.
        if (stepped && (mp_obj_is_str(o) || mp_obj_is_type(o, &mp_type_bytes) || mp_obj_is_type(o, &mp_type_tuple) || list || bytearray)) {
            return mpcy_slice_get(o, key);
        }
    } else if (value == MP_OBJ_NULL) {
        if (bytearray && !mp_obj_is_type(key, &mp_type_slice)) {
            // del b[i], which MicroPython's bytearray lacks: del b[i:i + 1]
            size_t i = mp_get_index(&mp_type_bytearray, mp_obj_get_int(mp_obj_len(o)), key, false);
            key = mp_obj_new_slice(MP_OBJ_NEW_SMALL_INT(i), MP_OBJ_NEW_SMALL_INT(i + 1), mp_const_none);
        }
        if ((stepped && list) || (bytearray && mp_obj_is_type(key, &mp_type_slice))) {
            mpcy_slice_delete(o, key);
            return mp_const_none;
        }
    } else if (stepped && (list || bytearray)) {
        mpcy_slice_set(o, key, value);
        return mp_const_none;
    } else if (bytearray && mp_obj_is_type(key, &mp_type_slice)) {
        value = mpcy_bytearray_source(value);
    } else if (list && mp_obj_is_type(key, &mp_type_slice) && !mp_obj_is_type(value, &mp_type_list) && !mp_obj_is_type(value, &mp_type_tuple)) {
        // any iterable, as CPython's (MicroPython's list takes a list or tuple)
        value = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_list), value);
    }
    return mp_obj_subscr(o, key, value);
}

mp_obj_t mpcy_subscr(mp_obj_t o, mp_obj_t key, mp_obj_t value) {
    // x[i], the common case, needs none of it but Cls[i] and del bytearray[i]
    if (mp_obj_is_small_int(key) && !mp_obj_is_type(o, &mp_type_type)
        && (value != MP_OBJ_NULL || !mp_obj_is_type(o, &mp_type_bytearray))) {
        return mp_obj_subscr(o, key, value);
    }
    return mpcy_subscr_convert(o, key, value);
}
