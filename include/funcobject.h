// Functions (MicroPython's bytecode functions) and their method wrappers.
#ifndef MPCY_FUNCOBJECT_H
#define MPCY_FUNCOBJECT_H
#define PyFunction_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_fun_bc)
PyObject *PyClassMethod_New(PyObject *func);
PyObject *PyStaticMethod_New(PyObject *func);
#endif
