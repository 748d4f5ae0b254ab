// Codecs: decoding bytes to str and encoding str to bytes (the
// PyUnicode_Decode*, PyUnicode_As*String and PyUnicode_AsEncodedString of
// unicodeobject.h): utf-8, utf-8-sig, utf-16, utf-32 (and their -le/-be
// forms), ascii, latin-1, unicode_escape and raw_unicode_escape, found by
// CPython's codec names and aliases, with CPython's error handlers and
// messages. A MicroPython str is UTF-8; a lone surrogate in it is the 3-byte
// sequence that CPython's "surrogatepass" writes.
#include "mpcy.h"
#include "py/objstr.h"
#include "py/unicode.h"

// ---- codec names -----------------------------------------------------------

typedef enum {
    MPCY_CODEC_UTF8, MPCY_CODEC_UTF8_SIG, MPCY_CODEC_ASCII, MPCY_CODEC_LATIN1,
    MPCY_CODEC_UTF16, MPCY_CODEC_UTF16_LE, MPCY_CODEC_UTF16_BE,
    MPCY_CODEC_UTF32, MPCY_CODEC_UTF32_LE, MPCY_CODEC_UTF32_BE,
    MPCY_CODEC_UNICODE_ESCAPE, MPCY_CODEC_RAW_UNICODE_ESCAPE,
    MPCY_CODEC_NOT_TEXT, MPCY_CODEC_UNKNOWN,
} mpcy_codec_t;

// The codec's name in CPython's messages.
static const char *const mpcy_codec_names[] = {
    "utf-8", "utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
    "unicodeescape", "rawunicodeescape",
};

// CPython's codec modules (their names, `module`) and encodings.aliases for
// them, normalised; also the binary codecs, which are not text encodings.
static const struct {
    const char *name;
    uint8_t codec;
    bool module;
} mpcy_codec_table[] = {
    { "utf_8", MPCY_CODEC_UTF8, true }, { "u8", MPCY_CODEC_UTF8, false }, { "utf", MPCY_CODEC_UTF8, false },
    { "utf8", MPCY_CODEC_UTF8, false }, { "utf8_ucs2", MPCY_CODEC_UTF8, false },
    { "utf8_ucs4", MPCY_CODEC_UTF8, false }, { "cp65001", MPCY_CODEC_UTF8, false },
    { "utf_8_sig", MPCY_CODEC_UTF8_SIG, true },
    { "ascii", MPCY_CODEC_ASCII, true }, { "646", MPCY_CODEC_ASCII, false },
    { "ansi_x3.4_1968", MPCY_CODEC_ASCII, false }, { "ansi_x3.4_1986", MPCY_CODEC_ASCII, false },
    { "ansi_x3_4_1968", MPCY_CODEC_ASCII, false }, { "cp367", MPCY_CODEC_ASCII, false },
    { "csascii", MPCY_CODEC_ASCII, false }, { "ibm367", MPCY_CODEC_ASCII, false },
    { "iso646_us", MPCY_CODEC_ASCII, false }, { "iso_646.irv_1991", MPCY_CODEC_ASCII, false },
    { "iso_ir_6", MPCY_CODEC_ASCII, false }, { "us", MPCY_CODEC_ASCII, false }, { "us_ascii", MPCY_CODEC_ASCII, false },
    { "latin_1", MPCY_CODEC_LATIN1, true }, { "8859", MPCY_CODEC_LATIN1, false }, { "cp819", MPCY_CODEC_LATIN1, false },
    { "csisolatin1", MPCY_CODEC_LATIN1, false }, { "ibm819", MPCY_CODEC_LATIN1, false },
    { "iso8859", MPCY_CODEC_LATIN1, false }, { "iso8859_1", MPCY_CODEC_LATIN1, false },
    { "iso_8859_1", MPCY_CODEC_LATIN1, false }, { "iso_8859_1_1987", MPCY_CODEC_LATIN1, false },
    { "iso_ir_100", MPCY_CODEC_LATIN1, false }, { "l1", MPCY_CODEC_LATIN1, false },
    { "latin", MPCY_CODEC_LATIN1, false }, { "latin1", MPCY_CODEC_LATIN1, false },
    { "utf_16", MPCY_CODEC_UTF16, true }, { "u16", MPCY_CODEC_UTF16, false }, { "utf16", MPCY_CODEC_UTF16, false },
    { "utf_16_le", MPCY_CODEC_UTF16_LE, true }, { "utf_16le", MPCY_CODEC_UTF16_LE, false },
    { "unicodelittleunmarked", MPCY_CODEC_UTF16_LE, false },
    { "utf_16_be", MPCY_CODEC_UTF16_BE, true }, { "utf_16be", MPCY_CODEC_UTF16_BE, false },
    { "unicodebigunmarked", MPCY_CODEC_UTF16_BE, false },
    { "utf_32", MPCY_CODEC_UTF32, true }, { "u32", MPCY_CODEC_UTF32, false }, { "utf32", MPCY_CODEC_UTF32, false },
    { "utf_32_le", MPCY_CODEC_UTF32_LE, true }, { "utf_32le", MPCY_CODEC_UTF32_LE, false },
    { "utf_32_be", MPCY_CODEC_UTF32_BE, true }, { "utf_32be", MPCY_CODEC_UTF32_BE, false },
    { "unicode_escape", MPCY_CODEC_UNICODE_ESCAPE, true },
    { "raw_unicode_escape", MPCY_CODEC_RAW_UNICODE_ESCAPE, true },
    { "base64_codec", MPCY_CODEC_NOT_TEXT, true }, { "base64", MPCY_CODEC_NOT_TEXT, false },
    { "base_64", MPCY_CODEC_NOT_TEXT, false }, { "bz2_codec", MPCY_CODEC_NOT_TEXT, true },
    { "bz2", MPCY_CODEC_NOT_TEXT, false }, { "hex_codec", MPCY_CODEC_NOT_TEXT, true },
    { "hex", MPCY_CODEC_NOT_TEXT, false }, { "quopri_codec", MPCY_CODEC_NOT_TEXT, true },
    { "quopri", MPCY_CODEC_NOT_TEXT, false }, { "quoted_printable", MPCY_CODEC_NOT_TEXT, false },
    { "quotedprintable", MPCY_CODEC_NOT_TEXT, false }, { "rot_13", MPCY_CODEC_NOT_TEXT, true },
    { "rot13", MPCY_CODEC_NOT_TEXT, false }, { "uu_codec", MPCY_CODEC_NOT_TEXT, true },
    { "uu", MPCY_CODEC_NOT_TEXT, false }, { "zlib_codec", MPCY_CODEC_NOT_TEXT, true },
    { "zip", MPCY_CODEC_NOT_TEXT, false }, { "zlib", MPCY_CODEC_NOT_TEXT, false },
};

static mpcy_codec_t mpcy_codec_find(const char *name, bool aliases_only) {
    for (size_t k = 0; k < MP_ARRAY_SIZE(mpcy_codec_table); k++) {
        if (!(aliases_only && mpcy_codec_table[k].module) && !strcmp(name, mpcy_codec_table[k].name)) {
            return mpcy_codec_table[k].codec;
        }
    }
    return MPCY_CODEC_UNKNOWN;
}

// The codec for an encoding name (NULL: utf-8), found as CPython's codec
// search does: lower case, each run of characters other than letters, digits
// and '.' between two names one '_' (encodings.normalize_encoding), then the
// aliases, again with '.' as '_', then the codec modules.
static mpcy_codec_t mpcy_codec(const char *encoding) {
    if (encoding == NULL) {
        return MPCY_CODEC_UTF8;
    }
    char name[32];
    size_t i = 0;
    bool punct = false;
    for (const char *p = encoding; *p != '\0'; p++) {
        char c = *p;
        if (!(unichar_isalnum(c) || c == '.') || (byte)c >= 0x80) {
            punct = true;
            continue;
        }
        if (i + 2 >= sizeof(name)) {
            return MPCY_CODEC_UNKNOWN; // longer than any name of a codec here
        }
        if (punct && i > 0) {
            name[i++] = '_';
        }
        name[i++] = unichar_tolower(c);
        punct = false;
    }
    name[i] = '\0';
    mpcy_codec_t codec = mpcy_codec_find(name, false);
    if (codec == MPCY_CODEC_UNKNOWN && strchr(name, '.') != NULL) {
        for (char *p = name; *p != '\0'; p++) {
            *p = *p == '.' ? '_' : *p;
        }
        codec = mpcy_codec_find(name, true);
    }
    return codec;
}

// CPython's LookupError for a name that is no text codec (set; returns NULL).
static PyObject *mpcy_codec_lookup_error(mpcy_codec_t codec, const char *encoding, const char *use) {
    if (codec == MPCY_CODEC_NOT_TEXT) {
        PyErr_Format(PyExc_LookupError, "'%s' is not a text encoding; use %s to handle arbitrary codecs", encoding, use);
    } else {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
    }
    return NULL;
}

// ---- error handlers ----------------------------------------------------------

typedef enum {
    MPCY_ERRORS_STRICT, MPCY_ERRORS_IGNORE, MPCY_ERRORS_REPLACE, MPCY_ERRORS_BACKSLASH, MPCY_ERRORS_XMLCHARREF,
    MPCY_ERRORS_NAMEREPLACE, MPCY_ERRORS_SURROGATEESCAPE, MPCY_ERRORS_SURROGATEPASS, MPCY_ERRORS_UNKNOWN
} mpcy_errors_t;

static mpcy_errors_t mpcy_errors(const char *errors) {
    static const char *const names[] = {
        "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass",
    };
    if (errors == NULL) {
        return MPCY_ERRORS_STRICT;
    }
    for (size_t k = 0; k < MP_ARRAY_SIZE(names); k++) {
        if (!strcmp(errors, names[k])) {
            return (mpcy_errors_t)k;
        }
    }
    return MPCY_ERRORS_UNKNOWN;
}

static bool mpcy_errors_unknown(const char *errors) {
    PyErr_Format(PyExc_LookupError, "unknown error handler name '%s'", errors);
    return false;
}

static bool mpcy_is_surrogate(unichar c) {
    return c >= 0xd800 && c <= 0xdfff;
}

// The code unit of `size` bytes at s (big-endian or not).
static uint32_t mpcy_unit(const byte *s, int size, bool big) {
    uint32_t u = 0;
    for (int k = 0; k < size; k++) {
        u |= (uint32_t)s[big ? size - 1 - k : k] << (8 * k);
    }
    return u;
}

// ---- decoding ------------------------------------------------------------------

// A decoding in progress: the input, the codec's name in messages, its code
// unit (1: utf-8, 2: utf-16, 4: utf-32, 0: a single-byte codec) and byte
// order (for "surrogatepass"), the handler, and the str so far.
typedef struct {
    const byte *s;
    size_t n;
    const char *encoding;
    int unit;
    bool big;
    const char *errors;
    vstr_t v;
} mpcy_decoder_t;

// The surrogate encoded at s[start] in the decoder's codec, or 0.
static unichar mpcy_decode_surrogate(mpcy_decoder_t *d, size_t start) {
    const byte *p = d->s + start;
    size_t left = d->n - start;
    unichar c = 0;
    if (d->unit == 1 && left >= 3 && (p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
        c = ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    } else if (d->unit > 1 && left >= (size_t)d->unit) {
        c = mpcy_unit(p, d->unit, d->big);
    }
    return mpcy_is_surrogate(c) ? c : 0;
}

// Bytes s[start:end] cannot be decoded (`reason`): apply the error handler
// (its output into d->v, where decoding resumes into *pos), or set CPython's
// exception and return false. Raises MemoryError.
static bool mpcy_decode_error(mpcy_decoder_t *d, size_t *pos, size_t start, size_t end, const char *reason) {
    *pos = end;
    switch (mpcy_errors(d->errors)) {
        case MPCY_ERRORS_IGNORE:
            return true;
        case MPCY_ERRORS_REPLACE:
            vstr_add_char(&d->v, 0xfffd);
            return true;
        case MPCY_ERRORS_BACKSLASH:
            for (size_t i = start; i < end; i++) {
                vstr_printf(&d->v, "\\x%02x", d->s[i]);
            }
            return true;
        case MPCY_ERRORS_SURROGATEESCAPE:
            // Up to 4 bytes, each 128 or more, as U+DC80..U+DCFF.
            for (*pos = start; *pos < end && *pos < start + 4 && d->s[*pos] >= 0x80; (*pos)++) {
                vstr_add_char(&d->v, 0xdc00 + d->s[*pos]);
            }
            if (*pos > start) {
                return true;
            }
            break;
        case MPCY_ERRORS_SURROGATEPASS: {
            unichar c = mpcy_decode_surrogate(d, start);
            if (c != 0) {
                vstr_add_char(&d->v, c);
                *pos = start + (d->unit == 1 ? 3 : d->unit);
                return true;
            }
            break;
        }
        case MPCY_ERRORS_XMLCHARREF:
        case MPCY_ERRORS_NAMEREPLACE:
            PyErr_SetString(PyExc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
            return false;
        case MPCY_ERRORS_UNKNOWN:
            return mpcy_errors_unknown(d->errors);
        default:
            break;
    }
    if (end - start == 1) {
        PyErr_Format(PyExc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zd: %s",
            d->encoding, (unsigned)d->s[start], (Py_ssize_t)start, reason);
    } else {
        PyErr_Format(PyExc_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zd-%zd: %s",
            d->encoding, (Py_ssize_t)start, (Py_ssize_t)end - 1, reason);
    }
    return false;
}

// A decoder: decodes d->s from `i` into d->v, or returns false with the error
// set. With `consumed`, incomplete data at the end is left (its start in
// *consumed) instead of being an error. Raises MemoryError.
typedef bool (*mpcy_decode_fn)(mpcy_decoder_t *d, size_t i, size_t *consumed);

MPCY_CLOBBER_CHECKED
// Run `decode` from `i`, the `valid` bytes before it being valid UTF-8 of
// the result: a str, or NULL with the error set.
static PyObject *mpcy_decode(mpcy_decoder_t *d, mpcy_decode_fn decode, size_t i, size_t valid, Py_ssize_t *consumed) {
    if ((Py_ssize_t)d->n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    size_t done = d->n;
    MPCY_TRY(NULL, {
        vstr_init(&d->v, d->n);
        vstr_add_strn(&d->v, (const char *)d->s, valid);
        if (decode(d, i, consumed ? &done : NULL)) {
            r = mp_obj_new_str_from_utf8_vstr(&d->v);
        } else {
            vstr_clear(&d->v);
        }
    });
    if (r != MP_OBJ_NULL && consumed != NULL) {
        *consumed = done;
    }
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

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

static bool mpcy_decode_utf8(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    while (i < d->n) {
        size_t bad = 0;
        const char *reason = NULL;
        size_t k = mpcy_utf8_seq(d->s + i, d->n - i, &bad, &reason);
        if (k != 0) {
            vstr_add_strn(&d->v, (const char *)d->s + i, k);
            i += k;
            continue;
        }
        if (consumed != NULL && i + bad == d->n && !strcmp(reason, "unexpected end of data")) {
            break;
        }
        if (!mpcy_decode_error(d, &i, i, i + bad, reason)) {
            return false;
        }
    }
    if (consumed != NULL) {
        *consumed = i;
    }
    return true;
}

// A str of valid UTF-8 without MicroPython's search of the qstr pool for an
// equal interned string (mp_obj_new_str searches, in time that grows with
// the number of qstrs: most of the time of Cython's string building).
// Equality, hashing and dict lookups do not depend on interning.
static mp_obj_t mpcy_str_new(const char *s, size_t n) {
    if (n == 0) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_);
    }
    mp_obj_t r = mpcy_static_text(&mp_type_str, s, n);
    return r != MP_OBJ_NULL ? r : mp_obj_new_str_copy(&mp_type_str, (const byte *)s, n);
}

PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t n, const char *errors, Py_ssize_t *consumed) {
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
    size_t i = mpcy_utf8_valid_prefix(s, n);
    if (i == (size_t)n) {
        if (consumed != NULL) {
            *consumed = n;
        }
        mp_obj_t r = MP_OBJ_NULL;
        MPCY_TRY(NULL, r = mpcy_str_new(s, n));
        return MPCY_PY(r);
    }
    mpcy_decoder_t d = { .s = (const byte *)s, .n = n, .encoding = "utf-8", .unit = 1, .errors = errors };
    return mpcy_decode(&d, mpcy_decode_utf8, i, i, consumed);
}

PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *errors) {
    return PyUnicode_DecodeUTF8Stateful(s, n, errors, NULL);
}

static bool mpcy_decode_ascii(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    (void)consumed;
    while (i < d->n) {
        if (d->s[i] < 0x80) {
            vstr_add_byte(&d->v, d->s[i++]);
        } else if (!mpcy_decode_error(d, &i, i, i + 1, "ordinal not in range(128)")) {
            return false;
        }
    }
    return true;
}

PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t n, const char *errors) {
    Py_ssize_t i = 0;
    while (i < n && (byte)s[i] < 0x80) {
        i++;
    }
    if (i == n) {
        return PyUnicode_FromStringAndSize(s, n);
    }
    mpcy_decoder_t d = { .s = (const byte *)s, .n = n, .encoding = "ascii", .errors = errors };
    return mpcy_decode(&d, mpcy_decode_ascii, i, i, NULL);
}

static bool mpcy_decode_latin1(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    (void)consumed;
    for (; i < d->n; i++) {
        vstr_add_char(&d->v, d->s[i]);
    }
    return true;
}

PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t n, const char *errors) {
    mpcy_decoder_t d = { .s = (const byte *)s, .n = n, .encoding = "latin-1", .errors = errors };
    return mpcy_decode(&d, mpcy_decode_latin1, 0, 0, NULL);
}

// UTF-16 and UTF-32 as CPython's decoders, error by error.
static bool mpcy_decode_utf16(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    size_t n = d->n;
    bool ok = true;
    while (ok && i < n) {
        if (n - i < 2) {
            if (consumed != NULL) {
                break;
            }
            ok = mpcy_decode_error(d, &i, i, n, "truncated data");
            continue;
        }
        unichar c = mpcy_unit(d->s + i, 2, d->big);
        if (!mpcy_is_surrogate(c)) {
            vstr_add_char(&d->v, c);
            i += 2;
        } else if (c >= 0xdc00) {
            ok = mpcy_decode_error(d, &i, i, i + 2, "illegal encoding");
        } else if (n - i < 4) {
            if (consumed != NULL) {
                break;
            }
            ok = mpcy_decode_error(d, &i, i, n, "unexpected end of data");
        } else {
            unichar c2 = mpcy_unit(d->s + i + 2, 2, d->big);
            if (c2 < 0xdc00 || c2 > 0xdfff) {
                ok = mpcy_decode_error(d, &i, i, i + 2, "illegal UTF-16 surrogate");
            } else {
                vstr_add_char(&d->v, 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00));
                i += 4;
            }
        }
    }
    if (consumed != NULL) {
        *consumed = i;
    }
    return ok;
}

static bool mpcy_decode_utf32(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    size_t n = d->n;
    bool ok = true;
    while (ok && i < n) {
        if (n - i < 4) {
            if (consumed != NULL) {
                break;
            }
            ok = mpcy_decode_error(d, &i, i, n, "truncated data");
            continue;
        }
        unichar c = mpcy_unit(d->s + i, 4, d->big);
        if (c >= 0x110000) {
            ok = mpcy_decode_error(d, &i, i, i + 4, "code point not in range(0x110000)");
        } else if (mpcy_is_surrogate(c)) {
            ok = mpcy_decode_error(d, &i, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)");
        } else {
            vstr_add_char(&d->v, c);
            i += 4;
        }
    }
    if (consumed != NULL) {
        *consumed = i;
    }
    return ok;
}

// UTF-16 (unit 2) or UTF-32 (unit 4): *byteorder (NULL as 0) < 0 little
// endian, > 0 big endian, 0 a byte order mark if there is one (consumed),
// else the machine's order; CPython leaves the order used in *byteorder.
static PyObject *mpcy_decode_utf16_32(const char *s, Py_ssize_t n, const char *errors, int *byteorder,
    Py_ssize_t *consumed, int unit) {
    int bo = byteorder != NULL ? *byteorder : 0;
    size_t i = 0;
    if (bo == 0 && n >= unit) {
        uint32_t bom = mpcy_unit((const byte *)s, unit, false);
        if (bom == 0xfeff) {
            bo = -1;
            i = unit;
        } else if (bom == (unit == 2 ? 0xfffe : 0xfffe0000)) {
            bo = 1;
            i = unit;
        }
    }
    if (byteorder != NULL) {
        *byteorder = bo;
    }
    bool big = bo == 0 ? MP_ENDIANNESS_BIG : bo > 0;
    // Positions in messages count from the start of the data, BOM included.
    mpcy_decoder_t d = { .s = (const byte *)s, .n = n, .unit = unit, .big = big, .errors = errors,
                         .encoding = unit == 2 ? (big ? "utf-16-be" : "utf-16-le") : (big ? "utf-32-be" : "utf-32-le") };
    return mpcy_decode(&d, unit == 2 ? mpcy_decode_utf16 : mpcy_decode_utf32, i, 0, consumed);
}

PyObject *PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t n, const char *errors, int *byteorder, Py_ssize_t *consumed) {
    return mpcy_decode_utf16_32(s, n, errors, byteorder, consumed, 2);
}

PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t n, const char *errors, int *byteorder) {
    return mpcy_decode_utf16_32(s, n, errors, byteorder, NULL, 2);
}

PyObject *PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t n, const char *errors, int *byteorder, Py_ssize_t *consumed) {
    return mpcy_decode_utf16_32(s, n, errors, byteorder, consumed, 4);
}

PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t n, const char *errors, int *byteorder) {
    return mpcy_decode_utf16_32(s, n, errors, byteorder, NULL, 4);
}

// \uXXXX or \UXXXXXXXX (d->s[i] is the u or U, `start` the backslash) into
// d->v; *pos is where decoding resumes. CPython's errors, `range_reason` for a
// code point above U+10FFFF. Raises MemoryError.
static bool mpcy_decode_hex_escape(mpcy_decoder_t *d, size_t start, size_t i, size_t *pos, const char *range_reason) {
    byte kind = d->s[i];
    size_t count = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
    unichar c = 0;
    for (i++; count > 0; i++, count--) {
        if (i >= d->n || !unichar_isxdigit(d->s[i])) {
            return mpcy_decode_error(d, pos, start, i,
                kind == 'x' ? "truncated \\xXX escape" : kind == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
        }
        c = (c << 4) | unichar_xdigit_value(d->s[i]);
    }
    if (c > 0x10ffff) {
        return mpcy_decode_error(d, pos, start, i, range_reason);
    }
    vstr_add_char(&d->v, c);
    *pos = i;
    return true;
}

// The character of a one-letter escape (\n, \t, \\, ...), or 0.
static byte mpcy_simple_escape(byte c) {
    switch (c) {
        case '\\':
        case '\'':
        case '"':
            return c;
        case 'a':
            return '\a';
        case 'b':
            return '\b';
        case 'f':
            return '\f';
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        case 'v':
            return '\v';
        default:
            return 0;
    }
}

// The unicode_escape codec: Python's string literal escapes, other bytes as
// latin-1. \N{name} needs the Unicode name database MicroPython lacks: the
// UnicodeError CPython raises when it cannot load unicodedata.
static bool mpcy_decode_unicode_escape(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    (void)consumed;
    int warned = 0;
    while (i < d->n) {
        byte c = d->s[i];
        if (c != '\\') {
            vstr_add_char(&d->v, c);
            i++;
            continue;
        }
        size_t start = i++;
        if (i >= d->n) {
            if (!mpcy_decode_error(d, &i, start, d->n, "\\ at end of string")) {
                return false;
            }
            continue;
        }
        c = d->s[i];
        byte simple = mpcy_simple_escape(c);
        if (simple != 0 || c == '\n') { // a backslash-newline is nothing
            if (simple != 0) {
                vstr_add_char(&d->v, simple);
            }
            i++;
        } else if (c >= '0' && c <= '7') {
            unichar o = 0;
            size_t k;
            for (k = 0; k < 3 && i < d->n && d->s[i] >= '0' && d->s[i] <= '7'; k++, i++) {
                o = o * 8 + (d->s[i] - '0');
            }
            if (o > 0377 && !warned++
                && PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid octal escape sequence '\\%.3s'", (const char *)d->s + start + 1) < 0) {
                return false;
            }
            vstr_add_char(&d->v, o);
        } else if (c == 'x' || c == 'u' || c == 'U') {
            if (!mpcy_decode_hex_escape(d, start, i, &i, "illegal Unicode character")) {
                return false;
            }
        } else if (c == 'N') {
            PyErr_SetString(PyExc_UnicodeError, "\\N escapes not supported (can't load unicodedata module)");
            return false;
        } else {
            // Kept as written, with CPython's warning (the first only).
            if (!warned++ && PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid escape sequence '\\%c'", c) < 0) {
                return false;
            }
            vstr_add_char(&d->v, '\\');
        }
    }
    return true;
}

// The raw_unicode_escape codec: only \uXXXX and \UXXXXXXXX after an odd
// number of backslashes are escapes; every other byte is latin-1.
static bool mpcy_decode_raw_unicode_escape(mpcy_decoder_t *d, size_t i, size_t *consumed) {
    (void)consumed;
    while (i < d->n) {
        size_t run = 0;
        while (i < d->n && d->s[i] == '\\') {
            run++;
            i++;
        }
        if (run % 2 == 1 && i < d->n && (d->s[i] == 'u' || d->s[i] == 'U')) {
            vstr_add_strn(&d->v, (const char *)d->s + i - run, run - 1);
            if (!mpcy_decode_hex_escape(d, i - 1, i, &i, "\\Uxxxxxxxx out of range")) {
                return false;
            }
            continue;
        }
        vstr_add_strn(&d->v, (const char *)d->s + i - run, run);
        if (i < d->n) {
            vstr_add_char(&d->v, d->s[i++]);
        }
    }
    return true;
}

PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t n, const char *errors) {
    mpcy_decoder_t d = { .s = (const byte *)s, .n = n, .encoding = "unicodeescape", .errors = errors };
    return mpcy_decode(&d, mpcy_decode_unicode_escape, 0, 0, NULL);
}

PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t n, const char *errors) {
    mpcy_decoder_t d = { .s = (const byte *)s, .n = n, .encoding = "rawunicodeescape", .errors = errors };
    return mpcy_decode(&d, mpcy_decode_raw_unicode_escape, 0, 0, NULL);
}

PyObject *PyUnicode_Decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors) {
    mpcy_codec_t codec = mpcy_codec(encoding);
    int bo = codec == MPCY_CODEC_UTF16_LE || codec == MPCY_CODEC_UTF32_LE ? -1
        : codec == MPCY_CODEC_UTF16_BE || codec == MPCY_CODEC_UTF32_BE ? 1 : 0;
    switch (codec) {
        case MPCY_CODEC_UTF8_SIG:
            if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
                s += 3;
                n -= 3;
            }
            MP_FALLTHROUGH
        case MPCY_CODEC_UTF8:
            return PyUnicode_DecodeUTF8(s, n, errors);
        case MPCY_CODEC_ASCII:
            return PyUnicode_DecodeASCII(s, n, errors);
        case MPCY_CODEC_LATIN1:
            return PyUnicode_DecodeLatin1(s, n, errors);
        case MPCY_CODEC_UTF16:
        case MPCY_CODEC_UTF16_LE:
        case MPCY_CODEC_UTF16_BE:
            return PyUnicode_DecodeUTF16(s, n, errors, &bo);
        case MPCY_CODEC_UTF32:
        case MPCY_CODEC_UTF32_LE:
        case MPCY_CODEC_UTF32_BE:
            return PyUnicode_DecodeUTF32(s, n, errors, &bo);
        case MPCY_CODEC_UNICODE_ESCAPE:
            return PyUnicode_DecodeUnicodeEscape(s, n, errors);
        case MPCY_CODEC_RAW_UNICODE_ESCAPE:
            return PyUnicode_DecodeRawUnicodeEscape(s, n, errors);
        default:
            return mpcy_codec_lookup_error(codec, encoding, "codecs.decode()");
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

// ---- encoding ------------------------------------------------------------------

// An encoding in progress: the codec's name in messages, its code unit (1:
// utf-8, 2: utf-16, 4: utf-32, 0: a single-byte codec whose code points are
// those below `limit`) and byte order, the handler, and the bytes so far.
typedef struct {
    const char *encoding;
    int unit;
    bool big;
    unichar limit;
    const char *errors;
    vstr_t v;
} mpcy_encoder_t;

static bool mpcy_encodable(mpcy_encoder_t *e, unichar c) {
    return e->unit == 0 ? c < e->limit : !mpcy_is_surrogate(c);
}

static void mpcy_put_unit(mpcy_encoder_t *e, uint32_t u) {
    byte *p = (byte *)vstr_add_len(&e->v, e->unit);
    for (int k = 0; k < e->unit; k++) {
        p[e->big ? e->unit - 1 - k : k] = (byte)(u >> (8 * k));
    }
}

// Code point c in the codec (a surrogate too: "surrogatepass").
static void mpcy_put(mpcy_encoder_t *e, unichar c) {
    if (e->unit == 0) {
        vstr_add_byte(&e->v, c);
    } else if (e->unit == 1) {
        vstr_add_char(&e->v, c);
    } else if (e->unit == 2 && c >= 0x10000) {
        mpcy_put_unit(e, 0xd800 + ((c - 0x10000) >> 10));
        mpcy_put_unit(e, 0xdc00 + ((c - 0x10000) & 0x3ff));
    } else {
        mpcy_put_unit(e, c);
    }
}

// Character c as Python writes it in an escape: \xNN, \uNNNN or \UNNNNNNNN.
static void mpcy_escape(char *buf, size_t size, unichar c) {
    snprintf(buf, size, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
}

// CPython's UnicodeEncodeError for characters start..end-1, the first c.
static bool mpcy_encode_raise(mpcy_encoder_t *e, unichar c, size_t start, size_t end) {
    char reason[32];
    if (e->unit == 0) {
        snprintf(reason, sizeof(reason), "ordinal not in range(%u)", (unsigned)e->limit);
    } else {
        strcpy(reason, "surrogates not allowed");
    }
    if (end - start == 1) {
        char ch[16];
        mpcy_escape(ch, sizeof(ch), c);
        PyErr_Format(PyExc_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %zd: %s",
            e->encoding, ch, (Py_ssize_t)start, reason);
    } else {
        PyErr_Format(PyExc_UnicodeEncodeError, "'%s' codec can't encode characters in position %zd-%zd: %s",
            e->encoding, (Py_ssize_t)start, (Py_ssize_t)end - 1, reason);
    }
    return false;
}

// Characters start..end-1 (UTF-8 p..q) cannot be encoded: apply the error
// handler, or set CPython's exception and return false. Raises MemoryError.
static bool mpcy_encode_error(mpcy_encoder_t *e, const byte *p, const byte *q, size_t start, size_t end) {
    mpcy_errors_t how = mpcy_errors(e->errors);
    if (how == MPCY_ERRORS_SURROGATEESCAPE && e->unit < 2) {
        // U+DC80..U+DCFF as bytes, up to the first other character: the
        // error is the rest (CPython's utf-8, ascii and latin-1 encoders).
        for (; p < q && utf8_get_char(p) >= 0xdc80 && utf8_get_char(p) <= 0xdcff; p = utf8_next_char(p)) {
            vstr_add_byte(&e->v, utf8_get_char(p) - 0xdc00);
            start++;
        }
        if (p == q) {
            return true;
        }
    } else if (how == MPCY_ERRORS_SURROGATEPASS && e->unit != 0) {
        // The range holds surrogates only (a UTF codec encodes everything else).
        for (; p < q; p = utf8_next_char(p)) {
            mpcy_put(e, utf8_get_char(p));
        }
        return true;
    } else if (how == MPCY_ERRORS_NAMEREPLACE) {
        // A surrogate has no name: \uNNNN as backslashreplace writes it.
        for (const byte *r = p; r < q; r = utf8_next_char(r)) {
            if (!mpcy_is_surrogate(utf8_get_char(r))) {
                PyErr_SetString(PyExc_LookupError,
                    "error handler 'namereplace' is not supported for this text: MicroPython has no Unicode character names");
                return false;
            }
        }
        how = MPCY_ERRORS_BACKSLASH;
    }
    if (how == MPCY_ERRORS_UNKNOWN) {
        return mpcy_errors_unknown(e->errors);
    }
    if (how != MPCY_ERRORS_IGNORE && how != MPCY_ERRORS_REPLACE && how != MPCY_ERRORS_BACKSLASH && how != MPCY_ERRORS_XMLCHARREF) {
        return mpcy_encode_raise(e, utf8_get_char(p), start, end);
    }
    for (; p < q; p = utf8_next_char(p)) {
        char rep[16] = "?";
        unichar c = utf8_get_char(p);
        if (how == MPCY_ERRORS_IGNORE) {
            rep[0] = '\0';
        } else if (how == MPCY_ERRORS_BACKSLASH) {
            mpcy_escape(rep, sizeof(rep), c);
        } else if (how == MPCY_ERRORS_XMLCHARREF) {
            snprintf(rep, sizeof(rep), "&#%u;", (unsigned)c);
        }
        for (const char *r = rep; *r != '\0'; r++) {
            mpcy_put(e, (byte) * r);
        }
    }
    return true;
}

// Encode the n bytes of UTF-8 at d into e->v: false with the error set when a
// character cannot be encoded. Raises MemoryError.
static bool mpcy_encode_data(mpcy_encoder_t *e, const byte *d, size_t n) {
    const byte *p = d, *end = d + n;
    for (size_t i = 0; p < end;) {
        unichar c = utf8_get_char(p);
        const byte *q = utf8_next_char(p);
        if (mpcy_encodable(e, c)) {
            mpcy_put(e, c);
            p = q;
            i++;
            continue;
        }
        // The error covers the run of characters the codec cannot encode,
        // but one character at a time in UTF-16 and UTF-32 (as CPython).
        size_t j = i + 1;
        while (e->unit < 2 && q < end && !mpcy_encodable(e, utf8_get_char(q))) {
            q = utf8_next_char(q);
            j++;
        }
        if (!mpcy_encode_error(e, p, q, i, j)) {
            return false;
        }
        p = q;
        i = j;
    }
    return true;
}

// Where the UTF-8 of a str holds a surrogate (ED A0..BF), or NULL.
static const byte *mpcy_utf8_surrogate(const byte *d, size_t n) {
    for (const byte *p = d, *end = d + n; (p = memchr(p, 0xed, end - p)) != NULL && p + 1 < end; p++) {
        if (p[1] >= 0xa0) {
            return p;
        }
    }
    return NULL;
}

// The UTF-8 of a str in unicode_escape (`raw`: raw_unicode_escape), which
// encode every character. Raises MemoryError.
static mp_obj_t mpcy_encode_escape(const byte *d, size_t n, bool raw) {
    vstr_t v;
    vstr_init(&v, n + 4);
    for (const byte *p = d, *end = d + n; p < end; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        char buf[16];
        byte simple = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
        if (raw ? c < 0x100 : c >= 0x20 && c < 0x7f && c != '\\') {
            vstr_add_byte(&v, c);
        } else if (simple != 0) {
            vstr_add_byte(&v, '\\');
            vstr_add_byte(&v, simple);
        } else {
            mpcy_escape(buf, sizeof(buf), c);
            vstr_add_str(&v, buf);
        }
    }
    return mp_obj_new_bytes_from_vstr(&v);
}

// A str in `codec` (resolved: no MPCY_CODEC_UNKNOWN), with its byte order mark
// where the codec writes one: bytes, or MP_OBJ_NULL with the error set.
// Raises MemoryError.
static mp_obj_t mpcy_encode_str(mp_obj_t u, mpcy_codec_t codec, const char *errors) {
    size_t n;
    const byte *d = (const byte *)mpcy_str_data(u, &n);
    if ((codec == MPCY_CODEC_UTF8 && mpcy_utf8_surrogate(d, n) == NULL)
        || (codec == MPCY_CODEC_ASCII && utf8_charlen(d, n) == n)) {
        return mp_obj_new_bytes(d, n);
    }
    if (codec == MPCY_CODEC_UNICODE_ESCAPE || codec == MPCY_CODEC_RAW_UNICODE_ESCAPE) {
        return mpcy_encode_escape(d, n, codec == MPCY_CODEC_RAW_UNICODE_ESCAPE);
    }
    mpcy_encoder_t e = { .encoding = mpcy_codec_names[codec], .limit = 0x110000, .errors = errors };
    switch (codec) {
        case MPCY_CODEC_ASCII:
            e.limit = 0x80;
            break;
        case MPCY_CODEC_LATIN1:
            e.limit = 0x100;
            break;
        case MPCY_CODEC_UTF8:
        case MPCY_CODEC_UTF8_SIG:
            e.unit = 1;
            break;
        default:
            e.unit = codec <= MPCY_CODEC_UTF16_BE ? 2 : 4;
            e.big = codec == MPCY_CODEC_UTF16_BE || codec == MPCY_CODEC_UTF32_BE
                || ((codec == MPCY_CODEC_UTF16 || codec == MPCY_CODEC_UTF32) && MP_ENDIANNESS_BIG);
            break;
    }
    vstr_init(&e.v, n + 4);
    if (codec == MPCY_CODEC_UTF16 || codec == MPCY_CODEC_UTF32) {
        mpcy_put_unit(&e, 0xfeff);
    } else if (codec == MPCY_CODEC_UTF8_SIG) {
        vstr_add_strn(&e.v, "\xef\xbb\xbf", 3);
    }
    if (!mpcy_encode_data(&e, d, n)) {
        vstr_clear(&e.v);
        return MP_OBJ_NULL;
    }
    return mp_obj_new_bytes_from_vstr(&e.v);
}

MPCY_CLOBBER_CHECKED
static PyObject *mpcy_encode(PyObject *u, mpcy_codec_t codec, const char *errors) {
    // The str itself, also of an instance of a subclass.
    mp_obj_t s = mpcy_str_check(u);
    if (s == MP_OBJ_NULL) {
        return NULL;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_encode_str(s, codec, errors));
    return MPCY_PY(r);
}
MPCY_CLOBBER_CHECKED_END

MPCY_CLOBBER_CHECKED
int mpcy_utf8_check(const char *d, size_t n) {
    if (mpcy_utf8_surrogate((const byte *)d, n) == NULL) {
        return 0;
    }
    // The error of the encoder, where the run of surrogates is.
    mp_obj_t r = MP_OBJ_NULL;
    mpcy_encoder_t e = { .encoding = "utf-8", .unit = 1, .limit = 0x110000 };
    MPCY_TRY(-1, {
        vstr_init(&e.v, n);
        if (mpcy_encode_data(&e, (const byte *)d, n)) {
            r = mp_const_none;
        }
        vstr_clear(&e.v);
    });
    return r == MP_OBJ_NULL ? -1 : 0;
}
MPCY_CLOBBER_CHECKED_END

PyObject *PyUnicode_AsUTF8String(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_UTF8, NULL);
}

PyObject *PyUnicode_AsASCIIString(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_ASCII, NULL);
}

PyObject *PyUnicode_AsLatin1String(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_LATIN1, NULL);
}

PyObject *PyUnicode_AsUTF16String(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_UTF16, NULL);
}

PyObject *PyUnicode_AsUTF32String(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_UTF32, NULL);
}

PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_UNICODE_ESCAPE, NULL);
}

PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *u) {
    return mpcy_encode(u, MPCY_CODEC_RAW_UNICODE_ESCAPE, NULL);
}

PyObject *PyUnicode_AsEncodedString(PyObject *u, const char *encoding, const char *errors) {
    if (mpcy_str_check(u) == MP_OBJ_NULL) {
        return NULL;
    }
    mpcy_codec_t codec = mpcy_codec(encoding);
    if (codec >= MPCY_CODEC_NOT_TEXT) {
        return mpcy_codec_lookup_error(codec, encoding, "codecs.encode()");
    }
    return mpcy_encode(u, codec, errors);
}

// ---- bytes.decode, str.encode ------------------------------------------------------
// MicroPython's own methods take every encoding for utf-8. C code that looks
// them up (PyObject_GetAttr, PyObject_VectorcallMethod: Cython's
// `o.decode(...)` of an untyped object) gets these, CPython's.

static MPCY_QCONST mp_arg_t mpcy_codec_args[] = {
    { MPCY_Q(MP_QSTR_encoding), MP_ARG_OBJ, { .u_obj = MP_OBJ_NULL } },
    { MPCY_Q(MP_QSTR_errors), MP_ARG_OBJ, { .u_obj = MP_OBJ_NULL } },
};
MPCY_FIX_ARGS(mpcy_codec_args);

// self.decode/encode(encoding='utf-8', errors='strict'). Raises.
static mp_obj_t mpcy_codec_call(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    enum { ARG_encoding, ARG_errors };
    mp_arg_val_t val[MP_ARRAY_SIZE(mpcy_codec_args)];
    mp_arg_parse_all(n_args - 1, args + 1, kw, MP_ARRAY_SIZE(mpcy_codec_args), mpcy_codec_args, val);
    bool decode = !mp_obj_is_str(args[0]);
    const char *names[2] = { NULL, NULL };
    for (int k = 0; k < 2; k++) {
        mp_obj_t o = val[k].u_obj;
        if (o != MP_OBJ_NULL && !mp_obj_is_str(o)) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() argument '%q' must be str, not %s"),
                decode ? "decode" : "encode", mpcy_codec_args[k].qst, o == mp_const_none ? "None" : mp_obj_get_type_str(o));
        }
        names[k] = o != MP_OBJ_NULL ? mp_obj_str_get_str(o) : NULL;
    }
    if (!decode) {
        return mpcy_check(PyUnicode_AsEncodedString(MPCY_PY(args[0]), names[ARG_encoding], names[ARG_errors]));
    }
    mp_buffer_info_t info;
    mp_get_buffer_raise(args[0], &info, MP_BUFFER_READ);
    return mpcy_check(PyUnicode_Decode(info.buf, info.len, names[ARG_encoding], names[ARG_errors]));
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_codec_call_obj, 1, mpcy_codec_call);

mp_obj_t mpcy_codec_method(mp_obj_t self, qstr attr) {
    // the name first: every method load from C passes here
    bool ours = attr == MP_QSTR_decode ? mp_obj_is_type(self, &mp_type_bytes) || mp_obj_is_type(self, &mp_type_bytearray)
        : attr == MP_QSTR_encode && mp_obj_is_str(self);
    return ours ? MP_OBJ_FROM_PTR(&mpcy_codec_call_obj) : MP_OBJ_NULL;
}
