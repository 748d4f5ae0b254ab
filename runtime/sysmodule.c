// sys (sysmodule.h): MicroPython's module, plus _getframe for Cython's
// tracebacks; sys.argv for embedding programs.
#include "mpcy.h"

// sys: MicroPython's module, plus _getframe for Cython's tracebacks.
PyObject *PySys_GetObject(const char *name) {
    if (!strcmp(name, "_getframe")) {
        return MPCY_PY(MP_OBJ_FROM_PTR(&mpcy_getframe_obj));
    }
    mp_obj_t dest[2], exc;
    MPCY_CATCH(exc, mp_load_method_maybe(MP_OBJ_FROM_PTR(&mp_module_sys), qstr_from_str(name), dest));
    if (exc != MP_OBJ_NULL) {
        return NULL;
    }
    return dest[0] == MP_OBJ_NULL ? NULL : MPCY_PY(dest[0]);
}

int PySys_SetObject(const char *name, PyObject *v) {
    (void)name;
    (void)v;
    PyErr_SetString(PyExc_NotImplementedError, "PySys_SetObject");
    return -1;
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

// PySys_WriteStdout(format, ...) and the three others: WRITE(printer, format, va).
#define MPCY_SYS_WRITER(name, write, printer) \
    void name(const char *format, ...) { \
        va_list va; \
        va_start(va, format); \
        write(printer, format, va); \
        va_end(va); \
    }
MPCY_SYS_WRITER(PySys_WriteStdout, mpcy_write, &mp_plat_print)
MPCY_SYS_WRITER(PySys_WriteStderr, mpcy_write, MICROPY_ERROR_PRINTER)
MPCY_SYS_WRITER(PySys_FormatStdout, mpcy_format, &mp_plat_print)
MPCY_SYS_WRITER(PySys_FormatStderr, mpcy_format, MICROPY_ERROR_PRINTER)

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
