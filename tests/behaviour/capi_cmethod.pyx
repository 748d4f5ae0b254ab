"""C API: PEP 573's METH_METHOD functions (PyCMethod_New): the class that
defines the function comes with each call."""


cdef extern from *:
    """
    /* METH_METHOD | METH_FASTCALL | METH_KEYWORDS: what each call passes */
    static PyObject *capi_cmethod_defining(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                                           size_t nargsf, PyObject *kwnames) {
        Py_ssize_t n = (Py_ssize_t)(nargsf & ~((size_t)1 << (8 * sizeof(size_t) - 1)));
        Py_ssize_t nkw = kwnames != NULL ? PyTuple_Size(kwnames) : 0;
        PyObject *names = kwnames != NULL ? kwnames : Py_None;
        PyObject *last = n + nkw > 0 ? args[n + nkw - 1] : Py_None;
        return Py_BuildValue("(OOnnOO)", self != NULL ? self : Py_None, (PyObject *)cls, n, nkw, names, last);
    }
    static PyMethodDef capi_cmethod_method_def = {
        "defining", (PyCFunction)(void (*)(void))capi_cmethod_defining, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL};
    static PyMethodDef capi_cmethod_plain_def = {
        "plain", (PyCFunction)(void (*)(void))capi_cmethod_defining, METH_FASTCALL | METH_KEYWORDS, NULL};
    static PyObject *capi_cmethod_cmethod(PyObject *self, PyObject *cls, int plain) {
        return PyCMethod_New(plain ? &capi_cmethod_plain_def : &capi_cmethod_method_def, self, NULL,
                             cls == Py_None ? NULL : (PyTypeObject *)cls);
    }
    """
    object capi_cmethod_cmethod(object self, object cls, int plain)


def cmethod(self, cls):
    """A METH_METHOD function of SELF with the defining class CLS (None: none)."""
    return capi_cmethod_cmethod(self, cls, 0)


def cfunction_with_class(self, cls):
    """A function without METH_METHOD given a class: refused."""
    return capi_cmethod_cmethod(self, cls, 1)
