// MicroPython's qemu port configuration (the port's own mpconfigport.h,
// unchanged) with what MicroPython's asyncio needs: the time module's ticks
// (core.py), select.poll (its I/O queue, also its idle wait) and the C
// task queue of _asyncio, as the other ports have them. The port defines
// these as 0, hence #undef. The ticks come from mphal_ticks.c.
#include <mpconfigport.h>

#undef MICROPY_PY_TIME
#define MICROPY_PY_TIME (1)
#undef MICROPY_PY_SELECT
#define MICROPY_PY_SELECT (1)
#undef MICROPY_PY_ASYNCIO
#define MICROPY_PY_ASYNCIO (1)
