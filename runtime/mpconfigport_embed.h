// MicroPython configuration of a program built by `./mpcython embed`: the
// embed port (ports/embed, a MicroPython to link into a C program) with the
// options the layer needs on every port (mpcy_config.h) and those of an
// embedded program, as build options. The driver's mpconfigport.h includes
// this file; docs/embedding.md.
#include <port/mpconfigport_common.h>
#include "mpcy_config.h"

// The layer is built for a program that calls Py_Initialize (pylifecycle.c).
#define MPCY_EMBED (1)

#define MICROPY_CONFIG_ROM_LEVEL (MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)
#define MICROPY_ENABLE_COMPILER (1)
#define MICROPY_ENABLE_GC (1)
#define MICROPY_PY_GC (1)
#define MICROPY_LONGINT_IMPL (MICROPY_LONGINT_IMPL_MPZ)
#define MICROPY_FLOAT_IMPL (MICROPY_FLOAT_IMPL_DOUBLE)
#define MICROPY_ERROR_REPORTING (MICROPY_ERROR_REPORTING_DETAILED)
#define MICROPY_STACK_CHECK (1)
#define MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF (1)
#define MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE (256)
#define MICROPY_PY_SYS_PATH_ARGV_DEFAULTS (1)
// `import` of .py files: the layer's frozen sources (`--freeze m.py`, import.c);
// there is no file system (pylifecycle.c).
#define MICROPY_ENABLE_EXTERNAL_IMPORT (1)
#define MICROPY_READER_POSIX (0)
// The embed port has no stdio streams, line editor or file system.
#define MICROPY_PY_SYS_STDFILES (0)
#define MICROPY_PY_BUILTINS_INPUT (0)
#define MICROPY_HELPER_REPL (0)
#define MICROPY_PY_IO (0)
#define MICROPY_VFS (0)
#define MICROPY_PY_THREAD (0)
#define MICROPY_BANNER_MACHINE "embed port (mpcython)"
#define MICROPY_KBD_EXCEPTION (0)
#define MICROPY_PY_UCTYPES (0)
// Tracebacks and fatal errors go to stderr (the port's printer is stdout).
extern const struct _mp_print_t mpcy_stderr_print;
#define MICROPY_ERROR_PRINTER (&mpcy_stderr_print)
// MicroPython's asyncio, frozen (driver/frozen.py), and what it needs: the
// time module's ticks, select.poll, the C task queue of _asyncio (extmod,
// compiled into the library by driver/embed.py; the tick source is
// tools/mpcy_embed). The frozen options are written as py/mkrules.mk passes
// them to the package's make, so that both agree.
#define MICROPY_PY_TIME (1)
#define MICROPY_PY_SELECT (1)
#define MICROPY_PY_ASYNCIO (1)
#define MICROPY_MODULE_FROZEN_MPY 1
#define MICROPY_MODULE_FROZEN_STR 1
#define MICROPY_QSTR_EXTRA_POOL mp_qstr_frozen_const_pool
// Frozen modules hold long ints in 16-bit digits (mpy-tool's default); the
// unix port forces the same size on 64-bit hosts.
#define MPZ_DIG_SIZE (16)
