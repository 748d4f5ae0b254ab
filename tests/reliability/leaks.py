#!/usr/bin/env python3
"""Leak checks (issue 7), on the MicroPython build of the behaviour tests.

  * heap: each tests/behaviour/X_test.py is run in one MicroPython process
    WARM times, then N more times (its output discarded: print is replaced),
    calling its module's functions N times at least; after gc.collect() the
    GC heap in use (gc.mem_alloc()) must not have grown by more than 1% (and
    at most 1 KiB of slack for the conservative stack scan) from after the
    warm-up to the end;
  * PyMem: the count of MicroPython's tracked allocations (PyMem_*, through
    mem_balance.tracked_blocks()) is the same after the N runs;
  * failed init: importing tests/reliability/failinit.pyx (its init raises)
    N times in the reliability build leaves the heap flat too.

Usage: tests/reliability/leaks.py [-n N] [--warm W] [--only PATTERN] [--exe EXE]
Prints one PASS/FAIL line per test with the figures, a summary line
`leaks: N tests, N runs each, max growth X%` and `N passed, N failed`.
"""
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import behaviour, cli, prelude  # noqa: E402
from lib.proc import dec, rc_text, run, tail  # noqa: E402
from lib.report import Tally  # noqa: E402

LIMIT = 0.01
SLACK = 1024

# A behaviour script run N times in one process, its print silenced; the heap
# in use (after two collections) and the PyMem blocks before and after. The
# same loop runs on CPython (tracemalloc, no PyMem count) with the modules
# tests/behaviour/run.py built for it: growth there too is the program's own.
LOOP = r"""
import gc, sys, builtins
%(setup)s
%(as_main)s
_p = %(path)r
_code = compile(open(_p).read(), _p, 'exec')
_print = builtins.print
_err = sys.stderr
def _quiet(*a, **k):
    pass
def _once():
    builtins.print = _quiet
    try:
        exec(_code, {'__name__': '__main__'})
    except BaseException:
        pass
    builtins.print = _print
def _measure():
    gc.collect()
    gc.collect()
    return %(mem)s
for _i in range(%(warm)d):
    _once()
_a = _measure()
_t = %(blocks)s
for _i in range(%(n)d):
    _once()
_b = _measure()
_err.write('LEAKS %%d %%d %%d %%d\n' %% (_a, _b, _t, %(blocks)s))
"""
MP_LOOP = {
    "setup": "import mem_balance",
    "mem": "gc.mem_alloc()",
    "blocks": "mem_balance.tracked_blocks()",
}
CPY_LOOP = {
    "setup": "import tracemalloc\ntracemalloc.start()",
    "mem": "tracemalloc.get_traced_memory()[0]",
    "blocks": "0",
}

FAILINIT = r"""
import gc, sys
def _try():
    try:
        import failinit
    except ValueError:
        pass
    sys.modules.pop('failinit_count', None)
def _measure():
    gc.collect()
    gc.collect()
    return gc.mem_alloc()
for _i in range(%(warm)d):
    _try()
_a = _measure()
for _i in range(%(n)d):
    _try()
_b = _measure()
sys.stderr.write('LEAKS %%d %%d 0 0\n' %% (_a, _b))
"""


def loop(kind, t, warm, n):
    """The loop over t's driver script, MP_LOOP or CPY_LOOP."""
    return LOOP % dict(kind, as_main=prelude.as_main(t.script), path=t.script, warm=warm, n=n)


def grows(a, b):
    return (b - a) > max(LIMIT * a, SLACK)


def cpython_growth(t, warm, n):
    env = dict(
        os.environ, PYTHONPATH=behaviour.CPY_BUILD, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0"
    )
    with tempfile.TemporaryDirectory(prefix="leaks-ref-") as scratch:
        rc, out, err, to = run(
            [sys.executable, "-c", loop(CPY_LOOP, t, warm, n)], cwd=scratch, env=env, timeout=3600
        )
    m = re.search(r"LEAKS (\d+) (\d+)", dec(err))
    return (int(m.group(1)), int(m.group(2))) if m else None


def cpython_failinit(warm, n):
    """The failing imports on CPython (the module built by tests/reliability/run.py)."""
    code = "import tracemalloc\ntracemalloc.start()\n" + FAILINIT.replace(
        "gc.mem_alloc()", "tracemalloc.get_traced_memory()[0]"
    ) % {"warm": warm, "n": n}
    env = dict(
        os.environ,
        PYTHONPATH=os.path.join(ROOT, "build", "tests", "reliability-cpython"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    with tempfile.TemporaryDirectory(prefix="leaks-ref-") as scratch:
        rc, out, err, to = run([sys.executable, "-c", code], cwd=scratch, env=env, timeout=3600)
    m = re.search(r"LEAKS (\d+) (\d+)", dec(err))
    return (int(m.group(1)), int(m.group(2))) if m else None


def measure(exe, code, timeout):
    # A script that keeps its own data (growth CPython shows too: cclass_life
    # keeps ~800 bytes a run) needs more than the default heap for 10,000 runs.
    rc, out, err, to = run([exe, "-X", "heapsize=64M", "-c", code], cwd=ROOT, timeout=timeout)
    m = re.search(r"LEAKS (\d+) (\d+) (\d+) (\d+)", dec(err))
    if not m:
        return None, "%s\n%s" % ("timed out" if to else rc_text(rc), tail(dec(err), 10))
    return tuple(int(g) for g in m.groups()), None


def main():
    ap = cli.parser(__doc__)
    ap.add_argument(
        "-n", type=int, default=10000, help="measured runs of each script (default 10000)"
    )
    ap.add_argument(
        "--warm", type=int, default=20, help="runs before the first measurement (default 20)"
    )
    ap.add_argument("--only", help="tests whose name contains this (comma-separated)")
    ap.add_argument(
        "--exe",
        help="MicroPython holding every behaviour module (default: build it as tests/behaviour/run.py does)",
    )
    ap.add_argument(
        "--failinit-exe", help="MicroPython holding failinit (default: build/tests/reliability-mp)"
    )
    args = ap.parse_args()
    tally = Tally()
    worst = 0.0

    def report(ok, label, detail):
        tally.report(ok, "%s: %s" % (label, detail))

    tests = behaviour.discover(args.only)
    exe = args.exe
    if exe is None:
        exe, err = behaviour.mp_build(behaviour.discover(None), 3600)
        if err:
            report(False, "leaks [build]", err)
            return tally.finish()
    for t in tests:
        if t.name == "mem_balance":
            continue
        figures, err = measure(exe, loop(MP_LOOP, t, args.warm, args.n), 3600)
        if err:
            report(False, "leaks " + t.name, err)
            continue
        a, b, ta, tb = figures
        growth = (b - a) / a if a else 0.0
        note = ""
        ok = not grows(a, b) and tb == ta
        if not ok and tb == ta:
            ref = cpython_growth(t, args.warm, args.n)
            if ref and grows(*ref):
                ok = True
                note = "; CPython grows too (%d -> %d bytes): the program's own data" % ref
            else:
                note = "; CPython: %s" % ("%d -> %d bytes" % ref if ref else "not measured")
        if not note:
            worst = max(worst, growth)
        report(
            ok,
            "leaks " + t.name,
            "heap %d -> %d bytes (%+.3f%%), PyMem blocks %d -> %d%s"
            % (a, b, 100 * growth, ta, tb, note),
        )
    fexe = args.failinit_exe or os.path.join(
        ROOT, "build", "tests", "reliability-mp", "build-unix", "micropython"
    )
    if os.path.exists(fexe) and (not args.only or "failinit" in args.only):
        figures, err = measure(
            fexe, FAILINIT % {"warm": args.warm, "n": max(args.n // 10, 100)}, 3600
        )
        if err:
            report(False, "leaks failinit", err)
        else:
            a, b = figures[:2]
            growth = (b - a) / a if a else 0.0
            note = ""
            ok = not grows(a, b)
            if not ok:
                # Cython's own left-overs: its traceback code-object cache lives in
                # a PyMem block that its module state points to and nothing frees
                # (its m_clear does not), on CPython as here.
                ref = cpython_failinit(args.warm, max(args.n // 10, 100))
                if ref and grows(*ref) and (b - a) <= (ref[1] - ref[0]):
                    ok = True
                    note = (
                        "; CPython grows more (%d -> %d bytes): Cython's code-object cache, not the layer's"
                        % ref
                    )
                else:
                    note = "; CPython: %s" % ("%d -> %d bytes" % ref if ref else "not measured")
            else:
                worst = max(worst, growth)
            report(
                ok,
                "leaks failinit",
                "heap %d -> %d bytes (%+.3f%%) after %d failed imports%s"
                % (a, b, 100 * growth, max(args.n // 10, 100), note),
            )
    print(
        "leaks: %d tests, %d runs each, max heap growth %.3f%% (tests whose growth CPython shows too left out)"
        % (tally.counts[0] + tally.counts[1], args.n, 100 * worst)
    )
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
