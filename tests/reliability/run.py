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
import argparse
import hashlib
import os
import re
import shlex
import subprocess
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import run_behaviour as rb  # noqa: E402  (find_cython, run)
sys.path.insert(0, ROOT)
from driver import cython  # noqa: E402

MODULES = ["hostile", "failinit"]
SCRIPT = os.path.join(HERE, "hostile_cases.py")
CPY_BUILD = os.path.join(ROOT, "build", "tests", "reliability-cpython")
MP_BUILD = os.path.join(ROOT, "build", "tests", "reliability-mp")
STRESS = "import gc\ngc.threshold(0)\n_p = %r\nexec(compile(open(_p).read(), _p, 'exec'))\n"
LINE = re.compile(r"^(.*?) => (.*)$")


def cpython_build(cython_cmd):
    """Builds the modules for CPython (Limited API); returns None or an error text."""
    os.makedirs(CPY_BUILD, exist_ok=True)
    include = sysconfig.get_paths()["include"]
    api = "0x%02X%02X0000" % sys.version_info[:2]
    for name in MODULES:
        pyx = os.path.join(HERE, name + ".pyx")
        so = os.path.join(CPY_BUILD, name + ".abi3.so")
        c = os.path.join(CPY_BUILD, name + ".c")
        stamp = os.path.join(CPY_BUILD, name + ".hash")
        cy = cython_cmd + cython.options(name) + [name + ".pyx", "-o", c]
        cc = ["gcc", "-shared", "-fPIC", "-O1", "-DPy_LIMITED_API=" + api, "-I" + include, c, "-o", so]
        key = hashlib.sha256(open(pyx, "rb").read() + repr((cy, cc, rb.cython_version(cython_cmd))).encode()).hexdigest()
        if os.path.exists(so) and os.path.exists(stamp) and open(stamp).read() == key:
            continue
        for cmd, cwd in ((cy, HERE), (cc, None)):
            rc, out, err, _ = rb.run(cmd, cwd=cwd, timeout=600)
            if rc != 0:
                return "%s failed:\n%s" % (cmd[0], rb.tail(rb.dec(out + err), 30))
        with open(stamp, "w") as f:
            f.write(key)
    return None


def mp_build():
    cmd = [sys.executable, os.path.join(ROOT, "mpcython"), "build"] + \
          [os.path.join(HERE, n + ".pyx") for n in MODULES] + ["-o", MP_BUILD]
    rc, out, err, _ = rb.run(cmd, cwd=ROOT, timeout=3600)
    if rc != 0:
        return None, "./mpcython build failed:\n" + rb.tail(rb.dec(out + err), 40)
    return rb.dec(out).split()[-1], None


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
    return [l for l in stderr.splitlines() if re.match(r"^[A-Za-z_][\w.]*: ", l) and not l.startswith("Exception ignored")]


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
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--exe", help="run this MicroPython (built with hostile.pyx and failinit.pyx) instead of building one")
    ap.add_argument("--wrap", help="command to run MicroPython under (e.g. 'valgrind -q --error-exitcode=99')")
    ap.add_argument("--no-stress", action="store_true", help="skip the gc.threshold(0) run")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    passed = failed = 0

    def report(ok, label, detail=None):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
        print(("PASS " if ok else "FAIL ") + label, flush=True)
        if detail and (not ok or args.verbose):
            print("    " + detail.replace("\n", "\n    "), flush=True)

    cython_cmd = rb.find_cython()
    err = "Cython not found" if cython_cmd is None else cpython_build(cython_cmd)
    if err:
        report(False, "hostile [cpython build]", err)
        print("%d passed, %d failed" % (passed, failed))
        return 1
    env = dict(os.environ, PYTHONPATH=CPY_BUILD, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory(prefix="rel-ref-") as scratch:
        rc, out, err, _ = rb.run([sys.executable, SCRIPT], cwd=scratch, env=env, timeout=600)
    ref_unraisable = unraisable(rb.dec(err))
    ref, order, done = parse(rb.dec(out))
    if rc != 0 or not done:
        report(False, "hostile [cpython run]", "%s\n%s" % (rb.rc_text(rc), rb.tail(rb.dec(err), 20)))
        print("%d passed, %d failed" % (passed, failed))
        return 1

    exe = args.exe
    if exe is None:
        exe, err = mp_build()
        if err:
            report(False, "hostile [micropython build]", err)
            print("%d passed, %d failed" % (passed, failed))
            return 1
    wrap = shlex.split(args.wrap) if args.wrap else []
    with tempfile.TemporaryDirectory(prefix="rel-mp-") as scratch:
        rc, out, err, _ = rb.run(wrap + [exe, SCRIPT], cwd=scratch, timeout=3600)
    got, _, mp_done = parse(rb.dec(out))
    err = rb.dec(err)
    diffs = differences()
    for case in order:
        want = ref[case]
        have = got.get(case)
        label = "hostile: " + case
        if have is None:
            report(False, label, "no result: MicroPython %s before this case\n%s" % (rb.rc_text(rc), rb.tail(err, 10)))
        elif have == want:
            report(True, label)
        elif case in diffs:
            d_cpy, d_mp, why = diffs[case]
            ok = want == d_cpy and have == d_mp
            report(ok, label + " (MicroPython difference)",
                   "DIFFERENCES.md: CPython %r, MicroPython %r (%s)\ngot: CPython %r, MicroPython %r"
                   % (d_cpy, d_mp, why, want, have))
        else:
            report(False, label, "CPython:     %s\nMicroPython: %s" % (want, have))
    for case in diffs:
        if case not in ref:
            report(False, "DIFFERENCES.md: " + case, "listed, but no such case in hostile_cases.py")
    report(mp_done and rc == 0, "hostile [exit]", "MicroPython %s\n%s" % (rb.rc_text(rc), rb.tail(err, 10)))
    # Exceptions from __dealloc__ go to stderr ("Exception ignored in: ..."):
    # the same exceptions as CPython's, not a MemoryError from the locked heap.
    # (How many objects a conservative collection frees may differ.)
    have = unraisable(err)
    report(set(have) == set(ref_unraisable) and len(have) > 0, "hostile [unraisable]",
           "CPython: %s\nMicroPython: %s" % (sorted(set(ref_unraisable)), sorted(set(have))))
    if not args.no_stress:
        # The same script with a collection before every allocation: the same output.
        with tempfile.TemporaryDirectory(prefix="rel-mp-") as scratch:
            rc2, out2, err2, _ = rb.run(wrap + [exe, "-c", STRESS % SCRIPT], cwd=scratch, timeout=3600)
        same = rb.dec(out2) == rb.dec(out) and rc2 == rc
        report(same, "hostile [gc-stress]",
               None if same else rb.diff(rb.dec(out), rb.dec(out2), rc, rc2) + "\n" + rb.tail(rb.dec(err2), 10))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
