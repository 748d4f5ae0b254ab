// Abstract object protocols: calls, numbers, sequences, mappings, iterators.
#ifndef MPCY_ABSTRACT_H
#define MPCY_ABSTRACT_H
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
#define PyVectorcall_NARGS(n) ((Py_ssize_t)((n) & ~PY_VECTORCALL_ARGUMENTS_OFFSET))
PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs);
PyObject *PyObject_CallObject(PyObject *callable, PyObject *args);
PyObject *PyObject_CallNoArgs(PyObject *callable);
PyObject *PyObject_CallOneArg(PyObject *callable, PyObject *arg);
PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyObject_CallMethod(PyObject *o, const char *name, const char *format, ...);
PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...);
PyObject *PyObject_CallMethodObjArgs(PyObject *o, PyObject *name, ...);
PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);
PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwdict);
PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf, PyObject *kwnames);
PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *dict);
vectorcallfunc PyVectorcall_Function(PyObject *callable);
#define _PyObject_Vectorcall PyObject_Vectorcall

// Numbers
int PyNumber_Check(PyObject *o);
// The binary operators, each beside its in-place form, all of the type
// PyObject *PyNumber_X(PyObject *a, PyObject *b).
typedef PyObject *mpcy_number_binary_t(PyObject *a, PyObject *b);
mpcy_number_binary_t PyNumber_Add, PyNumber_InPlaceAdd;
mpcy_number_binary_t PyNumber_Subtract, PyNumber_InPlaceSubtract;
mpcy_number_binary_t PyNumber_Multiply, PyNumber_InPlaceMultiply;
mpcy_number_binary_t PyNumber_MatrixMultiply, PyNumber_InPlaceMatrixMultiply;
mpcy_number_binary_t PyNumber_FloorDivide, PyNumber_InPlaceFloorDivide;
mpcy_number_binary_t PyNumber_TrueDivide, PyNumber_InPlaceTrueDivide;
mpcy_number_binary_t PyNumber_Remainder, PyNumber_InPlaceRemainder;
PyObject *PyNumber_Divmod(PyObject *a, PyObject *b);
PyObject *PyNumber_Power(PyObject *a, PyObject *b, PyObject *c);
PyObject *PyNumber_InPlacePower(PyObject *a, PyObject *b, PyObject *c);
mpcy_number_binary_t PyNumber_Lshift, PyNumber_InPlaceLshift;
mpcy_number_binary_t PyNumber_Rshift, PyNumber_InPlaceRshift;
mpcy_number_binary_t PyNumber_And, PyNumber_InPlaceAnd;
mpcy_number_binary_t PyNumber_Or, PyNumber_InPlaceOr;
mpcy_number_binary_t PyNumber_Xor, PyNumber_InPlaceXor;
PyObject *PyNumber_Negative(PyObject *o);
PyObject *PyNumber_Positive(PyObject *o);
PyObject *PyNumber_Absolute(PyObject *o);
PyObject *PyNumber_Invert(PyObject *o);
PyObject *PyNumber_Long(PyObject *o);
PyObject *PyNumber_Float(PyObject *o);
PyObject *PyNumber_Index(PyObject *o);
Py_ssize_t PyNumber_AsSsize_t(PyObject *o, PyObject *exc);
int PyIndex_Check(PyObject *o);

// Sequences and mappings
int PySequence_Check(PyObject *o);
Py_ssize_t PySequence_Size(PyObject *o);
#define PySequence_Length PySequence_Size
PyObject *PySequence_GetItem(PyObject *o, Py_ssize_t i);
#define PySequence_ITEM PySequence_GetItem
int PySequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v);
int PySequence_DelItem(PyObject *o, Py_ssize_t i);
PyObject *PySequence_GetSlice(PyObject *o, Py_ssize_t lo, Py_ssize_t hi);
int PySequence_SetSlice(PyObject *o, Py_ssize_t lo, Py_ssize_t hi, PyObject *v);
int PySequence_DelSlice(PyObject *o, Py_ssize_t lo, Py_ssize_t hi);
int PySequence_Contains(PyObject *o, PyObject *v);
Py_ssize_t PySequence_Index(PyObject *o, PyObject *v);
Py_ssize_t PySequence_Count(PyObject *o, PyObject *v);
PyObject *PySequence_Tuple(PyObject *o);
PyObject *PySequence_List(PyObject *o);
PyObject *PySequence_Concat(PyObject *a, PyObject *b);
PyObject *PySequence_Repeat(PyObject *o, Py_ssize_t n);
PyObject *PySequence_InPlaceConcat(PyObject *a, PyObject *b);
PyObject *PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t n);
PyObject *PySequence_Fast(PyObject *o, const char *msg);
int PyMapping_Check(PyObject *o);
Py_ssize_t PyMapping_Size(PyObject *o);
#define PyMapping_Length PyMapping_Size
PyObject *PyMapping_Keys(PyObject *o);
PyObject *PyMapping_Values(PyObject *o);
PyObject *PyMapping_Items(PyObject *o);
PyObject *PyMapping_GetItemString(PyObject *o, const char *key);
int PyMapping_SetItemString(PyObject *o, const char *key, PyObject *v);
int PyMapping_HasKey(PyObject *o, PyObject *key);
int PyMapping_HasKeyString(PyObject *o, const char *key);
PyObject *PyObject_GetItem(PyObject *o, PyObject *key);
int PyObject_SetItem(PyObject *o, PyObject *key, PyObject *v);
int PyObject_DelItem(PyObject *o, PyObject *key);
int PyObject_DelItemString(PyObject *o, const char *key);
Py_ssize_t PyObject_Size(PyObject *o);
#define PyObject_Length PyObject_Size
Py_ssize_t PyObject_LengthHint(PyObject *o, Py_ssize_t dflt);
PyObject *PyObject_GetIter(PyObject *o);
PyObject *PyObject_GetAIter(PyObject *o);
int PyIter_Check(PyObject *o);
PyObject *PyIter_Next(PyObject *o);
int PyIter_NextItem(PyObject *o, PyObject **item);
PySendResult PyIter_Send(PyObject *iter, PyObject *arg, PyObject **presult);
#endif
