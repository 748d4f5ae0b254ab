// Attribute descriptors: getset, members, method descriptors.
#ifndef MPCY_DESCROBJECT_H
#define MPCY_DESCROBJECT_H
typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);
#define MPCY_GETSETDEF_FIELDS \
    const char *name; \
    getter get; \
    setter set; \
    const char *doc; \
    void *closure;
typedef struct PyGetSetDef {
    MPCY_GETSETDEF_FIELDS
} PyGetSetDef;
#define MPCY_MEMBERDEF_FIELDS \
    const char *name; \
    int type; \
    Py_ssize_t offset; \
    int flags; \
    const char *doc;
typedef struct PyMemberDef {
    MPCY_MEMBERDEF_FIELDS
} PyMemberDef;
// Cython's getset and member tables are compiled const (driver/generate.py),
// through const typedefs its `PyGetSetDef` and `PyMemberDef` mean there.
// Their other spelling, `struct PyGetSetDef` (a class's properties) and
// `struct PyMemberDef` (its public attributes), then names a struct of the
// same layout, which stays writable. C only: C++ keeps one name per type.
#ifndef __cplusplus
typedef const PyGetSetDef mpcy_const_getsetdef;
struct mpcy_const_getsetdef {
    MPCY_GETSETDEF_FIELDS
};
typedef const PyMemberDef mpcy_const_memberdef;
struct mpcy_const_memberdef {
    MPCY_MEMBERDEF_FIELDS
};
#define MPCY_CONST_GETSETDEF mpcy_const_getsetdef
#define MPCY_CONST_MEMBERDEF mpcy_const_memberdef
#else
#define MPCY_CONST_GETSETDEF PyGetSetDef
#define MPCY_CONST_MEMBERDEF PyMemberDef
#endif
#define Py_T_SHORT 0
#define Py_T_INT 1
#define Py_T_LONG 2
#define Py_T_FLOAT 3
#define Py_T_DOUBLE 4
#define Py_T_STRING 5
#define _Py_T_OBJECT 6
#define Py_T_CHAR 7
#define Py_T_BYTE 8
#define Py_T_UBYTE 9
#define Py_T_UINT 10
#define Py_T_USHORT 11
#define Py_T_ULONG 12
#define Py_T_STRING_INPLACE 13
#define Py_T_BOOL 14
#define Py_T_OBJECT_EX 16
#define Py_T_LONGLONG 17
#define Py_T_ULONGLONG 18
#define Py_T_PYSSIZET 19
#define _Py_T_NONE 20
#define Py_READONLY 1
#define Py_AUDIT_READ 2
#define Py_RELATIVE_OFFSET 8
PyObject *PyMember_GetOne(const char *obj, const PyMemberDef *m);
int PyMember_SetOne(char *obj, const PyMemberDef *m, PyObject *v);
PyObject *PyDescr_NewMethod(PyTypeObject *type, const PyMethodDef *meth);
PyObject *PyDescr_NewClassMethod(PyTypeObject *type, const PyMethodDef *meth);
PyObject *PyDescr_NewGetSet(PyTypeObject *type, const PyGetSetDef *getset);
PyObject *PyDescr_NewMember(PyTypeObject *type, const PyMemberDef *member);
typedef struct { mp_obj_base_t base;
                 const PyMethodDef *d_method;
                 PyTypeObject *d_type;
} PyMethodDescrObject;
#endif
