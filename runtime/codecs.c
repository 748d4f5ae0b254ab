// Codecs: decoding bytes to str and encoding str to bytes (the
// PyUnicode_Decode*, PyUnicode_As*String and PyUnicode_AsEncodedString of
// unicodeobject.h): utf-8, ascii and latin-1 with CPython's error handlers
// and messages.
#include "mpcy.h"
#include "py/objstr.h"
#include "py/unicode.h"

// The length of the well-formed UTF-8 sequence at s (n > 0 bytes left), or 0
// with *bad (bytes of the maximal ill-formed prefix) and CPython's *reason.
size_t mpcy_utf8_seq(const byte *s, size_t n, size_t *bad, const char **reason) {
    byte c = s[0];
    if (c < 0x80) {
        return 1;
    }
    size_t need;
    byte lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        lo = c == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        hi = c == 0xed ? 0x9f : 0xbf; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        lo = c == 0xf0 ? 0x90 : 0x80;
        hi = c == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
    } else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        if (i >= n) {
            *bad = i;
            *reason = "unexpected end of data";
            return 0;
        }
        if (s[i] < lo || s[i] > hi) {
            *bad = i;
            *reason = "invalid continuation byte";
            return 0;
        }
        lo = 0x80;
        hi = 0xbf;
    }
    return need + 1;
}

// Offset of the first ill-formed UTF-8 byte in s, or n.
static size_t mpcy_utf8_valid_prefix(const char *s, size_t n) {
    size_t i = 0, bad;
    const char *reason;
    while (i < n) {
        size_t k = mpcy_utf8_seq((const byte *)s + i, n - i, &bad, &reason);
        if (k == 0) {
            break;
        }
        i += k;
    }
    return i;
}

typedef enum { MPCY_ERRORS_STRICT, MPCY_ERRORS_IGNORE, MPCY_ERRORS_REPLACE, MPCY_ERRORS_BACKSLASH, MPCY_ERRORS_UNKNOWN } mpcy_errors_t;

static mpcy_errors_t mpcy_errors(const char *errors) {
    if (errors == NULL || !strcmp(errors, "strict")) {
        return MPCY_ERRORS_STRICT;
    }
    if (!strcmp(errors, "ignore")) {
        return MPCY_ERRORS_IGNORE;
    }
    if (!strcmp(errors, "replace")) {
        return MPCY_ERRORS_REPLACE;
    }
    if (!strcmp(errors, "backslashreplace")) {
        return MPCY_ERRORS_BACKSLASH;
    }
    return MPCY_ERRORS_UNKNOWN;
}

// Bytes s[start:end] cannot be decoded: apply the error handler (into v), or
// set CPython's exception and return -1.
static int mpcy_decode_error(vstr_t *v, const char *encoding, const char *s, size_t start, size_t end,
    const char *reason, const char *errors) {
    switch (mpcy_errors(errors)) {
        case MPCY_ERRORS_IGNORE:
            return 0;
        case MPCY_ERRORS_REPLACE:
            vstr_add_char(v, 0xfffd);
            return 0;
        case MPCY_ERRORS_BACKSLASH:
            for (size_t i = start; i < end; i++) {
                vstr_printf(v, "\\x%02x", (byte)s[i]);
            }
            return 0;
        case MPCY_ERRORS_UNKNOWN:
            PyErr_Format(PyExc_LookupError, "unknown error handler name '%s'", errors);
            return -1;
        default:
            break;
    }
    if (end - start == 1) {
        PyErr_Format(PyExc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zd: %s",
            encoding, (unsigned)(byte)s[start], (Py_ssize_t)start, reason);
    } else {
        PyErr_Format(PyExc_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zd-%zd: %s",
            encoding, (Py_ssize_t)start, (Py_ssize_t)end - 1, reason);
    }
    return -1;
}

// A str of valid UTF-8 without MicroPython's search of the qstr pool for an
// equal interned string (mp_obj_new_str searches, in time that grows with
// the number of qstrs: most of the time of Cython's string building).
// Equality, hashing and dict lookups do not depend on interning.
static mp_obj_t mpcy_str_new(const char *s, size_t n) {
    return n == 0 ? MP_OBJ_NEW_QSTR(MP_QSTR_) : mp_obj_new_str_copy(&mp_type_str, (const byte *)s, n);
}
// UTF-8 `s` of `n` bytes, valid up to `i`, as a str with the ill-formed
// sequences handled by `errors`, or MP_OBJ_NULL with the error set. Raises
// MemoryError.
static mp_obj_t mpcy_decode_utf8(const char *s, size_t n, size_t i, const char *errors) {
    vstr_t v;
    vstr_init(&v, n);
    vstr_add_strn(&v, s, i);
    while (i < n) {
        size_t bad = 0;
        const char *reason = NULL;
        size_t k = mpcy_utf8_seq((const byte *)s + i, n - i, &bad, &reason);
        if (k != 0) {
            vstr_add_strn(&v, s + i, k);
            i += k;
            continue;
        }
        if (mpcy_decode_error(&v, "utf-8", s, i, i + bad, reason, errors) < 0) {
            vstr_clear(&v);
            return MP_OBJ_NULL;
        }
        i += bad;
    }
    return mp_obj_new_str_from_utf8_vstr(&v);
}

MPCY_CLOBBER_CHECKED
PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *errors) {
    if (s == NULL && n == 0) {
        return MPCY_PY(MP_OBJ_NEW_QSTR(MP_QSTR_));
    }
    if (s == NULL) {
        // CPython fills such a string in place; MicroPython strings are immutable.
        PyErr_SetString(PyExc_SystemError, "PyUnicode_FromStringAndSize(NULL, n) is not supported");
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    size_t i = mpcy_utf8_valid_prefix(s, n);
    MPCY_TRY(NULL, r = i == (size_t)n ? mpcy_str_new(s, n) : mpcy_decode_utf8(s, n, i, errors));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END
// ASCII `s` of `n` bytes, valid up to `i`: as mpcy_decode_utf8.
static mp_obj_t mpcy_decode_ascii(const char *s, Py_ssize_t n, Py_ssize_t i, const char *errors) {
    vstr_t v;
    vstr_init(&v, n);
    vstr_add_strn(&v, s, i);
    for (; i < n; i++) {
        if ((byte)s[i] < 128) {
            vstr_add_byte(&v, s[i]);
        } else if (mpcy_decode_error(&v, "ascii", s, i, i + 1, "ordinal not in range(128)", errors) < 0) {
            vstr_clear(&v);
            return MP_OBJ_NULL;
        }
    }
    return mp_obj_new_str_from_utf8_vstr(&v);
}

MPCY_CLOBBER_CHECKED
PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t n, const char *errors) {
    Py_ssize_t i = 0;
    while (i < n && (byte)s[i] < 128) {
        i++;
    }
    if (i == n) {
        return PyUnicode_FromStringAndSize(s, n);
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_decode_ascii(s, n, i, errors));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t n, const char *errors) {
    (void)errors;
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, {
        vstr_t v;
        vstr_init(&v, n);
        for (Py_ssize_t i = 0; i < n; i++) {
            vstr_add_char(&v, (unsigned char)s[i]);
        }
        r = mp_obj_new_str_from_utf8_vstr(&v);
    });
    return MPCY_PY(r);
}
PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t n, const char *errors) {
    (void)s;
    (void)n;
    (void)errors;
    PyErr_SetString(PyExc_NotImplementedError, "PyUnicode_DecodeUnicodeEscape");
    return NULL;
}

typedef enum { MPCY_CODEC_UTF8, MPCY_CODEC_ASCII, MPCY_CODEC_LATIN1, MPCY_CODEC_UNKNOWN } mpcy_codec_t;

// The codec for an encoding name, normalised as CPython's lookup does (case,
// '-' and ' ' as '_'), with the common aliases.
static mpcy_codec_t mpcy_codec(const char *encoding) {
    static const struct { const char *name;
                          mpcy_codec_t codec;
    } aliases[] = {
        { "utf_8", MPCY_CODEC_UTF8 }, { "utf8", MPCY_CODEC_UTF8 }, { "u8", MPCY_CODEC_UTF8 },
        { "utf", MPCY_CODEC_UTF8 }, { "cp65001", MPCY_CODEC_UTF8 },
        { "ascii", MPCY_CODEC_ASCII }, { "us_ascii", MPCY_CODEC_ASCII }, { "646", MPCY_CODEC_ASCII },
        { "latin_1", MPCY_CODEC_LATIN1 }, { "latin1", MPCY_CODEC_LATIN1 }, { "latin", MPCY_CODEC_LATIN1 },
        { "l1", MPCY_CODEC_LATIN1 }, { "iso_8859_1", MPCY_CODEC_LATIN1 }, { "iso8859_1", MPCY_CODEC_LATIN1 },
        { "8859", MPCY_CODEC_LATIN1 }, { "cp819", MPCY_CODEC_LATIN1 },
    };
    if (encoding == NULL) {
        return MPCY_CODEC_UTF8;
    }
    char name[16];
    size_t i;
    for (i = 0; encoding[i] != '\0' && i < sizeof(name) - 1; i++) {
        char c = encoding[i];
        name[i] = (c == '-' || c == ' ') ? '_' : (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
    }
    name[i] = '\0';
    for (size_t k = 0; encoding[i] == '\0' && k < MP_ARRAY_SIZE(aliases); k++) {
        if (!strcmp(name, aliases[k].name)) {
            return aliases[k].codec;
        }
    }
    return MPCY_CODEC_UNKNOWN;
}

PyObject *PyUnicode_Decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors) {
    switch (mpcy_codec(encoding)) {
        case MPCY_CODEC_UTF8:
            return PyUnicode_DecodeUTF8(s, n, errors);
        case MPCY_CODEC_ASCII:
            return PyUnicode_DecodeASCII(s, n, errors);
        case MPCY_CODEC_LATIN1:
            return PyUnicode_DecodeLatin1(s, n, errors);
        default:
            PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
            return NULL;
    }
}

PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors) {
    mp_buffer_info_t info;
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    if (!mp_get_buffer(MPCY_OBJ(obj), &info, MP_BUFFER_READ)) {
        PyErr_Format(PyExc_TypeError, "decoding to str: need a bytes-like object, %s found", mpcy_type_name(mp_obj_get_type(MPCY_OBJ(obj))));
        return NULL;
    }
    return PyUnicode_Decode(info.buf, info.len, encoding, errors);
}
PyObject *PyUnicode_AsUTF8String(PyObject *u) {
    Py_ssize_t n;
    const char *d = PyUnicode_AsUTF8AndSize(u, &n);
    return d ? PyBytes_FromStringAndSize(d, n) : NULL;
}

// UTF-8 `d` of `n` bytes encoded to a single-byte codec: code points below
// `limit` are the bytes. Bytes, or MP_OBJ_NULL with CPython's error (its
// UnicodeEncodeError names the run of characters it cannot encode). Raises
// MemoryError.
static mp_obj_t mpcy_encode_8bit_data(const char *d, Py_ssize_t n, unichar limit, const char *encoding, const char *errors) {
    mpcy_errors_t how = mpcy_errors(errors);
    vstr_t v;
    vstr_init(&v, n);
    const byte *p = (const byte *)d, *end = p + n;
    for (Py_ssize_t i = 0; p < end; i++) {
        unichar c = utf8_get_char(p);
        p = utf8_next_char(p);
        if (c < limit) {
            vstr_add_byte(&v, c);
        } else if (how == MPCY_ERRORS_IGNORE) {
        } else if (how == MPCY_ERRORS_REPLACE) {
            vstr_add_byte(&v, '?');
        } else if (how == MPCY_ERRORS_BACKSLASH) {
            vstr_printf(&v, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
        } else {
            vstr_clear(&v);
            if (how == MPCY_ERRORS_UNKNOWN) {
                PyErr_Format(PyExc_LookupError, "unknown error handler name '%s'", errors);
                return MP_OBJ_NULL;
            }
            Py_ssize_t j = i + 1;
            while (p < end && utf8_get_char(p) >= limit) {
                p = utf8_next_char(p);
                j++;
            }
            if (j == i + 1) {
                char ch[16];
                snprintf(ch, sizeof(ch), c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
                PyErr_Format(PyExc_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %zd: ordinal not in range(%d)",
                    encoding, ch, i, (int)limit);
            } else {
                PyErr_Format(PyExc_UnicodeEncodeError, "'%s' codec can't encode characters in position %zd-%zd: ordinal not in range(%d)",
                    encoding, i, j - 1, (int)limit);
            }
            return MP_OBJ_NULL;
        }
    }
    return mp_obj_new_bytes_from_vstr(&v);
}

// Encode str `u` to a single-byte codec (mpcy_encode_8bit_data).
static PyObject *mpcy_encode_8bit(PyObject *u, unichar limit, const char *encoding, const char *errors) {
    Py_ssize_t n;
    const char *d = PyUnicode_AsUTF8AndSize(u, &n);
    if (d == NULL) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_encode_8bit_data(d, n, limit, encoding, errors));
    return MPCY_PY(r);
}

PyObject *PyUnicode_AsASCIIString(PyObject *u) {
    return mpcy_encode_8bit(u, 128, "ascii", NULL);
}

PyObject *PyUnicode_AsLatin1String(PyObject *u) {
    return mpcy_encode_8bit(u, 256, "latin-1", NULL);
}

PyObject *PyUnicode_AsEncodedString(PyObject *u, const char *encoding, const char *errors) {
    switch (mpcy_codec(encoding)) {
        case MPCY_CODEC_UTF8:
            // MicroPython strings hold no surrogates: always encodable.
            return PyUnicode_AsUTF8String(u);
        case MPCY_CODEC_ASCII:
            return mpcy_encode_8bit(u, 128, "ascii", errors);
        case MPCY_CODEC_LATIN1:
            return mpcy_encode_8bit(u, 256, "latin-1", errors);
        default:
            if (mpcy_str_check(u) == MP_OBJ_NULL) {
                return NULL;
            }
            PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
            return NULL;
    }
}
PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t n, const char *errors, int *byteorder) {
    (void)s;
    (void)n;
    (void)errors;
    (void)byteorder;
    PyErr_SetString(PyExc_NotImplementedError, "PyUnicode_DecodeUTF16");
    return NULL;
}
