// Reading and writing C struct members described by a PyMemberDef
// (descrobject.h's PyMember_GetOne/SetOne, CPython's structmember.c).
#include "mpcy.h"

PyObject *PyMember_GetOne(const char *obj, const PyMemberDef *m) {
    const char *p = obj + m->offset;
    switch (m->type) {
        case Py_T_BOOL:
            return PyBool_FromLong(*(const char *)p);
        case Py_T_BYTE:
            return PyLong_FromLong(*(const signed char *)p);
        case Py_T_UBYTE:
            return PyLong_FromLong(*(const unsigned char *)p);
        case Py_T_SHORT:
            return PyLong_FromLong(*(const short *)p);
        case Py_T_USHORT:
            return PyLong_FromLong(*(const unsigned short *)p);
        case Py_T_INT:
            return PyLong_FromLong(*(const int *)p);
        case Py_T_UINT:
            return PyLong_FromUnsignedLong(*(const unsigned int *)p);
        case Py_T_LONG:
            return PyLong_FromLong(*(const long *)p);
        case Py_T_ULONG:
            return PyLong_FromUnsignedLong(*(const unsigned long *)p);
        case Py_T_PYSSIZET:
            return PyLong_FromSsize_t(*(const Py_ssize_t *)p);
        case Py_T_LONGLONG:
            return PyLong_FromLongLong(*(const long long *)p);
        case Py_T_ULONGLONG:
            return PyLong_FromUnsignedLongLong(*(const unsigned long long *)p);
        case Py_T_FLOAT:
            return PyFloat_FromDouble((double)*(const float *)p);
        case Py_T_DOUBLE:
            return PyFloat_FromDouble(*(const double *)p);
        case Py_T_STRING:
            return *(char *const *)p ? PyUnicode_FromString(*(char *const *)p) : Py_None;
        case Py_T_STRING_INPLACE:
            return PyUnicode_FromString(p);
        case Py_T_CHAR:
            return PyUnicode_FromStringAndSize(p, 1);
        case _Py_T_OBJECT:
            return *(PyObject *const *)p ? *(PyObject *const *)p : Py_None;
        case Py_T_OBJECT_EX:
            if (*(PyObject *const *)p == NULL) {
                PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '%s'",
                    mpcy_type_name(mp_obj_get_type(MP_OBJ_FROM_PTR(obj))), m->name);
                return NULL;
            }
            return *(PyObject *const *)p;
        case _Py_T_NONE:
            return Py_None;
        default:
            PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
            return NULL;
    }
}

int PyMember_SetOne(char *obj, const PyMemberDef *m, PyObject *v) {
    char *p = obj + m->offset;
    if (v == NULL && m->type != Py_T_OBJECT_EX && m->type != _Py_T_OBJECT) {
        PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    #define MPCY_SET_INT(ctype, conv) { ctype x = (ctype)conv(v); if (x == (ctype) - 1 && PyErr_Occurred()) return -1; *(ctype *)p = x; return 0; }
    switch (m->type) {
        case Py_T_BOOL:
            if (!PyBool_Check(v)) {
                PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
                return -1;
            }
            *(char *)p = v == Py_True;
            return 0;
        case Py_T_BYTE:
            MPCY_SET_INT(signed char, PyLong_AsLong)
        case Py_T_UBYTE:
            MPCY_SET_INT(unsigned char, PyLong_AsLong)
        case Py_T_SHORT:
            MPCY_SET_INT(short, PyLong_AsLong)
        case Py_T_USHORT:
            MPCY_SET_INT(unsigned short, PyLong_AsLong)
        case Py_T_INT:
            MPCY_SET_INT(int, PyLong_AsLong)
        case Py_T_UINT:
            MPCY_SET_INT(unsigned int, PyLong_AsUnsignedLong)
        case Py_T_LONG:
            MPCY_SET_INT(long, PyLong_AsLong)
        case Py_T_ULONG:
            MPCY_SET_INT(unsigned long, PyLong_AsUnsignedLong)
        case Py_T_PYSSIZET:
            MPCY_SET_INT(Py_ssize_t, PyLong_AsSsize_t)
        case Py_T_LONGLONG:
            MPCY_SET_INT(long long, PyLong_AsLongLong)
        case Py_T_ULONGLONG:
            MPCY_SET_INT(unsigned long long, PyLong_AsUnsignedLongLong)
        case Py_T_FLOAT:
            MPCY_SET_INT(float, PyFloat_AsDouble)
        case Py_T_DOUBLE:
            MPCY_SET_INT(double, PyFloat_AsDouble)
        case _Py_T_OBJECT:
        case Py_T_OBJECT_EX:
            *(PyObject **)p = v;
            return 0;
        default:
            PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
            return -1;
    }
#undef MPCY_SET_INT
}
