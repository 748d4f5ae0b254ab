#ifndef MPCY_BOOLOBJECT_H
#define MPCY_BOOLOBJECT_H
#define Py_True MPCY_PY(mp_const_true)
#define Py_False MPCY_PY(mp_const_false)
#define PyBool_Check(o) mp_obj_is_bool(MPCY_OBJ(o))
#define PyBool_FromLong(v) ((v) ? Py_True : Py_False)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)
#define Py_RETURN_TRUE return Py_True
#define Py_RETURN_FALSE return Py_False
#endif
