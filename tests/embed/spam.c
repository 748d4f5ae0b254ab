/* A hand-written CPython extension module, compiled unchanged for CPython
   and for MicroPython (./mpcython build spam.c): PyModule_Create, a
   PyMethodDef table, PyArg_ParseTuple / PyArg_ParseTupleAndKeywords /
   PyArg_Parse, Py_BuildValue. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *ints(PyObject *self, PyObject *args) {
    unsigned char b;
    short h;
    int i;
    long l;
    long long L;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "bhilLn:ints", &b, &h, &i, &l, &L, &n)) {
        return NULL;
    }
    return Py_BuildValue("(iiilLn)", (int)b, (int)h, i, l, L, n);
}

static PyObject *masks(PyObject *self, PyObject *args) {
    unsigned char B;
    unsigned short H;
    unsigned int I;
    unsigned long k;
    unsigned long long K;
    if (!PyArg_ParseTuple(args, "BHIkK", &B, &H, &I, &k, &K)) {
        return NULL;
    }
    return Py_BuildValue("(iikkK)", (int)B, (int)H, (unsigned long)I, k, K);
}

static PyObject *floats(PyObject *self, PyObject *args) {
    float f;
    double d = -1.0;
    if (!PyArg_ParseTuple(args, "f|d:floats", &f, &d)) {
        return NULL;
    }
    return Py_BuildValue("dd", (double)f, d);
}

static PyObject *strings(PyObject *self, PyObject *args) {
    const char *s, *z;
    const char *sh;
    Py_ssize_t shlen;
    const char *y;
    Py_ssize_t ylen;
    if (!PyArg_ParseTuple(args, "szs#y#", &s, &z, &sh, &shlen, &y, &ylen)) {
        return NULL;
    }
    return Py_BuildValue("(sznny#)", s, z, strlen(s), shlen, y, ylen);
}

static PyObject *chars(PyObject *self, PyObject *args) {
    char c;
    int C;
    int p;
    if (!PyArg_ParseTuple(args, "cCp", &c, &C, &p)) {
        return NULL;
    }
    return Py_BuildValue("(iiN)", (int)c, C, PyBool_FromLong(p));
}

static PyObject *objects(PyObject *self, PyObject *args) {
    PyObject *o, *lst, *u, *by;
    if (!PyArg_ParseTuple(args, "OO!US:objects", &o, &PyList_Type, &lst, &u, &by)) {
        return NULL;
    }
    return Py_BuildValue("(OnOO)", o, PyList_Size(lst), u, by);
}

static PyObject *nested(PyObject *self, PyObject *args) {
    int a, b, c;
    const char *s;
    if (!PyArg_ParseTuple(args, "(ii)(i(s))", &a, &b, &c, &s)) {
        return NULL;
    }
    return Py_BuildValue("iiis", a, b, c, s);
}

static int even_converter(PyObject *o, void *addr) {
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (v % 2) {
        PyErr_Format(PyExc_ValueError, "%ld is odd", v);
        return 0;
    }
    *(long *)addr = v;
    return 1;
}

static PyObject *converter(PyObject *self, PyObject *args) {
    long v;
    if (!PyArg_ParseTuple(args, "O&", even_converter, &v)) {
        return NULL;
    }
    return PyLong_FromLong(v / 2);
}

static PyObject *custom(PyObject *self, PyObject *args) {
    int i;
    if (!PyArg_ParseTuple(args, "i;custom wants one int", &i)) {
        return NULL;
    }
    return PyLong_FromLong(i);
}

static PyObject *anon(PyObject *self, PyObject *args) {
    int i, j = 7;
    if (!PyArg_ParseTuple(args, "i|i", &i, &j)) {
        return NULL;
    }
    return Py_BuildValue("ii", i, j);
}

static PyObject *kw(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"", "name", "count", "scale", "flag", NULL};
    int pos;
    const char *name;
    int count = 1;
    double scale = 1.0;
    int flag = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "is|i$dp:kw", kwlist, &pos, &name, &count, &scale, &flag)) {
        return NULL;
    }
    return Py_BuildValue("(isidN)", pos, name, count, scale, PyBool_FromLong(flag));
}

static PyObject *kw2(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"a", "b", NULL};
    PyObject *a, *b = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O", kwlist, &a, &b)) {
        return NULL;
    }
    return Py_BuildValue("(OO)", a, b);
}

static PyObject *kwonly(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"x", NULL};
    int x = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$i:kwonly", kwlist, &x)) {
        return NULL;
    }
    return PyLong_FromLong(x);
}

static PyObject *parse1(PyObject *self, PyObject *arg) {
    int i;
    if (!PyArg_Parse(arg, "i:parse1", &i)) {
        return NULL;
    }
    return PyLong_FromLong(i * 10);
}

static PyObject *noargs(PyObject *self, PyObject *unused) {
    return Py_BuildValue("{s:i,s:[i,i]}", "a", 1, "b", 2, 3);
}

static PyObject *unpack(PyObject *self, PyObject *args) {
    PyObject *a, *b = NULL;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 2, &a, &b)) {
        return NULL;
    }
    return Py_BuildValue("(OO)", a, b ? b : Py_None);
}

static PyMethodDef spam_methods[] = {
    {"ints", ints, METH_VARARGS, "b h i l L n"},
    {"masks", masks, METH_VARARGS, NULL},
    {"floats", floats, METH_VARARGS, NULL},
    {"strings", strings, METH_VARARGS, NULL},
    {"chars", chars, METH_VARARGS, NULL},
    {"objects", objects, METH_VARARGS, NULL},
    {"nested", nested, METH_VARARGS, NULL},
    {"converter", converter, METH_VARARGS, NULL},
    {"custom", custom, METH_VARARGS, NULL},
    {"anon", anon, METH_VARARGS, NULL},
    {"kw", (PyCFunction)(void (*)(void))kw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"kw2", (PyCFunction)(void (*)(void))kw2, METH_VARARGS | METH_KEYWORDS, NULL},
    {"kwonly", (PyCFunction)(void (*)(void))kwonly, METH_VARARGS | METH_KEYWORDS, NULL},
    {"parse1", parse1, METH_O, NULL},
    {"noargs", noargs, METH_NOARGS, NULL},
    {"unpack", unpack, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", "A hand-written extension module.", -1, spam_methods
};

PyMODINIT_FUNC PyInit_spam(void) {
    PyObject *m = PyModule_Create(&spam_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "ANSWER", 42) < 0) {
        return NULL;
    }
    return m;
}
