// sys (sysmodule.h): MicroPython's module, plus _getframe for Cython's
// tracebacks; sys.argv for embedding programs.
#include "mpcy.h"

// sys: MicroPython's module, plus _getframe for Cython's tracebacks.
// sys.get_asyncgen_hooks(): MicroPython's asyncio installs no hooks on
// async generators (CPython's closes unfinished ones when its loop closes):
// (firstiter, finalizer) are (None, None), as on CPython with no loop.
static mp_obj_t mpcy_get_asyncgen_hooks(void) {
    mp_obj_t none[2] = { mp_const_none, mp_const_none };
    return mp_obj_new_tuple(2, none);
}
static MP_DEFINE_CONST_FUN_OBJ_0(mpcy_get_asyncgen_hooks_obj, mpcy_get_asyncgen_hooks);

// Attributes Cython code sets on sys (sys.stdout = StringIO(), ...) that
// MicroPython's sys cannot hold: its module is in ROM and only a few
// attributes (path, ps1, ps2, tracebacklimit) are mutable. They live here and
// every lookup through the layer sees them: PySys_GetObject, getattr from
// Cython, the layer's printing (PySys_Write*, PyErr_Print, unraisable errors,
// warnings) and the print() Cython calls. MicroPython's own code (print() in
// a .py file) still writes to its stdout (tests/behaviour/DIFFERENCES.md).
MP_REGISTER_ROOT_POINTER(mp_obj_t mpcy_sys);

mp_obj_t mpcy_sys_get(qstr attr) {
    if (MP_STATE_VM(mpcy_sys) == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    mp_map_t *map = mp_obj_dict_get_map(MP_STATE_VM(mpcy_sys));
    mp_map_elem_t *e = MPCY_NO_RAISE(mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP)); // a qstr key
    return e != NULL ? e->value : MP_OBJ_NULL;
}

// sys.attr = v (v MP_OBJ_NULL: del sys.attr): into MicroPython's sys where it
// can hold it, else here.
void mpcy_sys_set(qstr attr, mp_obj_t v) {
    mp_obj_t sys = MP_OBJ_FROM_PTR(&mp_module_sys);
    mp_obj_t exc;
    MPCY_CATCH(exc, mp_store_attr(sys, attr, v));
    // MicroPython's sys holds it: nothing here may shadow it
    mp_obj_t mine = exc == MP_OBJ_NULL ? MP_OBJ_NULL : v;
    if (exc != MP_OBJ_NULL && !mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_AttributeError))) {
        nlr_raise(exc);
    } else if (exc != MP_OBJ_NULL && mine == MP_OBJ_NULL && mpcy_sys_get(attr) == MP_OBJ_NULL) {
        nlr_raise(exc); // del of what is not there
    }
    if (MP_STATE_VM(mpcy_sys) == MP_OBJ_NULL) {
        if (mine == MP_OBJ_NULL) {
            return;
        }
        MP_STATE_VM(mpcy_sys) = mp_obj_new_dict(2);
    }
    mp_map_t *map = mp_obj_dict_get_map(MP_STATE_VM(mpcy_sys));
    if (mine == MP_OBJ_NULL) {
        mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    } else {
        mp_map_lookup(map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mine;
    }
}

PyObject *PySys_GetObject(const char *name) {
    if (!strcmp(name, "_getframe")) {
        return MPCY_PY(MP_OBJ_FROM_PTR(&mpcy_getframe_obj));
    }
    if (!strcmp(name, "get_asyncgen_hooks")) {
        return MPCY_PY(MP_OBJ_FROM_PTR(&mpcy_get_asyncgen_hooks_obj));
    }
    mp_obj_t dest[2], exc;
    MPCY_CATCH(exc, {
        qstr attr = qstr_from_str(name);
        dest[0] = mpcy_sys_get(attr);
        if (dest[0] == MP_OBJ_NULL) {
            mp_load_method_maybe(MP_OBJ_FROM_PTR(&mp_module_sys), attr, dest);
        }
    });
    if (exc != MP_OBJ_NULL) {
        return NULL;
    }
    return dest[0] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[0]);
}

// CPython's: setting NULL deletes, and deleting what is not there is no error.
int PySys_SetObject(const char *name, PyObject *v) {
    mp_obj_t exc;
    MPCY_CATCH(exc, mpcy_sys_set(qstr_from_str(name), MPCY_OBJ(v)));
    if (exc != MP_OBJ_NULL && !(v == NULL && mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_AttributeError)))) {
        PyErr_SetRaisedException(MPCY_PY(exc));
        return -1;
    }
    return 0;
}

// Writes text to a file object (its write()): the printer of a replaced
// sys.stdout or sys.stderr, or of PyTraceBack_Print's file.
static void mpcy_file_strn(void *file, const char *str, size_t len) {
    mp_obj_t dest[3];
    mp_load_method(MP_OBJ_FROM_PTR(file), MP_QSTR_write, dest);
    dest[2] = mp_obj_new_str(str, len);
    mp_call_method_n_kw(1, 0, dest);
}

const mp_print_t *mpcy_file_printer(mp_obj_t file, mp_print_t *buf) {
    buf->data = MP_OBJ_TO_PTR(file);
    buf->print_strn = mpcy_file_strn;
    return buf;
}

// The printer of sys.stdout or sys.stderr (`stream`): MicroPython's own
// unless Cython code replaced it (then `buf`, which writes to the object).
const mp_print_t *mpcy_sys_printer(qstr stream, mp_print_t *buf) {
    mp_obj_t file = mpcy_sys_get(stream);
    if (file == MP_OBJ_NULL) {
        return stream == MP_QSTR_stdout ? &mp_plat_print : MICROPY_ERROR_PRINTER;
    }
    return mpcy_file_printer(file, buf);
}

static void mpcy_write(const mp_print_t *print, const char *format, va_list va) {
    char buf[1001];
    vsnprintf(buf, sizeof(buf), format, va);
    mpcy_print(print, "%s", buf);
}

// PyUnicode_FromFormat's format, printed (nothing if it fails).
static void mpcy_format(const mp_print_t *print, const char *format, va_list va) {
    PyObject *s = PyUnicode_FromFormatV(format, va);
    if (s) {
        mpcy_print(print, "%s", PyUnicode_AsUTF8(s));
    }
}

// PySys_WriteStdout(format, ...) and the three others: WRITE(printer, format, va)
// to sys.stdout or sys.stderr (`stream`).
#define MPCY_SYS_WRITER(name, write, stream) \
    void name(const char *format, ...) { \
        mp_print_t buf; \
        va_list va; \
        va_start(va, format); \
        write(mpcy_sys_printer(stream, &buf), format, va); \
        va_end(va); \
    }
MPCY_SYS_WRITER(PySys_WriteStdout, mpcy_write, MP_QSTR_stdout)
MPCY_SYS_WRITER(PySys_WriteStderr, mpcy_write, MP_QSTR_stderr)
MPCY_SYS_WRITER(PySys_FormatStdout, mpcy_format, MP_QSTR_stdout)
MPCY_SYS_WRITER(PySys_FormatStderr, mpcy_format, MP_QSTR_stderr)

// sys.argv from wide strings (updatepath: MicroPython's sys.path is left as is).
void PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath) {
    (void)updatepath;
    MPCY_CHECK_INIT("PySys_SetArgvEx");
    #if MICROPY_PY_SYS_ARGV
    mp_obj_t exc;
    MPCY_CATCH(exc, {
        mp_obj_list_t *l = MP_OBJ_TO_PTR(mp_sys_argv);
        l->len = 0;
        for (int i = 0; i < argc; i++) {
            char *s = Py_EncodeLocale(argv[i], NULL);
            mp_obj_list_append(mp_sys_argv, s ? mp_obj_new_str(s, strlen(s)) : MP_OBJ_NEW_QSTR(MP_QSTR_));
            PyMem_RawFree(s);
        }
    });
    if (exc != MP_OBJ_NULL) {
        Py_FatalError("PySys_SetArgvEx: cannot set sys.argv");
    }
    #else
    (void)argc;
    (void)argv;
    #endif
}

void PySys_SetArgv(int argc, wchar_t **argv) {
    PySys_SetArgvEx(argc, argv, 1);
}
