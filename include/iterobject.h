// iter(seq) over __getitem__ and iter(callable, sentinel): runtime/iterobject.c.
#ifndef MPCY_ITEROBJECT_H
#define MPCY_ITEROBJECT_H
extern const mp_obj_type_t mpcy_type_calliter;
#define PyCallIter_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mpcy_type_calliter)
PyObject *PyCallIter_New(PyObject *callable, PyObject *sentinel);
PyObject *PySeqIter_New(PyObject *seq);
#endif
