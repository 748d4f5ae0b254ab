#!/usr/bin/env python3
"""The allocation-failure sweep (issue 16): for each behaviour test, its
driver script is run up to the end of its first test (its first check*()
call; a script without checks: its first print after its module was
imported, or the whole script) again and again in one MicroPython process,
the N-th GC allocation failing in run N (tests/reliability/failalloc.pyx, a
unix MicroPython linked with -Wl,--wrap=gc_alloc), for N = 1, 2, ... until
a run completes without reaching its N-th allocation. The first runs fail
inside the module's import (a failed init lets go of all it kept, the next
run imports again), the later ones inside the test.

Every run must end in MemoryError or in the outcome of the run without a
failure (the first test's result or exception type), never in another
exception, a crash or a hang; after each run a collection walks the heap and
the interpreter computes a known result, and the process ends by printing
one. Prints one PASS/FAIL line per test with the number of injected
failures, `failalloc: N tests, N injected failures, N crashes`, and
`N passed, N failed`.

Usage: tests/reliability/failalloc.py [--only PATTERN] [-j N] [--exe EXE] [--timeout SEC]
"""
import concurrent.futures
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import behaviour, cli, prelude, rel  # noqa: E402
from lib.proc import dec, rc_text, run, tail  # noqa: E402
from lib.report import Tally  # noqa: E402

OUT = os.path.join(ROOT, "build", "reliability", "failalloc")
CHECK_RE = re.compile(r"^\s*check(?:_type|_args|_with)?\(", re.M)

# The sweep of one script, in one process. _first stops the script at the end
# of its first test (_Done); the script's print is silenced. A run's outcome:
# the first test's result ('ok' or its exception's type name), 'end' (the
# script ran through), or the type of the exception that ended the script.
SWEEP = r"""
import gc, sys, builtins, failalloc
%(as_main)s
_code = compile(open(%(path)r).read(), %(path)r, 'exec')
_name = %(name)r
_on_print = %(on_print)r
_print = builtins.print
_err = sys.stderr
class _Done(BaseException):
    pass
_state = [None]
def _quiet(*a, **k):
    if _on_print and _name in sys.modules:
        raise _Done
def _first(show, what, f, a, k):
    try:
        show(f(*a, **k))
    except Exception as e:
        _state[0] = type(e).__name__
    else:
        _state[0] = 'ok'
    raise _Done
def _run(n):
    # before each run: a script may have reloaded checks (import_modules)
    __import__('checks')._call = _first
    _state[0] = 'end'
    builtins.print = _quiet
    if n:
        failalloc.arm(n)
    try:
        exec(_code, {'__name__': '__main__'})
        r = 'end'
    except _Done:
        r = _state[0]
    except BaseException as e:
        r = type(e).__name__
    try:
        fired = failalloc.disarm()
    except MemoryError:
        fired = True  # the armed allocation was disarm's own
    builtins.print = _print
    return r, fired
_outcomes = []
_bad = 0
_n = 0
while True:
    _n += 1
    _err.write('N %%d\n' %% _n)
    _r, _fired = _run(_n)
    gc.collect()
    if sum([_i * _i for _i in range(100)]) != 328350:
        _err.write('BROKEN after run %%d\n' %% _n)
        _bad += 1
    if not _fired:
        break
    _outcomes.append(_r)
_base = _r
for _i, _r in enumerate(_outcomes):
    if _r != 'MemoryError' and _r != _base:
        _err.write('OUTCOME run %%d: %%s (without a failure: %%s)\n' %% (_i + 1, _r, _base))
        _bad += 1
print('SWEEP %%d %%d %%s %%d' %% (len(_outcomes), _bad, _base, sum(range(1000))))
"""


def sweep_code(t):
    src = open(t.script, encoding="utf-8").read()
    return SWEEP % dict(
        as_main=prelude.as_main(t.script),
        path=t.script,
        name=t.name,
        on_print=not CHECK_RE.search(src),
    )


def mp_build(timeout):
    """The sweep's MicroPython: every behaviour module and failalloc.pyx, gc_alloc wrapped."""
    files = [rel(f) for f in behaviour.module_files(behaviour.discover(None))]
    files.append(rel(os.path.join(HERE, "failalloc.pyx")))
    env = dict(
        os.environ, MPCY_LDFLAGS="-Wl,--wrap=gc_alloc " + os.environ.get("MPCY_LDFLAGS", "")
    )
    print("building: " + behaviour.shown_build("./mpcython build", files, OUT), flush=True)
    rc, out, err, to = run(
        [sys.executable, os.path.join(ROOT, "mpcython"), "build"] + files + ["-o", rel(OUT)],
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )
    if rc != 0:
        return None, "./mpcython build failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 40))
    return os.path.join(ROOT, dec(out).split()[-1]), None


def sweep(exe, t, timeout):
    """(ok, injected failures, crashed, detail)."""
    with tempfile.TemporaryDirectory(prefix="failalloc-") as scratch:
        rc, out, err, to = run([exe, "-c", sweep_code(t)], cwd=scratch, timeout=timeout)
    out, err = dec(out), dec(err)
    m = re.search(r"^SWEEP (\d+) (\d+) (\S+) (\d+)$", out, re.M)
    last = re.findall(r"^N (\d+)$", err, re.M)
    problems = "\n".join(l for l in err.splitlines() if not re.match(r"^N \d+$", l))
    if rc != 0 or not m or m.group(4) != str(sum(range(1000))):
        what = "timed out after %ds" % timeout if to else rc_text(rc)
        return (
            False,
            0,
            True,
            "    %s in run %s (allocation %s failing)\n%s"
            % (
                what,
                last[-1] if last else "?",
                last[-1] if last else "?",
                tail(problems, 15),
            ),
        )
    runs, bad, base = int(m.group(1)), int(m.group(2)), m.group(3)
    detail = "%d injected failures, first test without one: %s" % (runs, base)
    if bad:
        return False, runs, False, detail + "\n" + tail(problems, 15)
    return True, runs, False, detail


def main():
    ap = cli.parser(__doc__)
    ap.add_argument("--only", metavar="PATTERN", help="tests whose name contains PATTERN")
    ap.add_argument("-j", type=int, default=2, metavar="N", help="parallel jobs (default 2)")
    ap.add_argument("--exe", help="a MicroPython built as mp_build() does (default: build it)")
    ap.add_argument(
        "--timeout", type=int, default=600, metavar="SEC", help="per test (default 600)"
    )
    args = ap.parse_args()
    tally = Tally()
    exe = args.exe and os.path.abspath(args.exe)
    if exe is None:
        exe, err = mp_build(3600)
        if err:
            tally.report(False, "failalloc [build]", err)
            return tally.finish()
    tests = [t for t in behaviour.discover(args.only) if os.path.exists(t.script)]
    total, crashes = 0, 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as pool:
        results = pool.map(lambda t: sweep(exe, t, args.timeout), tests)
        for t, (ok, runs, crashed, detail) in zip(tests, results):
            total += runs
            crashes += crashed
            tally.report(
                ok,
                "failalloc %s: %s" % (t.name, detail.split("\n")[0].strip()),
                "\n".join(detail.split("\n")[1:]) or None,
            )
    print(
        "failalloc: %d tests, %d injected failures, %d crashes" % (len(tests), total, crashes),
        flush=True,
    )
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
