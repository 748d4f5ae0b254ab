"""Code put in front of a script: the gc-stress prelude, in one place.

GC stress: py/modgc.c: gc.threshold(n) sets gc_alloc_threshold to
n / MICROPY_BYTES_PER_GC_BLOCK blocks; py/gc.c gc_alloc() runs gc_collect()
before an allocation whenever gc_alloc_amount >= gc_alloc_threshold, and
gc_collect_start() resets gc_alloc_amount to 0.  With threshold 0 the test
`0 >= 0` is always true, so every gc_alloc() (every m_new / mp_obj_new_*)
first does a full collection.  (gc_realloc() growing a block in place does
not go through gc_alloc and does not collect.)  Requires
MICROPY_GC_ALLOC_THRESHOLD, on by default from the "core features" ROM
level.  (`./mpcython embed --gc-stress` does the same from C, through
runtime/pylifecycle.c.)
"""
import os

GC_STRESS = "import gc\ngc.threshold(0)\n"


def as_main(script):
    """Code that makes `-c` code see what SCRIPT sees when run by name
    (`micropython SCRIPT`, `python3 SCRIPT`): its folder first on sys.path
    (the behaviour scripts import their checks from there), its path in
    sys.argv[0]."""
    return "import sys\nsys.path[0] = %r\nsys.argv[0] = %r\n" % (os.path.dirname(os.path.abspath(script)), script)


def gc_stress(script):
    """`-c` code that runs SCRIPT with a collection before every allocation
    (in globals of its own, as a script run by name)."""
    return GC_STRESS + as_main(script) + (
        "exec(compile(open(%r).read(), %r, 'exec'), {'__name__': '__main__'})\n" % (script, script))


def gc_stress_command(exe, script, args=(), options=()):
    """The command line that runs SCRIPT (with ARGS) under gc stress in EXE."""
    return [exe] + list(options) + ["-c", gc_stress(script)] + list(args)
