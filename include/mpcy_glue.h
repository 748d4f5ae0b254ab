// What the driver's generated glue (mpcy_glue.c) calls, and nothing else
// does: it runs as a MicroPython function (a built-in module's __init__) and
// raises with nlr, so it is not part of the C API and is kept out of
// Python.h (the nlr lint, tests/lint/nlr.py, checks everything declared in
// include/ except this file).
#ifndef MPCY_GLUE_H
#define MPCY_GLUE_H
#include "Python.h"

// Run the PyInit function of module `name` (single- or multi-phase), making
// the static module `stub` the module (runtime/importdl.c). Raises on failure.
mp_obj_t mpcy_module_init(PyObject *(*initfunc)(void), const char *name, mp_obj_module_t *stub);
#ifdef MPCY_NATMOD
// The natmod flavour (runtime/mpcy_natmod.c): run the PyInit function of
// module `name` from the natmod's mpy_init; answers the module's globals,
// which become the natmod module's. Raises on failure.
mp_obj_dict_t *mpcy_natmod_module_init(PyObject *(*initfunc)(void), const char *name);
#endif
#endif
