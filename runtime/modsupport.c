// Bound methods, Py_BuildValue and argument parsing helpers (modsupport).
#include "mpcy.h"

PyObject *PyMethod_New(PyObject *func, PyObject *self) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_obj_new_bound_meth(MPCY_OBJ(func), MPCY_OBJ(self)));
    return MPCY_PY(r);
}

// MicroPython's bound method: { base, meth, self }.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t meth;
    mp_obj_t self;
} mpcy_bound_meth_t;

PyObject *PyMethod_Function(PyObject *m) {
    return MPCY_PY(((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(MPCY_OBJ(m)))->meth);
}

PyObject *PyMethod_Self(PyObject *m) {
    return MPCY_PY(((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(MPCY_OBJ(m)))->self);
}

static PyObject *mpcy_wrap(const mp_obj_type_t *t, PyObject *func) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mp_call_function_1(MP_OBJ_FROM_PTR(t), MPCY_OBJ(func)));
    return MPCY_PY(r);
}

PyObject *PyStaticMethod_New(PyObject *func) {
    return mpcy_wrap(&mp_type_staticmethod, func);
}

PyObject *PyClassMethod_New(PyObject *func) {
    return mpcy_wrap(&mp_type_classmethod, func);
}

PyObject *PyInstanceMethod_New(PyObject *func) {
    return func;
}

int PyArg_ValidateKeywordArguments(PyObject *kw) {
    mp_map_t *map = mp_obj_dict_get_map(MPCY_OBJ(kw));
    for (size_t i = 0; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i) && !mp_obj_is_str(map->table[i].key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

// Py_BuildValue: the common single-character codes.
static PyObject *mpcy_build_one(const char **fmt, va_list *va);

static PyObject *mpcy_build_seq(const char **fmt, va_list *va, char close) {
    mp_obj_t items[32];
    size_t n = 0;
    while (**fmt && **fmt != close) {
        if (**fmt == ',' || **fmt == ' ') {
            (*fmt)++;
            continue;
        }
        PyObject *o = mpcy_build_one(fmt, va);
        if (o == NULL || n >= 32) {
            return NULL;
        }
        items[n++] = MPCY_OBJ(o);
    }
    if (**fmt == close) {
        (*fmt)++;
    }
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = close == ']' ? mp_obj_new_list(n, items) : mp_obj_new_tuple(n, items));
    return MPCY_PY(r);
}

static PyObject *mpcy_build_one(const char **fmt, va_list *va) {
    char c = *(*fmt)++;
    switch (c) {
        case '(':
            return mpcy_build_seq(fmt, va, ')');
        case '[':
            return mpcy_build_seq(fmt, va, ']');
        case 'O':
        case 'S':
        case 'N':
            if (**fmt == '&' || **fmt == '!') {
                break;
            }
            return va_arg(*va, PyObject *);
        case 'i':
        case 'b':
        case 'h':
        case 'B':
        case 'H':
            return PyLong_FromLong(va_arg(*va, int));
        case 'I':
            return PyLong_FromUnsignedLong(va_arg(*va, unsigned int));
        case 'l':
            return PyLong_FromLong(va_arg(*va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*va, unsigned long long));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*va, Py_ssize_t));
        case 'd':
        case 'f':
            return PyFloat_FromDouble(va_arg(*va, double));
        case 'p':
            return PyBool_FromLong(va_arg(*va, int));
        case 'c': {
            char ch = (char)va_arg(*va, int);
            return PyBytes_FromStringAndSize(&ch, 1);
        }
        case 's':
        case 'z':
        case 'U':
        case 'y': {
            const char *s = va_arg(*va, const char *);
            Py_ssize_t n = -1;
            if (**fmt == '#') {
                (*fmt)++;
                n = va_arg(*va, Py_ssize_t);
            }
            if (s == NULL) {
                return Py_None;
            }
            if (n < 0) {
                n = strlen(s);
            }
            return c == 'y' ? PyBytes_FromStringAndSize(s, n) : PyUnicode_FromStringAndSize(s, n);
        }
        default:
            break;
    }
    mpcy_err_set(&mpcy_type_SystemError, "Py_BuildValue: format code '%c' is not supported", c);
    return NULL;
}

PyObject *Py_VaBuildValue(const char *format, va_list va) {
    va_list ap;
    va_copy(ap, va);
    const char *f = format;
    PyObject *r;
    // Several top-level items make a tuple, as in CPython.
    size_t count = 0;
    int depth = 0;
    for (const char *p = format; *p; p++) {
        if (*p == '(' || *p == '[') {
            if (depth++ == 0) {
                count++;
            }
        } else if (*p == ')' || *p == ']') {
            depth--;
        } else if (depth == 0 && *p != '#' && *p != ',' && *p != ' ') {
            count++;
        }
    }
    if (count == 0) {
        r = Py_None;
    } else if (count == 1) {
        r = mpcy_build_one(&f, &ap);
    } else {
        r = mpcy_build_seq(&f, &ap, '\0');
    }
    va_end(ap);
    return r;
}

PyObject *Py_BuildValue(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = Py_VaBuildValue(format, va);
    va_end(va);
    return r;
}

// Argument parsing for hand-written C functions comes with the embedding work.
int PyArg_ParseTuple(PyObject *args, const char *format, ...) {
    (void)args;
    (void)format;
    PyErr_SetString(PyExc_NotImplementedError, "PyArg_ParseTuple");
    return 0;
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...) {
    (void)args;
    (void)kw;
    (void)format;
    (void)kwlist;
    PyErr_SetString(PyExc_NotImplementedError, "PyArg_ParseTupleAndKeywords");
    return 0;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...) {
    Py_ssize_t n = PyTuple_Size(args);
    if (n < 0) {
        return 0;
    }
    if (n < min || n > max) {
        mpcy_err_set(&mp_type_TypeError, "%s expected %s%d argument%s, got %d", name,
            min == max ? "" : n < min ? "at least " : "at most ", (int)(n < min ? min : max),
            (n < min ? min : max) == 1 ? "" : "s", (int)n);
        return 0;
    }
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++) {
        *va_arg(va, PyObject **) = PyTuple_GET_ITEM(args, i);
    }
    va_end(va);
    return 1;
}
