// Objects and types. PyObject* is mp_obj_t; a cdef class struct starts with
// MicroPython's mp_obj_base_t so it is a valid MicroPython object.
#ifndef MPCY_OBJECT_H
#define MPCY_OBJECT_H

typedef struct _object {
    mp_obj_base_t ob_base;
} PyObject;

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;
} PyVarObject;

typedef struct _mp_obj_type_t PyTypeObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
#define PyObject_HEAD_INIT(type) { type },
#define PyVarObject_HEAD_INIT(type, size) { { type } },

// Reference counts: the MicroPython GC owns every object (docs/design.md, "GC
// roots"); Py_DECREF keeps its argument alive up to that point, as CPython's
// reference would (mpcy_live_until, mpcython.h).
#define Py_INCREF(op) ((void)(op))
#define Py_DECREF(op) mpcy_live_until(op)
#define Py_XINCREF(op) ((void)(op))
#define Py_XDECREF(op) mpcy_live_until(op)
#define Py_CLEAR(op) do { mpcy_live_until(op); (op) = NULL; } while (0)
#define Py_SETREF(dst, src) do { mpcy_live_until(dst); (dst) = (src); } while (0)
#define Py_XSETREF(dst, src) do { mpcy_live_until(dst); (dst) = (src); } while (0)
#define Py_REFCNT(op) ((void)(op), MPCY_REFCNT_SHARED)
#define Py_SET_REFCNT(op, n) ((void)(op), (void)(n))
#define Py_IncRef(op) ((void)(op))
#define Py_DecRef(op) mpcy_live_until(op)
static inline PyObject *Py_NewRef(PyObject *o) {
    return o;
}
static inline PyObject *Py_XNewRef(PyObject *o) {
    return o;
}
#define Py_NewRef(o) Py_NewRef(MPCY_PY(o))
#define Py_XNewRef(o) Py_XNewRef(MPCY_PY(o))
void _Py_Dealloc(PyObject *o);

#define Py_TYPE(o) ((PyTypeObject *)mp_obj_get_type(MPCY_OBJ(o)))
#define Py_SET_TYPE(o, t) (((mp_obj_base_t *)(o))->type = (const mp_obj_type_t *)(t))
#define Py_IS_TYPE(o, t) (Py_TYPE(o) == (t))
#define Py_SIZE(o) (((PyVarObject *)(o))->ob_size)
#define Py_SET_SIZE(o, n) (((PyVarObject *)(o))->ob_size = (n))
#define Py_Is(x, y) ((x) == (y))

#define Py_None MPCY_PY(mp_const_none)
#define Py_NotImplemented MPCY_PY(MP_OBJ_FROM_PTR(&mp_const_notimplemented_obj))
#define Py_Ellipsis MPCY_PY(MP_OBJ_FROM_PTR(&mp_const_ellipsis_obj))
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_RETURN_NONE return Py_None
#define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented

// Built-in type objects are MicroPython's.
#define PyType_Type MPCY_TYPE(mp_type_type)
#define PyBaseObject_Type MPCY_TYPE(mp_type_object)
#define PyLong_Type MPCY_TYPE(mp_type_int)
#define PyBool_Type MPCY_TYPE(mp_type_bool)
#define PyFloat_Type MPCY_TYPE(mp_type_float)
#define PyComplex_Type MPCY_TYPE(mp_type_complex)
#define PyUnicode_Type MPCY_TYPE(mp_type_str)
#define PyBytes_Type MPCY_TYPE(mp_type_bytes)
#define PyByteArray_Type MPCY_TYPE(mp_type_bytearray)
#define PyTuple_Type MPCY_TYPE(mp_type_tuple)
#define PyList_Type MPCY_TYPE(mp_type_list)
#define PyDict_Type MPCY_TYPE(mp_type_dict)
#define PySet_Type MPCY_TYPE(mp_type_set)
#define PyFrozenSet_Type MPCY_TYPE(mp_type_frozenset)
#define PySlice_Type MPCY_TYPE(mp_type_slice)
#define PyRange_Type MPCY_TYPE(mp_type_range)
#define PyModule_Type MPCY_TYPE(mp_type_module)
#define PyMemoryView_Type MPCY_TYPE(mp_type_memoryview)
#define PyProperty_Type MPCY_TYPE(mp_type_property)
#define PyStaticMethod_Type MPCY_TYPE(mp_type_staticmethod)
#define PyClassMethod_Type MPCY_TYPE(mp_type_classmethod)
#define PyFunction_Type MPCY_TYPE(mp_type_fun_bc)
#define PyMethod_Type MPCY_TYPE(mp_type_bound_meth)
#define PyCFunction_Type MPCY_TYPE(mpcy_type_cfunction)
#define PyMethodDescr_Type MPCY_TYPE(mpcy_type_method_descr)
#define PyGen_Type MPCY_TYPE(mp_type_gen_instance)
#define PyCode_Type MPCY_TYPE(mpcy_type_code)
#define PyEnum_Type MPCY_TYPE(mp_type_enumerate)

// ---- PyType_Spec: types created at run time ------------------------------
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);
typedef enum { PYGEN_RETURN = 0, PYGEN_ERROR = -1, PYGEN_NEXT = 1 } PySendResult;
typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value, PyObject **result);


typedef struct {
    int slot;
    void *pfunc;
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    const PyType_Slot *slots;
} PyType_Spec;

// Slot numbers as in CPython's typeslots.h (they are part of the stable ABI).
#define Py_bf_getbuffer 1
#define Py_bf_releasebuffer 2
#define Py_mp_ass_subscript 3
#define Py_mp_length 4
#define Py_mp_subscript 5
#define Py_nb_absolute 6
#define Py_nb_add 7
#define Py_nb_and 8
#define Py_nb_bool 9
#define Py_nb_divmod 10
#define Py_nb_float 11
#define Py_nb_floor_divide 12
#define Py_nb_index 13
#define Py_nb_inplace_add 14
#define Py_nb_inplace_and 15
#define Py_nb_inplace_floor_divide 16
#define Py_nb_inplace_lshift 17
#define Py_nb_inplace_multiply 18
#define Py_nb_inplace_or 19
#define Py_nb_inplace_power 20
#define Py_nb_inplace_remainder 21
#define Py_nb_inplace_rshift 22
#define Py_nb_inplace_subtract 23
#define Py_nb_inplace_true_divide 24
#define Py_nb_inplace_xor 25
#define Py_nb_int 26
#define Py_nb_invert 27
#define Py_nb_lshift 28
#define Py_nb_multiply 29
#define Py_nb_negative 30
#define Py_nb_or 31
#define Py_nb_positive 32
#define Py_nb_power 33
#define Py_nb_remainder 34
#define Py_nb_rshift 35
#define Py_nb_subtract 36
#define Py_nb_true_divide 37
#define Py_nb_xor 38
#define Py_sq_ass_item 39
#define Py_sq_concat 40
#define Py_sq_contains 41
#define Py_sq_inplace_concat 42
#define Py_sq_inplace_repeat 43
#define Py_sq_item 44
#define Py_sq_length 45
#define Py_sq_repeat 46
#define Py_tp_alloc 47
#define Py_tp_base 48
#define Py_tp_bases 49
#define Py_tp_call 50
#define Py_tp_clear 51
#define Py_tp_dealloc 52
#define Py_tp_del 53
#define Py_tp_descr_get 54
#define Py_tp_descr_set 55
#define Py_tp_doc 56
#define Py_tp_getattr 57
#define Py_tp_getattro 58
#define Py_tp_hash 59
#define Py_tp_init 60
#define Py_tp_is_gc 61
#define Py_tp_iter 62
#define Py_tp_iternext 63
#define Py_tp_methods 64
#define Py_tp_new 65
#define Py_tp_repr 66
#define Py_tp_richcompare 67
#define Py_tp_setattr 68
#define Py_tp_setattro 69
#define Py_tp_str 70
#define Py_tp_traverse 71
#define Py_tp_members 72
#define Py_tp_getset 73
#define Py_tp_free 74
#define Py_nb_matrix_multiply 75
#define Py_nb_inplace_matrix_multiply 76
#define Py_am_await 77
#define Py_am_aiter 78
#define Py_am_anext 79
#define Py_tp_finalize 80
#define Py_am_send 81
#define Py_tp_vectorcall 82
#define Py_tp_token 83

#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define _Py_TPFLAGS_HAVE_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0
#define Py_TPFLAGS_HAVE_FINALIZE 1UL
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)

#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

PyObject *PyType_FromSpec(const PyType_Spec *spec);
PyObject *PyType_FromSpecWithBases(const PyType_Spec *spec, PyObject *bases);
PyObject *PyType_FromModuleAndSpec(PyObject *module, const PyType_Spec *spec, PyObject *bases);
PyObject *PyType_FromMetaclass(PyTypeObject *metaclass, PyObject *module, const PyType_Spec *spec, PyObject *bases);
void *PyType_GetSlot(PyTypeObject *type, int slot);
unsigned long PyType_GetFlags(PyTypeObject *type);
#define PyType_HasFeature(t, f) ((PyType_GetFlags(t) & (f)) != 0)
#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
int PyType_Ready(PyTypeObject *type);
void PyType_Modified(PyTypeObject *type);
int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b);
PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems);
PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds);
PyObject *PyType_GetName(PyTypeObject *type);
PyObject *PyType_GetQualName(PyTypeObject *type);
PyObject *PyType_GetModule(PyTypeObject *type);
void *PyType_GetModuleState(PyTypeObject *type);
struct PyModuleDef;
PyObject *PyType_GetModuleByDef(PyTypeObject *type, struct PyModuleDef *def);
#define PyType_Check(o) MPCY_CHECK(PyType_CheckExact(o), o, mp_type_type)
#define PyType_CheckExact(o) mp_obj_is_type(MPCY_OBJ(o), &mp_type_type)
#define PyObject_TypeCheck(o, t) (Py_IS_TYPE((o), (t)) || PyType_IsSubtype(Py_TYPE(o), (t)))

// ---- The generic object protocol --------------------------------------------
PyObject *PyObject_Repr(PyObject *o);
PyObject *PyObject_Str(PyObject *o);
PyObject *PyObject_ASCII(PyObject *o);
PyObject *PyObject_Bytes(PyObject *o);
PyObject *PyObject_Format(PyObject *o, PyObject *spec);
Py_hash_t PyObject_Hash(PyObject *o);
Py_hash_t PyObject_HashNotImplemented(PyObject *o);
int PyObject_IsTrue(PyObject *o);
int PyObject_Not(PyObject *o);
PyObject *PyObject_RichCompare(PyObject *a, PyObject *b, int op);
int PyObject_RichCompareBool(PyObject *a, PyObject *b, int op);
PyObject *PyObject_GetAttr(PyObject *o, PyObject *name);
PyObject *PyObject_GetAttrString(PyObject *o, const char *name);
int PyObject_GetOptionalAttr(PyObject *o, PyObject *name, PyObject **result);
int PyObject_SetAttr(PyObject *o, PyObject *name, PyObject *v);
int PyObject_SetAttrString(PyObject *o, const char *name, PyObject *v);
int PyObject_DelAttr(PyObject *o, PyObject *name);
int PyObject_DelAttrString(PyObject *o, const char *name);
int PyObject_HasAttr(PyObject *o, PyObject *name);
int PyObject_HasAttrString(PyObject *o, const char *name);
PyObject *PyObject_GenericGetAttr(PyObject *o, PyObject *name);
int PyObject_GenericSetAttr(PyObject *o, PyObject *name, PyObject *v);
PyObject *PyObject_GenericGetDict(PyObject *o, void *context);
int PyObject_GenericSetDict(PyObject *o, PyObject *v, void *context);
PyObject *PyObject_Dir(PyObject *o);
PyObject *PyObject_Type(PyObject *o);
int PyObject_IsInstance(PyObject *inst, PyObject *cls);
int PyObject_IsSubclass(PyObject *derived, PyObject *cls);
PyObject *PyObject_SelfIter(PyObject *o);
int PyCallable_Check(PyObject *o);
PyObject *_PyObject_New(PyTypeObject *type);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define Py_VISIT(op) do { \
        if (op) { \
            int vret_ = visit(MPCY_PY(op), arg); \
            if (vret_) { \
                return vret_; \
            } \
        } \
} while (0)
PyObject *PyObject_Init(PyObject *o, PyTypeObject *type);
void PyObject_GC_Track(void *o);
void PyObject_GC_UnTrack(void *o);
void PyObject_GC_Del(void *o);
int PyObject_GC_IsFinalized(PyObject *o);
#define PyObject_CallFinalizerFromDealloc(o) 0
int Py_ReprEnter(PyObject *o);
void Py_ReprLeave(PyObject *o);
#define Py_EnterRecursiveCall(where) mpcy_enter_recursive_call(where)
#define Py_LeaveRecursiveCall() ((void)0)

// Critical sections exist only in free-threaded CPython.
#define Py_BEGIN_CRITICAL_SECTION(o) {
#define Py_END_CRITICAL_SECTION() }
#define Py_BEGIN_CRITICAL_SECTION2(a, b) {
#define Py_END_CRITICAL_SECTION2() }

#endif
