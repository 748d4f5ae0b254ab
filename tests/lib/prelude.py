"""Code put in front of a script: the gc-stress prelude (its one place is
the driver, driver/common.py GC_STRESS, which `--port qemu` also uses).
"""
import os

from driver.common import GC_STRESS  # noqa: F401 (re-exported)


def as_main(script):
    """Code that makes `-c` code see what SCRIPT sees when run by name
    (`micropython SCRIPT`, `python3 SCRIPT`): its folder first on sys.path
    (the behaviour scripts import their checks from there), its path in
    sys.argv[0]."""
    return "import sys\nsys.path[0] = %r\nsys.argv[0] = %r\n" % (
        os.path.dirname(os.path.abspath(script)),
        script,
    )


def gc_stress(script):
    """`-c` code that runs SCRIPT with a collection before every allocation
    (in globals of its own, as a script run by name)."""
    return (
        GC_STRESS
        + as_main(script)
        + (
            "exec(compile(open(%r).read(), %r, 'exec'), {'__name__': '__main__'})\n"
            % (script, script)
        )
    )


def gc_stress_command(exe, script, args=(), options=()):
    """The command line that runs SCRIPT (with ARGS) under gc stress in EXE."""
    return [exe] + list(options) + ["-c", gc_stress(script)] + list(args)
