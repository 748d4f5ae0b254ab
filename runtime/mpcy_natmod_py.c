// The natmod flavour (runtime/mpcy_natmod.c): MicroPython's own code that a
// natmod cannot reach in the firmware (outside mp_fun_table), written again
// from its public layouts: vstr and the printer, utf8, maps, objects,
// indices and sorting. Empty in every other build.
#include "mpcy.h"
#include "py/lexer.h"

#ifdef MPCY_NATMOD

// ---- vstr, the printer and the C library's formatting -------------------------
// py/vstr.c's growable buffer (its layout is py/misc.h's), on the GC heap.
void vstr_init(vstr_t *vstr, size_t alloc) {
    vstr->alloc = alloc < 1 ? 1 : alloc;
    vstr->len = 0;
    vstr->buf = m_malloc(vstr->alloc);
    vstr->fixed_buf = false;
}

void vstr_init_len(vstr_t *vstr, size_t len) {
    vstr_init(vstr, len + 1);
    vstr->len = len;
}

static void mpcy_natmod_vstr_strn(void *data, const char *str, size_t len) {
    vstr_add_strn((vstr_t *)data, str, len);
}

void vstr_init_print(vstr_t *vstr, size_t alloc, mp_print_t *print) {
    vstr_init(vstr, alloc);
    print->data = vstr;
    print->print_strn = mpcy_natmod_vstr_strn;
}

void vstr_clear(vstr_t *vstr) {
    if (!vstr->fixed_buf) {
        m_free(vstr->buf);
    }
    vstr->buf = NULL;
}

char *vstr_add_len(vstr_t *vstr, size_t len) {
    if (vstr->len + len > vstr->alloc) {
        if (vstr->fixed_buf) {
            mp_raise_msg(&mp_type_RuntimeError, "vstr overflow");
        }
        size_t alloc = vstr->len + len + 16;
        vstr->buf = m_realloc(vstr->buf, alloc);
        vstr->alloc = alloc;
    }
    char *p = vstr->buf + vstr->len;
    vstr->len += len;
    return p;
}

void vstr_add_strn(vstr_t *vstr, const char *str, size_t len) {
    memcpy(vstr_add_len(vstr, len), str, len);
}

void vstr_add_str(vstr_t *vstr, const char *str) {
    vstr_add_strn(vstr, str, strlen(str));
}

void vstr_add_byte(vstr_t *vstr, byte b) {
    *vstr_add_len(vstr, 1) = b;
}

// A code point as UTF-8 (py/vstr.c vstr_add_char).
void vstr_add_char(vstr_t *vstr, unichar c) {
    char buf[4];
    size_t n;
    if (c < 0x80) {
        buf[0] = c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = 0xc0 | (c >> 6);
        buf[1] = 0x80 | (c & 0x3f);
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = 0xe0 | (c >> 12);
        buf[1] = 0x80 | ((c >> 6) & 0x3f);
        buf[2] = 0x80 | (c & 0x3f);
        n = 3;
    } else {
        buf[0] = 0xf0 | (c >> 18);
        buf[1] = 0x80 | ((c >> 12) & 0x3f);
        buf[2] = 0x80 | ((c >> 6) & 0x3f);
        buf[3] = 0x80 | (c & 0x3f);
        n = 4;
    }
    vstr_add_strn(vstr, buf, n);
}

char *vstr_null_terminated_str(vstr_t *vstr) {
    vstr_add_byte(vstr, 0);
    vstr->len--;
    return vstr->buf;
}

void vstr_printf(vstr_t *vstr, const char *fmt, ...) {
    mp_print_t print = { vstr, mpcy_natmod_vstr_strn };
    va_list ap;
    va_start(ap, fmt);
    mp_vprintf(&print, fmt, ap);
    va_end(ap);
}

// (its flags are unsigned from 1.26)
#if MICROPY_VERSION >= MICROPY_MAKE_VERSION(1, 26, 0)
typedef unsigned int mpcy_print_flags_t;
#else
typedef int mpcy_print_flags_t;
#endif

int mp_print_strn(const mp_print_t *print, const char *str, size_t len, mpcy_print_flags_t flags, char fill, int width) {
    (void)flags; // padding on the left only
    int n = len;
    for (; width > (int)len; width--, n++) {
        print->print_strn(print->data, &fill, 1);
    }
    print->print_strn(print->data, str, len);
    return n;
}

int mp_print_str(const mp_print_t *print, const char *str) {
    size_t len = strlen(str);
    print->print_strn(print->data, str, len);
    return len;
}

// snprintf through MicroPython's printf: its conversions, not all of C's
// (no %lld, %e); the layer formats with what both have.
int vsnprintf(char *str, size_t size, const char *fmt, va_list ap) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 32, &print);
    mp_vprintf(&print, fmt, ap);
    if (size > 0) {
        size_t n = v.len < size - 1 ? v.len : size - 1;
        memcpy(str, v.buf, n);
        str[n] = 0;
    }
    vstr_clear(&v);
    return v.len;
}

MPCY_DEFINE_SNPRINTF(snprintf)

mp_obj_t mp_obj_new_str_from_vstr(vstr_t *vstr) {
    mp_obj_t s = mp_obj_new_str(vstr->buf, vstr->len);
    vstr_clear(vstr);
    return s;
}

mp_obj_t mp_obj_new_str_from_utf8_vstr(vstr_t *vstr) {
    return mp_obj_new_str_from_vstr(vstr);
}

mp_obj_t mp_obj_new_bytes_from_vstr(vstr_t *vstr) {
    mp_obj_t b = mp_obj_new_bytes((const byte *)vstr->buf, vstr->len);
    vstr_clear(vstr);
    return b;
}

// ---- utf8 and unichar (py/unicode.c: ASCII classes, UTF-8 steps) --------------
unichar utf8_get_char(const byte *s) {
    unichar c = *s;
    if (c < 0x80) {
        return c;
    }
    int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    c &= 0x3f >> n;
    while (n--) {
        c = (c << 6) | (*++s & 0x3f);
    }
    return c;
}

const byte *utf8_next_char(const byte *s) {
    ++s;
    while ((*s & 0xc0) == 0x80) {
        ++s;
    }
    return s;
}

size_t utf8_charlen(const byte *str, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += (str[i] & 0xc0) != 0x80;
    }
    return n;
}

bool unichar_isspace(unichar c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool unichar_isdigit(unichar c) {
    return c >= '0' && c <= '9';
}

bool unichar_isupper(unichar c) {
    return c >= 'A' && c <= 'Z';
}

bool unichar_islower(unichar c) {
    return c >= 'a' && c <= 'z';
}

bool unichar_isalpha(unichar c) {
    return unichar_isupper(c) || unichar_islower(c);
}

bool unichar_isalnum(unichar c) {
    return unichar_isalpha(c) || unichar_isdigit(c);
}

unichar unichar_tolower(unichar c) {
    return unichar_isupper(c) ? c + 32 : c;
}

unichar unichar_toupper(unichar c) {
    return unichar_islower(c) ? c - 32 : c;
}

// ---- Python-level equivalents ------------------------------------------------
mp_obj_t mp_obj_new_exception(const mp_obj_type_t *type) {
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(type), 0, 0, NULL);
}

mp_obj_t mp_obj_new_exception_msg(const mp_obj_type_t *type, mp_rom_error_text_t msg) {
    mp_obj_t arg = mp_obj_new_str((const char *)msg, strlen((const char *)msg));
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(type), 1, 0, &arg);
}

NORETURN void mp_raise_msg_varg(const mp_obj_type_t *type, mp_rom_error_text_t fmt, ...) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 32, &print);
    va_list ap;
    va_start(ap, fmt);
    mp_vprintf(&print, (const char *)fmt, ap);
    va_end(ap);
    mp_obj_t arg = mp_obj_new_str_from_vstr(&v);
    nlr_raise(mp_call_function_n_kw(MP_OBJ_FROM_PTR(type), 1, 0, &arg));
}

const char *mp_obj_get_type_str(mp_const_obj_t o) {
    return qstr_str(mp_obj_get_type(o)->name);
}

bool mp_obj_is_callable(mp_obj_t o) {
    return mp_obj_is_true(mp_call_function_n_kw(mpcy_natmod_builtin(MP_QSTR_callable), 1, 0, &o));
}

// py/obj.c: str and bytes, else the type's unary_op if it has one.
mp_obj_t mp_obj_len_maybe(mp_obj_t o) {
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (!MP_OBJ_TYPE_HAS_SLOT(t, unary_op)) {
        return MP_OBJ_NULL;
    }
    return MP_OBJ_TYPE_GET_SLOT(t, unary_op)(MP_UNARY_OP_LEN, o);
}

mp_obj_t mp_obj_dict_copy(mp_obj_t d) {
    return mp_call_function_n_kw(mp_load_attr(d, MP_QSTR_copy), 0, 0, NULL);
}

bool mp_obj_is_dict_or_ordereddict(mp_obj_t o) {
    return mp_obj_is_obj(o) && (mp_obj_get_type(o) == &mp_type_dict
        || mp_obj_get_type(o) == MP_OBJ_TO_PTR(mpcy_natmod_state.types[MPCY_NATMOD_T_ordereddict]));
}


// ---- Maps (py/map.c) -----------------------------------------------------------
// The firmware's dicts are read and written here too (globals, sys.modules):
// the probing, growth and deletion markers must be py/map.c's exactly, or
// the firmware misses what the module stored. The firmware's lookup cache
// (MICROPY_OPT_MAP_LOOKUP_CACHE) is left alone: it checks what it finds.
static const uint16_t mpcy_natmod_map_sizes[] = {
    0, 2, 4, 6, 8, 10, 12,
    17, 23, 29, 37, 47, 59, 73,
    97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161,
    3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
};

static size_t mpcy_natmod_map_size(size_t x) {
    for (size_t i = 0; i < MP_ARRAY_SIZE(mpcy_natmod_map_sizes); i++) {
        if (mpcy_natmod_map_sizes[i] >= x) {
            return mpcy_natmod_map_sizes[i];
        }
    }
    return (x + x / 2) | 1;
}

void mp_map_init_fixed_table(mp_map_t *map, size_t n, const mp_obj_t *table) {
    map->alloc = n;
    map->used = n;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 1;
    map->is_ordered = 1;
    map->table = (mp_map_elem_t *)table;
}

void mp_map_clear(mp_map_t *map) {
    if (!map->is_fixed) {
        m_free(map->table);
    }
    map->alloc = 0;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 0;
    map->table = NULL;
}

static void mpcy_natmod_map_rehash(mp_map_t *map) {
    size_t old_alloc = map->alloc;
    size_t new_alloc = mpcy_natmod_map_size(map->alloc + 1);
    mp_map_elem_t *old_table = map->table;
    mp_map_elem_t *new_table = m_malloc0(new_alloc * sizeof(mp_map_elem_t));
    map->alloc = new_alloc;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->table = new_table;
    for (size_t i = 0; i < old_alloc; i++) {
        if (old_table[i].key != MP_OBJ_NULL && old_table[i].key != MP_OBJ_SENTINEL) {
            mp_map_lookup(map, old_table[i].key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = old_table[i].value;
        }
    }
    m_free(old_table);
}

// A slot now holding INDEX (value MP_OBJ_NULL).
static mp_map_elem_t *mpcy_natmod_map_take(mp_map_t *map, mp_map_elem_t *slot, mp_obj_t index) {
    map->used++;
    slot->key = index;
    slot->value = MP_OBJ_NULL;
    if (!mp_obj_is_qstr(index)) {
        map->all_keys_are_qstrs = 0;
    }
    return slot;
}

// An ordered map (OrderedDict, a constant table): a linear search.
static mp_map_elem_t *mpcy_natmod_map_ordered(mp_map_t *map, mp_obj_t index, mp_map_lookup_kind_t kind, bool ptrs) {
    mp_map_elem_t *top = &map->table[map->used];
    for (mp_map_elem_t *elem = &map->table[0]; elem < top; elem++) {
        if (elem->key == index || (!ptrs && mp_obj_equal(elem->key, index))) {
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                // the rest moves down; the found one goes after the end
                mp_obj_t value = elem->value;
                --map->used;
                memmove(elem, elem + 1, (top - elem - 1) * sizeof(*elem));
                elem = &map->table[map->used];
                elem->key = MP_OBJ_NULL;
                elem->value = value;
            }
            return elem;
        }
    }
    if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
        return NULL;
    }
    if (map->used == map->alloc) {
        map->alloc += 4;
        map->table = m_realloc(map->table, map->alloc * sizeof(mp_map_elem_t));
        memset(map->table + map->used, 0, (map->alloc - map->used) * sizeof(mp_map_elem_t));
    }
    return mpcy_natmod_map_take(map, map->table + map->used, index);
}

mp_map_elem_t *mp_map_lookup(mp_map_t *map, mp_obj_t index, mp_map_lookup_kind_t kind) {
    // Keys compared by identity where all are qstrs and the index is one; a
    // str that is not interned by equality; anything else is not there.
    bool ptrs = map->all_keys_are_qstrs;
    if (ptrs && !mp_obj_is_qstr(index)) {
        if (mp_obj_is_exact_type(index, &mp_type_str)) {
            ptrs = false;
        } else if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
    }
    if (map->is_ordered) {
        return mpcy_natmod_map_ordered(map, index, kind, ptrs);
    }
    if (map->alloc == 0) {
        if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
        mpcy_natmod_map_rehash(map);
    }
    // a qstr's hash is its str's (qstr_hash)
    mp_uint_t hash = MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, index));
    size_t pos = hash % map->alloc;
    size_t start = pos;
    mp_map_elem_t *avail = NULL;
    for (;;) {
        mp_map_elem_t *slot = &map->table[pos];
        if (slot->key == MP_OBJ_NULL) {
            if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            return mpcy_natmod_map_take(map, avail != NULL ? avail : slot, index);
        } else if (slot->key == MP_OBJ_SENTINEL) {
            // a deleted entry: the first is where an added key goes
            if (avail == NULL) {
                avail = slot;
            }
        } else if (slot->key == index || (!ptrs && mp_obj_equal(slot->key, index))) {
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                // the value stays for the caller; a deletion marker unless
                // the next slot ends the chain anyway
                map->used--;
                slot->key = map->table[(pos + 1) % map->alloc].key == MP_OBJ_NULL ? MP_OBJ_NULL : MP_OBJ_SENTINEL;
            }
            return slot;
        }
        pos = (pos + 1) % map->alloc;
        if (pos == start) {
            if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            if (avail != NULL) {
                return mpcy_natmod_map_take(map, avail, index);
            }
            mpcy_natmod_map_rehash(map);
            start = pos = hash % map->alloc;
        }
    }
}

// ---- Objects written again from their public layouts ---------------------------------
mp_obj_t mp_obj_new_bound_meth(mp_obj_t meth, mp_obj_t self) {
    mpcy_bound_meth_t *m = mp_obj_malloc(mpcy_bound_meth_t, &mp_type_bound_meth);
    m->meth = meth;
    m->self = self;
    return MP_OBJ_FROM_PTR(m);
}

mp_obj_t mp_call_method_self_n_kw(mp_obj_t meth, mp_obj_t self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    mp_obj_t *a = m_malloc((1 + n) * sizeof(mp_obj_t));
    a[0] = self;
    memcpy(a + 1, args, n * sizeof(mp_obj_t));
    mp_obj_t r = mp_call_function_n_kw(meth, n_args + 1, n_kw, a);
    m_free(a);
    return r;
}

// py/objproperty.c's layout: the getter, setter and deleter.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t proxy[3];
} mpcy_natmod_property_t;

const mp_obj_t *mp_obj_property_get(mp_obj_t self) {
    return ((mpcy_natmod_property_t *)MP_OBJ_TO_PTR(self))->proxy;
}

// py/objtype.c's count of a class's native bases (one at most).
static size_t mpcy_natmod_native_bases(const mp_obj_type_t *t, const mp_obj_type_t **last) {
    for (;;) {
        if (t == &mp_type_object) {
            return 0;
        }
        if (mp_obj_is_native_type(t)) {
            *last = t;
            return 1;
        }
        if (!MP_OBJ_TYPE_HAS_SLOT(t, parent)) {
            return 0;
        }
        const void *parent = MP_OBJ_TYPE_GET_SLOT(t, parent);
        if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
            const mp_obj_tuple_t *bases = parent;
            size_t n = 0;
            for (size_t i = 0; i < bases->len; i++) {
                n += mpcy_natmod_native_bases(MP_OBJ_TO_PTR(bases->items[i]), last);
            }
            return n;
        }
        t = parent;
    }
}

// The native part is a placeholder (None) that the layer's callers replace
// at once (the firmware's marks it for its own __init__, out of reach).
mp_obj_instance_t *mp_obj_new_instance(const mp_obj_type_t *cls, const mp_obj_type_t **native_base) {
    size_t n = mpcy_natmod_native_bases(cls, native_base);
    mp_obj_instance_t *o = mp_obj_malloc_var(mp_obj_instance_t, subobj, mp_obj_t, n, cls);
    o->members.all_keys_are_qstrs = 1;
    o->members.is_fixed = 0;
    o->members.is_ordered = 0;
    o->members.used = 0;
    o->members.alloc = 0;
    o->members.table = NULL;
    if (n != 0) {
        o->subobj[0] = mp_const_none;
    }
    return o;
}

// py/runtime.c: a member found in a type's dict as an attribute of SELF. A
// built-in method read from a built-in type is not wrapped in the
// firmware's self-checking function (out of reach).
void mp_convert_member_lookup(mp_obj_t self, const mp_obj_type_t *type, mp_obj_t member, mp_obj_t *dest) {
    dest[0] = member;
    if (!mp_obj_is_obj(member)) {
        return;
    }
    const mp_obj_type_t *mt = ((mp_obj_base_t *)MP_OBJ_TO_PTR(member))->type;
    if (mt->flags & MP_TYPE_FLAG_BINDS_SELF) {
        if (!(mt->flags & MP_TYPE_FLAG_BUILTIN_FUN)) {
            dest[1] = self;
        } else if (mp_obj_is_instance_type(type)) {
            // a built-in function on a Python class: a staticmethod
        } else if (self == MP_OBJ_NULL && type != &mp_type_object) {
            // the firmware wraps it in a self check here
        } else {
            dest[1] = self;
        }
    } else if (mt == &mp_type_staticmethod) {
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
    } else if (mt == &mp_type_classmethod) {
        if (self != MP_OBJ_NULL) {
            type = mp_obj_get_type(self);
            if (type == &mp_type_type) {
                type = MP_OBJ_TO_PTR(self);
            }
        }
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
        dest[1] = MP_OBJ_FROM_PTR(type);
    }
}

// py/obj.c: the type's print slot, else <name>.
void mp_obj_print_helper(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind) {
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (MP_OBJ_TYPE_HAS_SLOT(t, print)) {
        MP_OBJ_TYPE_GET_SLOT(t, print)((mp_print_t *)print, o, kind);
    } else {
        mp_printf(print, "<%q>", t->name);
    }
}

// ---- Indices, sorting, numbers, UTF-8 ---------------------------------------------
// py/obj.c: an index into a sequence of LEN items of TYPE (clamped for a
// slice), with the firmware's errors.
size_t mp_get_index(const mp_obj_type_t *type, size_t len, mp_obj_t index, bool is_slice) {
    mp_int_t i;
    if (mp_obj_is_small_int(index)) {
        i = MP_OBJ_SMALL_INT_VALUE(index);
    } else if (index == mp_const_false || index == mp_const_true) {
        i = index == mp_const_true;
    } else if (mp_obj_is_exact_type(index, &mp_type_int)) {
        i = mp_obj_get_int(index);
    } else {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q indices must be integers, not %s"),
            type->name, mp_obj_get_type_str(index));
    }
    if (i < 0) {
        i += len;
    }
    if (is_slice) {
        return i < 0 ? 0 : (mp_uint_t)i > len ? len : (size_t)i;
    }
    if (i < 0 || (mp_uint_t)i >= len) {
        mp_raise_msg_varg(&mp_type_IndexError, MP_ERROR_TEXT("%q index out of range"), type->name);
    }
    return i;
}

// list.sort(key=, reverse=) through the list's own method.
mp_obj_t mp_obj_list_sort(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    size_t n_kw = kwargs == NULL ? 0 : kwargs->used;
    mp_obj_t *dest = m_malloc((2 + 2 * n_kw) * sizeof(mp_obj_t));
    mp_load_method(args[0], MP_QSTR_sort, dest);
    size_t k = 2;
    for (size_t i = 0; kwargs != NULL && i < kwargs->alloc; i++) {
        if (mp_map_slot_is_filled(kwargs, i)) {
            dest[k++] = kwargs->table[i].key;
            dest[k++] = kwargs->table[i].value;
        }
    }
    (void)n_args;
    mp_call_method_n_kw(0, n_kw, dest);
    m_free(dest);
    return mp_const_none;
}

// The firmware's integer parser through int(str, base) (a lexer for the
// error, which the layer does not pass, is not used).
mp_obj_t mp_parse_num_integer(const char *str, size_t len, int base, mp_lexer_t *lex) {
    (void)lex;
    mp_obj_t args[2] = { mp_obj_new_str(str, len), MP_OBJ_NEW_SMALL_INT(base) };
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_int), 2, 0, args);
}

// Well-formed UTF-8 as the firmware checks it: lead bytes and the number
// of continuation bytes they announce.
bool utf8_check(const byte *p, size_t len) {
    size_t need = 0;
    for (const byte *end = p + len; p < end; p++) {
        byte c = *p;
        if (need > 0) {
            if ((c & 0xc0) != 0x80) {
                return false;
            }
            need--;
        } else if (c >= 0xf8 || (c >= 0x80 && c < 0xc0)) {
            return false;
        } else if (c >= 0xc0) {
            need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        }
    }
    return need == 0;
}

// ---- Objects whose code is outside mp_fun_table ---------------------------------
// The finaliser of an object cannot be registered (above): a plain object.
void *mp_obj_malloc_with_finaliser_helper(size_t num_bytes, const mp_obj_type_t *type) {
    return mp_obj_malloc_helper(num_bytes, type);
}

mp_obj_t mp_obj_dict_get(mp_obj_t self_in, mp_obj_t index) {
    mp_obj_dict_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *elem = mp_map_lookup(&self->map, index, MP_MAP_LOOKUP);
    if (elem == NULL) {
        mp_raise_type_arg(&mp_type_KeyError, index);
    }
    return elem->value;
}

// The firmware's complex numbers through the complex type and its attributes.
mp_obj_t mp_obj_new_complex(mp_float_t real, mp_float_t imag) {
    mp_obj_t args[2] = { mp_obj_new_float(real), mp_obj_new_float(imag) };
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_complex), 2, 0, args);
}

void mp_obj_get_complex(mp_obj_t o, mp_float_t *real, mp_float_t *imag) {
    if (mp_obj_is_type(o, &mp_type_complex)) {
        *real = mp_obj_get_float(mp_load_attr(o, MP_QSTR_real));
        *imag = mp_obj_get_float(mp_load_attr(o, MP_QSTR_imag));
    } else {
        *real = mp_obj_get_float(o);
        *imag = 0;
    }
}

// py/objgetitemiter.c's iterator (the firmware's type is not reachable):
// args[0](args[1], i) for i = 0, 1, ... until IndexError or StopIteration.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t args[3];
} mpcy_natmod_getitem_iter_t;

static mp_obj_t mpcy_natmod_getitem_iter_next(mp_obj_t self_in) {
    mpcy_natmod_getitem_iter_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t value = MP_OBJ_NULL, exc;
    MPCY_CATCH(exc, value = mp_call_method_n_kw(1, 0, self->args));
    if (exc == MP_OBJ_NULL) {
        self->args[2] = MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(self->args[2]) + 1);
        return value;
    }
    mp_obj_t t = MP_OBJ_FROM_PTR(mp_obj_get_type(exc));
    if (mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_StopIteration))
        || mp_obj_is_subclass_fast(t, MP_OBJ_FROM_PTR(&mp_type_IndexError))) {
        return MP_OBJ_STOP_ITERATION;
    }
    nlr_raise(exc);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    mpcy_natmod_type_getitem_iter,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, mpcy_natmod_getitem_iter_next
    );

mp_obj_t mp_obj_new_getitem_iter(mp_obj_t *args, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    mpcy_natmod_getitem_iter_t *o = mp_obj_malloc(mpcy_natmod_getitem_iter_t, &mpcy_natmod_type_getitem_iter);
    o->args[0] = args[0];
    o->args[1] = args[1];
    o->args[2] = MP_OBJ_NEW_SMALL_INT(0);
    return MP_OBJ_FROM_PTR(o);
}

#endif // MPCY_NATMOD
