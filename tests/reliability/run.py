#!/usr/bin/env python3
"""Hostile-input table (issue 7): every case of hostile_cases.py run on
CPython and on MicroPython, compared case by case.

  * reference: hostile.pyx and failinit.pyx are compiled by the same Cython
    with the options ./mpcython uses, for CPython in Limited API mode (the
    mode the layer implements: Cython's full-API build of the same .pyx
    crashes CPython with SIGSEGV on unbounded recursion and words some
    conversion errors differently), and hostile_cases.py runs there;
  * MicroPython: both modules built with `./mpcython build` (or --exe EXE,
    e.g. a sanitizer build), hostile_cases.py runs there, and again with a
    garbage collection before every allocation (gc.threshold(0));
  * each case passes when MicroPython prints what CPython printed; a case
    listed in DIFFERENCES.md (a difference of MicroPython itself) passes
    when CPython and MicroPython each print exactly what the list says.

Usage: tests/reliability/run.py [--exe EXE] [--wrap CMD] [--no-stress] [-v]
Prints PASS/FAIL per case and `N passed, N failed`.
"""
import os
import re
import shlex
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import BUILD, cli, cpython, prelude  # noqa: E402
from driver import cython  # noqa: E402
from lib.proc import dec, rc_text, run, tail  # noqa: E402
from lib.report import Tally, diff  # noqa: E402

MODULES = ["hostile", "failinit"]
SCRIPT = os.path.join(HERE, "hostile_cases.py")
CPY_BUILD = os.path.join(BUILD, "reliability-cpython")
MP_BUILD = os.path.join(BUILD, "reliability-mp")
LINE = re.compile(r"^(.*?) => (.*)$")


def cpython_build():
    """Builds the modules for CPython; returns None or an error text.  Limited
    API: the code paths the layer implements (Cython's full-API paths crash
    CPython on unbounded recursion and word some conversion errors
    differently); Cython with the options ./mpcython gives it."""
    for name in MODULES:
        err = cpython.build_module(
            os.path.join(HERE, name + ".pyx"),
            CPY_BUILD,
            cpython.LIMITED,
            cython_options=cython.options(name),
            timeout=600,
        )
        if err:
            return "%s: %s" % (name, err)
    return None


def mp_build():
    cmd = (
        [sys.executable, os.path.join(ROOT, "mpcython"), "build"]
        + [os.path.join(HERE, n + ".pyx") for n in MODULES]
        + ["-o", MP_BUILD]
    )
    rc, out, err, _ = run(cmd, cwd=ROOT, timeout=3600)
    if rc != 0:
        return None, "./mpcython build failed:\n" + tail(dec(out + err), 40)
    return dec(out).split()[-1], None


def parse(out):
    """{case: result}, [cases in order], whether the END line came."""
    res, order = {}, []
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            res[m.group(1)] = m.group(2)
            order.append(m.group(1))
    return res, order, "END" in out.splitlines()


def unraisable(stderr):
    """The exception lines (`Type: message`) of stderr's unraisable reports."""
    return [
        l
        for l in stderr.splitlines()
        if re.match(r"^[A-Za-z_][\w.]*: ", l) and not l.startswith("Exception ignored")
    ]


def differences():
    """DIFFERENCES.md table rows: | `case` | `cpython result` | `micropython result` | why |"""
    out = {}
    row = re.compile(r"^\|\s*`(.+?)`\s*\|\s*`(.*?)`\s*\|\s*`(.*?)`\s*\|(.*)\|\s*$")
    for line in open(os.path.join(HERE, "DIFFERENCES.md"), encoding="utf-8"):
        m = row.match(line.strip())
        if m:
            out[m.group(1)] = (m.group(2), m.group(3), m.group(4).strip())
    return out


def main():
    ap = cli.parser(__doc__)
    ap.add_argument(
        "--exe",
        help="run this MicroPython (built with hostile.pyx and failinit.pyx) instead of building one",
    )
    ap.add_argument(
        "--wrap", help="command to run MicroPython under (e.g. 'valgrind -q --error-exitcode=99')"
    )
    ap.add_argument("--no-stress", action="store_true", help="skip the gc.threshold(0) run")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tally = Tally()

    def report(ok, label, detail=None):
        show = detail and (not ok or args.verbose)
        tally.report(ok, label, "    " + detail.replace("\n", "\n    ") if show else None)

    err = cpython_build()
    if err:
        report(False, "hostile [cpython build]", err)
        return tally.finish()
    env = dict(os.environ, PYTHONPATH=CPY_BUILD, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory(prefix="rel-ref-") as scratch:
        rc, out, err, _ = run([cpython.python(), SCRIPT], cwd=scratch, env=env, timeout=600)
    ref_unraisable = unraisable(dec(err))
    ref, order, done = parse(dec(out))
    if rc != 0 or not done:
        report(False, "hostile [cpython run]", "%s\n%s" % (rc_text(rc), tail(dec(err), 20)))
        return tally.finish()

    exe = args.exe
    if exe is None:
        exe, err = mp_build()
        if err:
            report(False, "hostile [micropython build]", err)
            return tally.finish()
    wrap = shlex.split(args.wrap) if args.wrap else []
    with tempfile.TemporaryDirectory(prefix="rel-mp-") as scratch:
        rc, out, err, _ = run(wrap + [exe, SCRIPT], cwd=scratch, timeout=3600)
    got, _, mp_done = parse(dec(out))
    err = dec(err)
    diffs = differences()
    for case in order:
        want = ref[case]
        have = got.get(case)
        label = "hostile: " + case
        if have is None:
            report(
                False,
                label,
                "no result: MicroPython %s before this case\n%s" % (rc_text(rc), tail(err, 10)),
            )
        elif have == want:
            report(True, label)
        elif case in diffs:
            d_cpy, d_mp, why = diffs[case]
            ok = want == d_cpy and have == d_mp
            report(
                ok,
                label + " (MicroPython difference)",
                "DIFFERENCES.md: CPython %r, MicroPython %r (%s)\ngot: CPython %r, MicroPython %r"
                % (d_cpy, d_mp, why, want, have),
            )
        else:
            report(False, label, "CPython:     %s\nMicroPython: %s" % (want, have))
    for case in diffs:
        if case not in ref:
            report(
                False, "DIFFERENCES.md: " + case, "listed, but no such case in hostile_cases.py"
            )
    report(
        mp_done and rc == 0, "hostile [exit]", "MicroPython %s\n%s" % (rc_text(rc), tail(err, 10))
    )
    # Exceptions from __dealloc__ go to stderr ("Exception ignored in: ..."):
    # the same exceptions as CPython's, not a MemoryError from the locked heap.
    # (How many objects a conservative collection frees may differ.)
    have = unraisable(err)
    report(
        set(have) == set(ref_unraisable) and len(have) > 0,
        "hostile [unraisable]",
        "CPython: %s\nMicroPython: %s" % (sorted(set(ref_unraisable)), sorted(set(have))),
    )
    if not args.no_stress:
        # The same script with a collection before every allocation: the same output.
        with tempfile.TemporaryDirectory(prefix="rel-mp-") as scratch:
            rc2, out2, err2, _ = run(
                wrap + prelude.gc_stress_command(exe, SCRIPT), cwd=scratch, timeout=3600
            )
        same = dec(out2) == dec(out) and rc2 == rc
        report(
            same,
            "hostile [gc-stress]",
            None if same else diff(dec(out), dec(out2), rc, rc2) + "\n" + tail(dec(err2), 10),
        )
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
