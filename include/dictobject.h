#ifndef MPCY_DICTOBJECT_H
#define MPCY_DICTOBJECT_H
// a cdef class with this base starts with it (mpcython.h)
typedef mpcy_subnative_t PyDictObject;
// obj.__dict__ of a MicroPython instance is a dict that writes through to the
// instance (runtime/mpcy_instancedict.c); the PyDict_* functions take it.
extern const mp_obj_type_t mpcy_type_instance_dict;
#define mpcy_is_instance_dict(o) mp_obj_is_type(MPCY_OBJ(o), &mpcy_type_instance_dict)
#define PyDict_Check(o) (MPCY_CHECK(mp_obj_is_dict_or_ordereddict(MPCY_OBJ(o)), o, mp_type_dict) || mpcy_is_instance_dict(o))
#define PyDict_CheckExact(o) (mp_obj_is_exact_type(MPCY_OBJ(o), &mp_type_dict) || mpcy_is_instance_dict(o))
PyObject *PyDict_New(void);
Py_ssize_t PyDict_Size(PyObject *d);
#define PyDict_GET_SIZE(d) PyDict_Size(d)
PyObject *PyDict_GetItem(PyObject *d, PyObject *key);
PyObject *PyDict_GetItemWithError(PyObject *d, PyObject *key);
PyObject *PyDict_GetItemString(PyObject *d, const char *key);
int PyDict_GetItemRef(PyObject *d, PyObject *key, PyObject **result);
int PyDict_GetItemStringRef(PyObject *d, const char *key, PyObject **result);
int PyDict_SetItem(PyObject *d, PyObject *key, PyObject *v);
int PyDict_SetItemString(PyObject *d, const char *key, PyObject *v);
int PyDict_DelItem(PyObject *d, PyObject *key);
int PyDict_DelItemString(PyObject *d, const char *key);
int PyDict_Contains(PyObject *d, PyObject *key);
int PyDict_Next(PyObject *d, Py_ssize_t *pos, PyObject **key, PyObject **value);
PyObject *PyDict_Keys(PyObject *d);
PyObject *PyDict_Values(PyObject *d);
PyObject *PyDict_Items(PyObject *d);
PyObject *PyDict_Copy(PyObject *d);
void PyDict_Clear(PyObject *d);
int PyDict_Update(PyObject *d, PyObject *other);
int PyDict_Merge(PyObject *d, PyObject *other, int override);
PyObject *PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *deflt);
int PyDict_Pop(PyObject *d, PyObject *key, PyObject **result);
PyObject *PyDictProxy_New(PyObject *mapping);
#endif
