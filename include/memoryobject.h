#ifndef MPCY_MEMORYOBJECT_H
#define MPCY_MEMORYOBJECT_H
PyObject *PyMemoryView_FromObject(PyObject *o);
#define PyMemoryView_Check(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_memoryview)
Py_buffer *mpcy_memoryview_buffer(PyObject *mv);
#define PyMemoryView_GET_BUFFER(mv) mpcy_memoryview_buffer(mv)
#endif
