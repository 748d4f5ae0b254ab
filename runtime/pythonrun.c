// Code objects, evaluation, frames and tracebacks (pythonrun.h, ceval.h,
// traceback.h). Cython's Limited-API traceback compiles "_getframe()" with
// the .pyx name, renames the code object with code.replace(co_firstlineno,
// co_name), runs it to get a frame and calls PyTraceBack_Here; the layer's
// frame object carries those three facts into MicroPython's traceback.
#include "mpcy.h"
#include "py/compile.h"
#include "py/lexer.h"

#define MPCY_CODE_COUNTS (6)

// Compact (48 bytes on 32-bit): what tracebacks need (fun, filename, name,
// firstlineno) and what __code__ shows of the CodeType(...) arguments, not
// the arguments' tuple: the line and exception tables are not shown, and
// co_code, Cython's stand-in of zero bytes, is rebuilt when read.
typedef struct _mpcy_code_t {
    mp_obj_base_t base;
    mp_obj_t fun;       // the compiled MicroPython function, or None
    qstr filename;
    qstr name;
    mp_obj_t varnames;  // co_varnames, co_consts, co_names: NULL when not
    mp_obj_t consts;    // made by CodeType(...)
    mp_obj_t names;
    mp_obj_t code;      // co_code, or its length (small int) when all zeros
    int32_t firstlineno;
    uint16_t counts[MPCY_CODE_COUNTS];  // co_argcount ... co_stacksize, co_flags
} mpcy_code_t;

typedef struct _frame {
    mp_obj_base_t base;
    mpcy_code_t *code;
} mpcy_frame_t;

// The code object PyEval_EvalCode runs in this thread, the innermost (what
// sys._getframe answers); each call keeps its caller's in a local and puts
// it back. One per thread where threads run at once (unix: no GIL), as a
// shared stack was pushed and popped by several threads at once (Cython's
// tracebacks from several threads). Not a root: the PyEval_EvalCode frame
// that set it holds the object on its C stack.
#if MPCY_ERR_PER_THREAD
static __thread mpcy_code_t *mpcy_frame_code;
#else
static mpcy_code_t *mpcy_frame_code;
#endif

static mp_obj_t mpcy_code_new(mp_obj_t fun, qstr filename, qstr name, mp_int_t line);

// __code__'s attributes from CodeType(...)'s arguments.
static MPCY_QCONST uint16_t mpcy_code_counts[MPCY_CODE_COUNTS] = {
    MPCY_Q(MP_QSTR_co_argcount), MPCY_Q(MP_QSTR_co_posonlyargcount), MPCY_Q(MP_QSTR_co_kwonlyargcount),
    MPCY_Q(MP_QSTR_co_nlocals), MPCY_Q(MP_QSTR_co_stacksize), MPCY_Q(MP_QSTR_co_flags),
};
MPCY_FIX_QSTRS(mpcy_code_counts);

static void mpcy_code_attr_args(mpcy_code_t *c, qstr attr, mp_obj_t *dest) {
    for (size_t i = 0; i < MPCY_CODE_COUNTS; i++) {
        if (attr == mpcy_code_counts[i]) {
            dest[0] = MP_OBJ_NEW_SMALL_INT(c->counts[i]);
            return;
        }
    }
    if (attr == MP_QSTR_co_code) {
        dest[0] = c->code;
        if (mp_obj_is_small_int(c->code)) {
            size_t n = MP_OBJ_SMALL_INT_VALUE(c->code);
            vstr_t v;
            vstr_init_len(&v, n);
            memset(v.buf, 0, n);
            dest[0] = mp_obj_new_bytes_from_vstr(&v);
        }
    } else if (attr == MP_QSTR_co_consts) {
        dest[0] = c->consts;
    } else if (attr == MP_QSTR_co_names) {
        dest[0] = c->names;
    } else if (attr == MP_QSTR_co_varnames) {
        dest[0] = c->varnames;
    }
}

// Is the buffer all zero bytes?
static bool mpcy_all_zero(const mp_buffer_info_t *b) {
    const char *p = b->buf;
    return b->len == 0 || (p[0] == 0 && memcmp(p, p + 1, b->len - 1) == 0);
}

static mp_obj_t mpcy_code_replace(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    (void)n_args;
    mpcy_code_t *c = MP_OBJ_TO_PTR(args[0]);
    qstr name = c->name;
    mp_int_t line = c->firstlineno;
    mp_map_elem_t *e = mp_map_lookup(kw, MP_OBJ_NEW_QSTR(MP_QSTR_co_name), MP_MAP_LOOKUP);
    if (e != NULL) {
        name = mp_obj_str_get_qstr(e->value);
    }
    e = mp_map_lookup(kw, MP_OBJ_NEW_QSTR(MP_QSTR_co_firstlineno), MP_MAP_LOOKUP);
    if (e != NULL) {
        line = mp_obj_get_int(e->value);
    }
    return mpcy_code_new(c->fun, c->filename, name, line);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(mpcy_code_replace_obj, 1, mpcy_code_replace);

static void mpcy_code_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    mpcy_code_t *c = MP_OBJ_TO_PTR(self);
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    if (attr == MP_QSTR_replace) {
        dest[0] = MP_OBJ_FROM_PTR(&mpcy_code_replace_obj);
        dest[1] = self;
    } else if (attr == MP_QSTR_co_name) {
        dest[0] = MP_OBJ_NEW_QSTR(c->name);
    } else if (attr == MP_QSTR_co_filename) {
        dest[0] = MP_OBJ_NEW_QSTR(c->filename);
    } else if (attr == MP_QSTR_co_firstlineno) {
        dest[0] = MP_OBJ_NEW_SMALL_INT(c->firstlineno);
    } else if (c->varnames != MP_OBJ_NULL) {
        mpcy_code_attr_args(c, attr, dest);
    }
}

// types.CodeType(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
// flags, code, consts, names, varnames, filename, name, qualname, firstlineno,
// linetable, exceptiontable, freevars, cellvars): what Cython builds for
// each function's __code__.
static mp_obj_t mpcy_code_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 18, 18, false);
    mp_buffer_info_t code;
    mp_get_buffer_raise(args[6], &code, MP_BUFFER_READ);
    mpcy_code_t *c = MP_OBJ_TO_PTR(mpcy_code_new(mp_const_none, mp_obj_str_get_qstr(args[10]),
        mp_obj_str_get_qstr(args[11]), mp_obj_get_int(args[13])));
    for (size_t i = 0; i < MPCY_CODE_COUNTS; i++) {
        mp_int_t n = mp_obj_get_int(args[i]);
        if (n < 0 || n > 0xffff) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("code: argument %d out of range 0..65535"), (int)i + 1);
        }
        c->counts[i] = n;
    }
    c->code = mpcy_all_zero(&code) ? MP_OBJ_NEW_SMALL_INT(code.len) : args[6];
    c->consts = args[7];
    c->names = args[8];
    c->varnames = args[9];
    return MP_OBJ_FROM_PTR(c);
}

MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_code, MP_QSTR_code, MP_TYPE_FLAG_NONE,
    make_new, mpcy_code_make_new,
    attr, mpcy_code_attr);

// types.MethodType(func, self)
static mp_obj_t mpcy_method_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    return mp_obj_new_bound_meth(args[0], args[1]);
}
static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_methodtype, MP_QSTR_MethodType, MP_TYPE_FLAG_NONE,
    make_new, mpcy_method_make_new);

// The parts of CPython's `types` module that Cython's generated code and
// libraries use; an import of `types` answers with it when MicroPython has
// none (import.c).
static const mp_rom_map_elem_t mpcy_types_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_types) },
    { MP_ROM_QSTR(MP_QSTR_MethodType), MP_ROM_PTR(&mpcy_type_methodtype) },
    { MP_ROM_QSTR(MP_QSTR_CodeType), MP_ROM_PTR(&mpcy_type_code) },
    { MP_ROM_QSTR(MP_QSTR_GenericAlias), MP_ROM_PTR(&mpcy_type_generic_alias) },
    // MicroPython's `async def` makes generators (genobject.c)
    { MP_ROM_QSTR(MP_QSTR_CoroutineType), MPCY_ROM_TYPE(gen_instance) },
};
MPCY_DEFINE_CONST_MODULE(mpcy_types_module, mpcy_types_globals_table);

MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_fullargspec);

// inspect.getfullargspec(f): Cython's dataclasses call it on
// dataclasses.field and _DataclassParams to pass only the arguments they take.
// `f` is a bytecode function, a bound method of one, or a class whose __init__
// is one (self included, as CPython's). The names come from the bytecode
// prelude (py/bc.c reads them so for keywords); MicroPython keeps no name for
// *args and **kwargs and no annotations (tests/behaviour/DIFFERENCES.md).
static mp_obj_t mpcy_inspect_getfullargspec(mp_obj_t f) {
    if (mp_obj_is_type(f, &mp_type_type)) {
        f = mp_load_attr(f, MP_QSTR___init__);
    }
    if (mp_obj_is_type(f, &mp_type_bound_meth)) {
        f = ((mpcy_bound_meth_t *)MP_OBJ_TO_PTR(f))->meth;
    }
    if (!mp_obj_is_type(f, &mp_type_fun_bc) && !mp_obj_is_type(f, &mp_type_gen_wrap)) {
        mp_raise_TypeError(MP_ERROR_TEXT("unsupported callable"));
    }
    const mp_obj_fun_bc_t *fun = MP_OBJ_TO_PTR(f);
    const byte *ip = fun->bytecode;
    MP_BC_PRELUDE_SIG_DECODE(ip);
    MP_BC_PRELUDE_SIZE_DECODE(ip);
    if (scope_flags & (MP_SCOPE_FLAG_VARARGS | MP_SCOPE_FLAG_VARKEYWORDS)) {
        mp_raise_TypeError(MP_ERROR_TEXT("unsupported callable"));
    }
    ip = mp_decode_uint_skip(ip); // the function's name
    mp_obj_t args = mp_obj_new_list(0, NULL);
    mp_obj_t kwonly = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i < n_pos_args + n_kwonly_args; i++) {
        qstr q = mp_decode_uint(&ip);
        #if MICROPY_EMIT_BYTECODE_USES_QSTR_TABLE
        q = fun->context->constants.qstr_table[q];
        #endif
        mp_obj_list_append(i < n_pos_args ? args : kwonly, MP_OBJ_NEW_QSTR(q));
    }
    mp_obj_t spec[7] = { args, mp_const_none, mp_const_none, mp_const_none, kwonly, mp_const_none,
                         mp_obj_new_dict(0) };
    if (n_def_pos_args) {
        spec[3] = mp_obj_new_tuple(n_def_pos_args, fun->extra_args);
    }
    if (scope_flags & MP_SCOPE_FLAG_DEFKWARGS) {
        spec[5] = mp_obj_dict_copy(fun->extra_args[n_def_pos_args]);
    }
    if (MP_STATE_VM(mpcy_fullargspec) == MP_OBJ_NULL) {
        mp_obj_t nt = mp_load_attr(mp_import_name(MP_QSTR_collections, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)),
            MP_QSTR_namedtuple);
        static const char fields[] = "args varargs varkw defaults kwonlyargs kwonlydefaults annotations";
        MP_STATE_VM(mpcy_fullargspec) = mp_call_function_2(nt, MP_OBJ_NEW_QSTR(MP_QSTR_FullArgSpec),
            mp_obj_new_str(fields, sizeof(fields) - 1));
    }
    return mp_call_function_n_kw(MP_STATE_VM(mpcy_fullargspec), 7, 0, spec);
}
static MP_DEFINE_CONST_FUN_OBJ_1(mpcy_inspect_getfullargspec_obj, mpcy_inspect_getfullargspec);

// `inspect`'s code flags and getfullargspec: Cython's module init imports
// inspect for the flags (even when the headers define them all) and would
// leave the failed import's ImportError pending; PyImport_ImportModule("inspect")
// answers with this.
static const mp_rom_map_elem_t mpcy_inspect_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_inspect) },
    { MP_ROM_QSTR(MP_QSTR_getfullargspec), MP_ROM_PTR(&mpcy_inspect_getfullargspec_obj) },
    { MP_ROM_QSTR(MP_QSTR_CO_OPTIMIZED), MP_ROM_INT(CO_OPTIMIZED) },
    { MP_ROM_QSTR(MP_QSTR_CO_NEWLOCALS), MP_ROM_INT(CO_NEWLOCALS) },
    { MP_ROM_QSTR(MP_QSTR_CO_VARARGS), MP_ROM_INT(CO_VARARGS) },
    { MP_ROM_QSTR(MP_QSTR_CO_VARKEYWORDS), MP_ROM_INT(CO_VARKEYWORDS) },
    { MP_ROM_QSTR(MP_QSTR_CO_NESTED), MP_ROM_INT(CO_NESTED) },
    { MP_ROM_QSTR(MP_QSTR_CO_GENERATOR), MP_ROM_INT(CO_GENERATOR) },
    { MP_ROM_QSTR(MP_QSTR_CO_COROUTINE), MP_ROM_INT(CO_COROUTINE) },
    { MP_ROM_QSTR(MP_QSTR_CO_ITERABLE_COROUTINE), MP_ROM_INT(CO_ITERABLE_COROUTINE) },
    { MP_ROM_QSTR(MP_QSTR_CO_ASYNC_GENERATOR), MP_ROM_INT(CO_ASYNC_GENERATOR) },
};
MPCY_DEFINE_CONST_MODULE(mpcy_inspect_module, mpcy_inspect_globals_table);

// threading.local: Cython's code for a dataclass's __repr__ keeps its guard
// against recursion in `__import__('threading').local()`. Each thread sees
// its own attributes: `dicts` maps a thread's id to its attribute dict (kept
// until the object goes; CPython drops a dict when its thread ends).
typedef struct {
    mp_obj_base_t base;
    mp_obj_t dicts;
    #if MICROPY_PY_THREAD
    mp_thread_mutex_t mutex; // `dicts` is shared between the threads
    #endif
} mpcy_local_t;

static mp_obj_t mpcy_local_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)args;
    if (n_args || n_kw) {
        mp_raise_TypeError(MP_ERROR_TEXT("Initialization arguments are not supported"));
    }
    mpcy_local_t *self = mp_obj_malloc(mpcy_local_t, type);
    self->dicts = mp_obj_new_dict(0);
    #if MICROPY_PY_THREAD
    mp_thread_mutex_init(&self->mutex);
    #endif
    return MP_OBJ_FROM_PTR(self);
}

// The calling thread's attribute dict (made if `make`), or MP_OBJ_NULL.
static mp_obj_t mpcy_local_dict(mpcy_local_t *self, bool make) {
    #if MICROPY_PY_THREAD
    mp_obj_t key = mp_obj_new_int_from_uint(mp_thread_get_id());
    mp_obj_t fresh = make ? mp_obj_new_dict(0) : MP_OBJ_NULL; // allocated outside the lock
    mp_thread_mutex_lock(&self->mutex, 1);
    #else
    mp_obj_t key = MP_OBJ_NEW_SMALL_INT(0);
    mp_obj_t fresh = make ? mp_obj_new_dict(0) : MP_OBJ_NULL;
    #endif
    mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(self->dicts), key, make ? MP_MAP_LOOKUP_ADD_IF_NOT_FOUND : MP_MAP_LOOKUP);
    mp_obj_t d = e == NULL ? MP_OBJ_NULL : e->value;
    if (e != NULL && d == MP_OBJ_NULL) {
        d = e->value = fresh;
    }
    #if MICROPY_PY_THREAD
    mp_thread_mutex_unlock(&self->mutex);
    #endif
    return d;
}

static void mpcy_local_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpcy_local_t *self = MP_OBJ_TO_PTR(self_in);
    bool load = dest[0] == MP_OBJ_NULL, store = !load && dest[1] != MP_OBJ_NULL;
    mp_obj_t d = mpcy_local_dict(self, store || attr == MP_QSTR___dict__);
    if (attr == MP_QSTR___dict__) {
        if (load) {
            dest[0] = d;
        }
        return;
    }
    if (d == MP_OBJ_NULL) {
        return; // nothing set in this thread: AttributeError
    }
    mp_map_t *map = mp_obj_dict_get_map(d);
    if (load) {
        mp_map_elem_t *e = mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (e != NULL) {
            dest[0] = e->value;
        }
    } else if (store) {
        mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
        dest[0] = MP_OBJ_NULL;
    } else if (mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL) {
        dest[0] = MP_OBJ_NULL;
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_local, MP_QSTR_local, MP_TYPE_FLAG_NONE,
    make_new, mpcy_local_make_new,
    attr, mpcy_local_attr);

// The part of `threading` that Cython's generated code uses (local), for C
// code where MicroPython has none (import.c); its Thread and locks are not here.
static const mp_rom_map_elem_t mpcy_threading_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_threading) },
    { MP_ROM_QSTR(MP_QSTR_local), MP_ROM_PTR(&mpcy_type_local) },
};
MPCY_DEFINE_CONST_MODULE(mpcy_threading_module, mpcy_threading_globals_table);

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_frame, MP_QSTR_frame, MP_TYPE_FLAG_NONE);

static mp_obj_t mpcy_code_new(mp_obj_t fun, qstr filename, qstr name, mp_int_t line) {
    mpcy_code_t *c = mp_obj_malloc(mpcy_code_t, &mpcy_type_code);
    c->fun = fun;
    c->filename = filename;
    c->name = name;
    c->firstlineno = line;
    c->varnames = c->consts = c->names = c->code = MP_OBJ_NULL;
    return MP_OBJ_FROM_PTR(c);
}

PyObject *Py_CompileString(const char *str, const char *filename, int start) {
    MPCY_CHECK_INIT("Py_CompileString");
    mp_obj_t r = MP_OBJ_NULL;
    #if MICROPY_ENABLE_COMPILER
    MPCY_TRY(NULL, {
        qstr fn = qstr_from_str(filename);
        mp_lexer_t *lex = mp_lexer_new_from_str_len(fn, str, strlen(str), 0);
        mp_parse_input_kind_t kind = start == Py_eval_input ? MP_PARSE_EVAL_INPUT
            : start == Py_single_input ? MP_PARSE_SINGLE_INPUT : MP_PARSE_FILE_INPUT;
        mp_parse_tree_t tree = mp_parse(lex, kind);
        // Py_single_input prints the value of an expression statement, as the REPL.
        mp_obj_t fun = mp_compile(&tree, fn, kind == MP_PARSE_SINGLE_INPUT);
        r = mpcy_code_new(fun, fn, MP_QSTR__lt_module_gt_, 1);
    });
    #else
    (void)str;
    (void)filename;
    (void)start;
    PyErr_SetString(PyExc_NotImplementedError, "Py_CompileString: this MicroPython has no compiler");
    #endif
    return MPCY_PY(r);
}

PyObject *Py_CompileStringExFlags(const char *str, const char *filename, int start, void *flags, int optimize) {
    (void)flags;
    (void)optimize;
    return Py_CompileString(str, filename, start);
}

PyObject *PyEval_EvalCode(PyObject *code, PyObject *globals, PyObject *locals) {
    MPCY_CHECK_INIT("PyEval_EvalCode");
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_TypeError, "PyEval_EvalCode: expected a code object");
        return NULL;
    }
    mpcy_code_t *c = MP_OBJ_TO_PTR(MPCY_OBJ(code));
    mp_obj_t r = MP_OBJ_NULL;
    mpcy_code_t *outer = mpcy_frame_code;
    mp_obj_dict_t *old_globals = mp_globals_get();
    mp_obj_dict_t *old_locals = mp_locals_get();
    mp_obj_t exc;
    mpcy_frame_code = c;
    MPCY_CATCH(exc, {
        mp_globals_set(MP_OBJ_TO_PTR(MPCY_OBJ(globals)));
        mp_locals_set(MP_OBJ_TO_PTR(MPCY_OBJ(locals ? locals : globals)));
        r = mp_call_function_0(c->fun);
    });
    if (exc != MP_OBJ_NULL) {
        PyErr_SetRaisedException(MPCY_PY(exc));
    }
    mp_globals_set(old_globals);
    mp_locals_set(old_locals);
    mpcy_frame_code = outer;
    mpcy_live_until(c);
    mpcy_live_until(outer);
    return MPCY_PY(r);
}

PyObject *PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals) {
    MPCY_CHECK_INIT("PyRun_String");
    PyObject *code = Py_CompileString(str, "<string>", start);
    return code ? PyEval_EvalCode(code, globals, locals) : NULL;
}

int PyRun_SimpleString(const char *command) {
    MPCY_CHECK_INIT("PyRun_SimpleString");
    PyObject *m = PyImport_AddModule("__main__");
    PyObject *r = m ? PyRun_String(command, Py_file_input, PyModule_GetDict(m), NULL) : NULL;
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    return 0;
}

// sys._getframe() for code run by PyEval_EvalCode: the innermost such code.
static mp_obj_t mpcy_getframe(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    (void)args;
    mpcy_code_t *c = mpcy_frame_code;
    if (c == NULL) {
        mp_raise_ValueError(MP_ERROR_TEXT("call stack is not deep enough"));
    }
    mpcy_frame_t *f = mp_obj_malloc(mpcy_frame_t, &mpcy_type_frame);
    f->code = c;
    return MP_OBJ_FROM_PTR(f);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpcy_getframe_obj, 0, 1, mpcy_getframe);

// Add the frame's file, line and function to the pending exception, the way
// MicroPython records its own frames.
int PyTraceBack_Here(PyFrameObject *frame) {
    mp_obj_t e = MPCY_ERR;
    if (e == MP_OBJ_NULL || frame == NULL || frame->base.type != &mpcy_type_frame) {
        return 0;
    }
    mpcy_code_t *c = frame->code;
    mp_obj_exception_add_traceback(e, c->filename, c->firstlineno, c->name);
    return 0;
}

static void mpcy_traceback_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind) {
    mp_printf(print, "<traceback object at %p>", MP_OBJ_TO_PTR(self)); // CPython's repr
}

static MP_DEFINE_CONST_OBJ_TYPE(mpcy_type_traceback, MP_QSTR_traceback, MP_TYPE_FLAG_NONE, print, mpcy_traceback_print);

// (mpcy_traceback_last_for)
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_traceback_last);

// MP_OBJ_NULL without memory, raising nothing: a traceback is optional, and
// in a finaliser (heap locked) PyErr_Fetch must not replace the exception it
// fetches with a MemoryError.
mp_obj_t mpcy_traceback_of(mp_obj_t exc) {
    mp_obj_t last = mpcy_traceback_last_for(exc);
    if (last != MP_OBJ_NULL) {
        return last;
    }
    mpcy_traceback_t *tb = mpcy_obj_new_maybe(&mpcy_type_traceback, sizeof(mpcy_traceback_t));
    if (tb == NULL) {
        return MP_OBJ_NULL;
    }
    tb->exc = exc;
    MP_STATE_VM(mpcy_traceback_last) = MP_OBJ_FROM_PTR(tb);
    return MP_OBJ_FROM_PTR(tb);
}

int mpcy_traceback_check(PyObject *o) {
    return mp_obj_is_type(MPCY_OBJ(o), &mpcy_type_traceback);
}

// The exception TB refers to, or MP_OBJ_NULL if TB is not a traceback.
mp_obj_t mpcy_traceback_exc(mp_obj_t tb) {
    return mp_obj_is_type(tb, &mpcy_type_traceback) ? ((mpcy_traceback_t *)MP_OBJ_TO_PTR(tb))->exc : MP_OBJ_NULL;
}

// CPython's: "Traceback (most recent call last):" and the frames, written
// to the file F (its write()); nothing for no traceback.
int PyTraceBack_Print(PyObject *tb, PyObject *f) {
    if (tb == NULL) {
        return 0;
    }
    mp_obj_t e = mpcy_traceback_exc(MPCY_OBJ(tb));
    if (e == MP_OBJ_NULL || f == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    mp_print_t buf;
    const mp_print_t *print = mpcy_file_printer(MPCY_OBJ(f), &buf);
    MPCY_TRY(-1, mpcy_print_frames(print, e));
    return 0;
}

int PyCode_GetNumFree(PyCodeObject *co) {
    (void)co;
    return 0;
}

PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno) {
    mp_obj_t r = MP_OBJ_NULL;
    MPCY_TRY(NULL, r = mpcy_code_new(mp_const_none, qstr_from_str(filename), qstr_from_str(funcname), firstlineno));
    return MP_OBJ_TO_PTR(r);
}

PyObject *PyEval_GetGlobals(void) {
    return MPCY_PY(MP_OBJ_FROM_PTR(mp_globals_get()));
}

PyObject *PyEval_GetLocals(void) {
    return MPCY_PY(MP_OBJ_FROM_PTR(mp_locals_get()));
}
