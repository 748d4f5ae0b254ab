#!/usr/bin/env python3
"""Behaviour tests: the same Cython module, run on CPython and on MicroPython.

For every tests/behaviour/X.pyx with a driver script tests/behaviour/X_test.py:

  * reference: X.pyx is compiled with Cython for CPython (cached by content
    hash in build/tests/cpython), `python3 X_test.py` is run and its stdout +
    exit status are the expected result (nothing is stored in the repo);
  * MicroPython: all modules are built once with
    `./mpcython build tests/behaviour/*.pyx -o build/tests/mp` (one executable
    holding all of them, its path is the last line of stdout), then
    `<exe> X_test.py` must print the same stdout and exit with the same status;
  * gc-stress: the same again with a garbage collection before every heap
    allocation (see STRESS_PRELUDE);
  * helper modules: a .pyx without a driver script is not run itself; a
    driver that needs it (a cimport across modules, say) names it with
    `# USES: helper [helper ...]`, and it is built next to the test (for
    CPython first, and into the same MicroPython executable);
  * traceback: a driver script may contain lines
        # EXPECT-TRACEBACK: File "X.pyx", line N, in func
        # EXPECT-EXCEPTION: ValueError: message
    Tracebacks are formatted differently by CPython and MicroPython, so stderr
    is never compared; instead these lines are searched for in the stderr of
    both runs (on CPython they validate the expectation itself), and the
    MicroPython run is reported as its own result `X [traceback]`.

Usage:
  tests/run_behaviour.py [--only PATTERN] [--no-stress] [-j N]
                         [--timeout SEC] [--cpython-only] [-v]
                         [--exe MICROPYTHON] [--wrap COMMAND]

--exe runs an already built MicroPython (holding all selected modules, e.g. a
sanitizer build, see tools/check_reliability.py) instead of building one;
--wrap runs each MicroPython process under a command (e.g. valgrind).

Environment: CYTHON (cython executable or Cython source folder), MICROPY_DIR
(both passed through to ./mpcython), PYTHON (CPython for the reference,
default the interpreter running this script), MPCYTHON (the build driver,
default ./mpcython).

Prints `PASS name` / `FAIL name` (+ a short diff) per result and finally
`N passed, N failed`; exits 1 on any failure.
"""

import argparse
import concurrent.futures
import difflib
import fnmatch
import glob
import hashlib
import os
import re
import shlex
import signal
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from driver.cython import find as find_cython  # noqa: E402  (the Cython ./mpcython runs)
TESTDIR = os.path.join(ROOT, "tests", "behaviour")
CPY_BUILD = os.path.join(ROOT, "build", "tests", "cpython")
MP_BUILD = os.path.join(ROOT, "build", "tests", "mp")

# GC stress.  py/modgc.c: gc.threshold(n) sets gc_alloc_threshold to
# n / MICROPY_BYTES_PER_GC_BLOCK blocks; py/gc.c gc_alloc() runs gc_collect()
# before an allocation whenever gc_alloc_amount >= gc_alloc_threshold, and
# gc_collect_start() resets gc_alloc_amount to 0.  With threshold 0 the test
# `0 >= 0` is always true, so every gc_alloc() (every m_new / mp_obj_new_*)
# first does a full collection.  (gc_realloc() growing a block in place does
# not go through gc_alloc and does not collect.)  Requires
# MICROPY_GC_ALLOC_THRESHOLD, on by default from the "core features" ROM level.
STRESS_PRELUDE = (
    "import gc\n"
    "gc.threshold(0)\n"
    "_p = %r\n"
    "exec(compile(open(_p).read(), _p, 'exec'))\n"
)

TB_RE = re.compile(r'^\s*#\s*EXPECT-TRACEBACK:\s*File "([^"]+)", line (\d+), in (\S+)\s*$', re.M)
EXC_RE = re.compile(r"^\s*#\s*EXPECT-EXCEPTION:\s*(.+?)\s*$", re.M)
USES_RE = re.compile(r"^\s*#\s*USES:\s*(.+?)\s*$", re.M)


# ---------------------------------------------------------------- helpers

def run(cmd, cwd=None, env=None, timeout=60, input_=None):
    """Run cmd; return (rc, stdout, stderr, timed_out). Kills the process group on timeout."""
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    except OSError as e:
        return 127, b"", str(e).encode(), False
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err, False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return None, out, err, True


def dec(b):
    return b.decode("utf-8", "replace")


def rc_text(rc):
    if rc is None:
        return "timeout"
    if rc < 0:
        try:
            return "killed by %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit %d" % rc


def tail(text, n=10):
    lines = text.rstrip("\n").splitlines()
    if len(lines) > n:
        lines = ["..."] + lines[-n:]
    return "\n".join("    | " + l for l in lines)


class Test:
    def __init__(self, name):
        self.name = name
        self.pyx = os.path.join(TESTDIR, name + ".pyx")
        self.script = os.path.join(TESTDIR, name + "_test.py")
        src = open(self.script, encoding="utf-8").read() if os.path.exists(self.script) else ""
        self.tb_expect = TB_RE.findall(src)
        self.exc_expect = EXC_RE.findall(src)
        self.uses = [u for line in USES_RE.findall(src) for u in line.split()]
        self.ref = None          # (rc, stdout) once the reference succeeded
        self.ref_error = None    # text when the reference step failed


def module_files(tests):
    """The .pyx files that a build of these tests needs: their own and their helpers'."""
    out = []
    for t in tests:
        for name in t.uses + [t.name]:
            path = os.path.join(TESTDIR, name + ".pyx")
            if path not in out:
                out.append(path)
    return out


def discover(only):
    names = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(TESTDIR, "*.pyx"))
                   if os.path.exists(p[:-4] + "_test.py"))  # the others are helpers (USES)
    if only:
        pats = only.split(",")

        def match(n):
            for p in pats:
                if any(ch in p for ch in "*?[") and fnmatch.fnmatchcase(n, p):
                    return True
                if p in n:
                    return True
            return False

        names = [n for n in names if match(n)]
    return [Test(n) for n in names]


# ---------------------------------------------------------------- reference

_CPY_CONFIG = {}


def cpython_config(python):
    """(include dir, EXT_SUFFIX) of the reference interpreter; call once before using threads
    (sysconfig's lazy initialisation is not thread-safe)."""
    if python not in _CPY_CONFIG:
        if python == sys.executable:
            _CPY_CONFIG[python] = (sysconfig.get_paths()["include"], sysconfig.get_config_var("EXT_SUFFIX"))
        else:
            rc, out, err, _ = run([python, "-c", "import sysconfig;print(sysconfig.get_paths()['include']);"
                                   "print(sysconfig.get_config_var('EXT_SUFFIX'))"], timeout=60)
            if rc != 0:
                raise SystemExit("cannot query %s for its configuration" % python)
            _CPY_CONFIG[python] = tuple(dec(out).split())
    return _CPY_CONFIG[python]


_CYTHON_VERSION = {}


def cython_version(cython_cmd):
    key = tuple(cython_cmd)
    if key not in _CYTHON_VERSION:
        rc, out, err, _ = run(cython_cmd + ["--version"], timeout=120)
        _CYTHON_VERSION[key] = dec(out + err).strip()
    return _CYTHON_VERSION[key]


def cpython_build(t, cython_cmd, python, timeout):
    """Compile t.pyx for CPython into CPY_BUILD (cached). Returns None or an error text."""
    include, ext = cpython_config(python)
    cfile = os.path.join(CPY_BUILD, t.name + ".c")
    # A dotted name (pkg.mod.pyx) is module `mod` of package `pkg`.
    parts = t.name.split(".")
    sofile = os.path.join(CPY_BUILD, *parts[:-1], parts[-1] + ext)
    for i in range(1, len(parts)):
        pkgdir = os.path.join(CPY_BUILD, *parts[:i])
        os.makedirs(pkgdir, exist_ok=True)
        open(os.path.join(pkgdir, "__init__.py"), "a").close()
    stamp = os.path.join(CPY_BUILD, t.name + ".hash")
    h = hashlib.sha256()
    h.update(open(t.pyx, "rb").read())
    h.update(repr((cython_cmd, cython_version(cython_cmd), python, include, ext)).encode())
    # the .pxd files (its own, and those it cimports) are part of the module
    for pxd in sorted(glob.glob(os.path.join(TESTDIR, "*.pxd"))):
        h.update(open(pxd, "rb").read())
    digest = h.hexdigest()
    if os.path.exists(sofile) and os.path.exists(stamp) and open(stamp).read() == digest:
        return None
    for f in (sofile, stamp):
        if os.path.exists(f):
            os.unlink(f)
    # run from the test folder with a bare file name, so that the file name
    # recorded for tracebacks is "X.pyx"
    rc, out, err, to = run(cython_cmd + ["-3", "--module-name", t.name, t.name + ".pyx", "-o", cfile],
                           cwd=TESTDIR, timeout=max(timeout, 300))
    if rc != 0:
        return "cython failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 30))
    rc, out, err, to = run(["gcc", "-shared", "-fPIC", "-O1", "-I" + include, cfile, "-o", sofile],
                           timeout=max(timeout, 300))
    if rc != 0:
        return "gcc failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 30))
    with open(stamp, "w") as f:
        f.write(digest)
    return None


def check_traceback(t, stderr):
    """Return None if all EXPECT-TRACEBACK/EXCEPTION lines are found in stderr, else the reason."""
    missing = []
    for fname, line, func in t.tb_expect:
        base = os.path.basename(fname)
        rx = (r'File "(?:[^"]*/)?%s", line %s, in (?:[\w.<>]*\.)?%s\b'
              % (re.escape(base), line, re.escape(func)))
        if not re.search(rx, stderr):
            missing.append('File "%s", line %s, in %s' % (fname, line, func))
    lines = stderr.rstrip("\n").splitlines()
    last = lines[-1] if lines else ""
    for exc in t.exc_expect:
        if last.strip() != exc:
            missing.append("last line %r (got %r)" % (exc, last))
    if missing:
        return "  not found in stderr:\n" + "\n".join("    " + m for m in missing)
    return None


def reference(t, cython_cmd, python, timeout):
    if not os.path.exists(t.script):
        t.ref_error = "no driver script %s" % os.path.relpath(t.script, ROOT)
        return
    err = None
    for name in t.uses:
        if not os.path.exists(os.path.join(TESTDIR, name + ".pyx")):
            err = "USES names %s, which has no %s.pyx" % (name, name)
            break
        err = cpython_build(Test(name), cython_cmd, python, timeout)
        if err:
            err = "helper %s: %s" % (name, err)
            break
    err = err or cpython_build(t, cython_cmd, python, timeout)
    if err:
        t.ref_error = err
        return
    env = dict(os.environ)
    env["PYTHONPATH"] = CPY_BUILD
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    with tempfile.TemporaryDirectory(prefix="beh-ref-") as scratch:
        rc, out, err, to = run([python, t.script], cwd=scratch, env=env, timeout=timeout)
    stderr = dec(err)
    if to:
        t.ref_error = "CPython run timed out after %ds" % timeout
    elif t.tb_expect or t.exc_expect:
        if rc == 0:
            t.ref_error = "CPython run exited 0 but a traceback is expected"
        else:
            why = check_traceback(t, stderr)
            if why:
                t.ref_error = "CPython traceback:\n" + why + "\n  CPython stderr:\n" + tail(stderr, 15)
    elif rc != 0:
        t.ref_error = "CPython run failed (%s):\n%s" % (rc_text(rc), tail(stderr, 15))
    if not t.ref_error:
        t.ref = (rc, dec(out))


# ---------------------------------------------------------------- MicroPython

def mp_build(tests, timeout):
    """Returns (exe, None) or (None, error text)."""
    driver = os.environ.get("MPCYTHON") or os.path.join(ROOT, "mpcython")
    if not os.path.exists(driver):
        return None, "%s does not exist" % os.path.relpath(driver, ROOT)
    # One build folder per selection, so runs of different subsets can go on
    # at the same time without rebuilding over each other.
    names = ",".join(sorted(t.name for t in tests))
    out_dir = MP_BUILD if len(tests) == len(discover(None)) else MP_BUILD + "-" + hashlib.sha256(names.encode()).hexdigest()[:10]
    files = [os.path.relpath(f, ROOT) for f in module_files(tests)]
    cmd = [driver, "build"] + files + ["-o", os.path.relpath(out_dir, ROOT)]
    if not os.access(driver, os.X_OK):
        with open(driver, "rb") as f:
            first = f.readline()
        cmd = ([sys.executable] if b"python" in first else ["sh"]) + cmd
    shown = "./mpcython build %s -o %s" % (
        " ".join(files) if len(files) <= 4
        else "tests/behaviour/*.pyx (%d modules)" % len(files), os.path.relpath(out_dir, ROOT))
    print("building: " + shown, flush=True)
    rc, out, err, to = run(cmd, cwd=ROOT, timeout=timeout)
    if to:
        return None, "./mpcython build timed out after %ds\n%s" % (timeout, tail(dec(err), 30))
    if rc != 0:
        return None, "./mpcython build failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 40))
    lines = [l.strip() for l in dec(out).splitlines() if l.strip()]
    if not lines:
        return None, "./mpcython build printed no executable path on stdout\n" + tail(dec(err), 20)
    exe = lines[-1]
    if not os.path.isabs(exe):
        exe = os.path.join(ROOT, exe)
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        return None, "./mpcython build: last stdout line %r is not an executable" % lines[-1]
    return exe, None


def diff(expected, got, exp_rc, got_rc):
    d = list(difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                  "cpython", "micropython", lineterm="", n=1))
    if exp_rc != got_rc:
        d.append("exit status: cpython %s, micropython %s" % (rc_text(exp_rc), rc_text(got_rc)))
    if len(d) > 20:
        d = d[:20] + ["... (%d more diff lines)" % (len(d) - 20)]
    return "\n".join("    " + l for l in d)


def mp_run(t, exe, stress, timeout, wrap=()):
    """Returns list of (ok, label, detail)."""
    label = t.name + (" [gc-stress]" if stress else "")
    results = []
    if stress:
        cmd = list(wrap) + [exe, "-c", STRESS_PRELUDE % t.script]
    else:
        cmd = list(wrap) + [exe, t.script]
    with tempfile.TemporaryDirectory(prefix="beh-mp-") as scratch:
        rc, out, err, to = run(cmd, cwd=scratch, timeout=timeout)
    out, err = dec(out), dec(err)
    exp_rc, exp_out = t.ref
    if to:
        detail = "timed out after %ds" % timeout
        if out or err:
            detail += "\n  stdout (last lines):\n%s\n  stderr:\n%s" % (tail(out, 5), tail(err, 10))
        results.append((False, label, detail))
    elif out == exp_out and rc == exp_rc:
        results.append((True, label, None))
    else:
        detail = diff(exp_out, out, exp_rc, rc)
        if err.strip() and not (t.tb_expect or t.exc_expect):
            detail += "\n  micropython stderr:\n" + tail(err, 10)
        results.append((False, label, detail))
    if (t.tb_expect or t.exc_expect) and not stress and not to:
        tlabel = t.name + " [traceback]"
        if rc == 0:
            results.append((False, tlabel, "exited 0, a traceback was expected"))
        else:
            why = check_traceback(t, err)
            if why:
                results.append((False, tlabel, why + "\n  micropython stderr:\n" + tail(err, 15)))
            else:
                results.append((True, tlabel, None))
    return results


def mp_labels(t, stress):
    labels = [t.name]
    if t.tb_expect or t.exc_expect:
        labels.append(t.name + " [traceback]")
    if stress:
        labels.append(t.name + " [gc-stress]")
    return labels


# ---------------------------------------------------------------- main

def known_failures():
    """tests/behaviour/KNOWN_FAILURES: `name  reason` lines for layer gaps
    still open; such a failure counts as skipped, with its reason printed."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "behaviour", "KNOWN_FAILURES")
    out = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(" ")
                out[name] = why.strip()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", metavar="PATTERN",
                    help="run only tests whose name contains PATTERN (or matches it as a glob); comma-separated list allowed")
    ap.add_argument("--no-stress", action="store_true", help="skip the gc-stress pass")
    ap.add_argument("-j", type=int, default=2, metavar="N", help="parallel jobs (default 2)")
    ap.add_argument("--timeout", type=int, default=60, metavar="SEC",
                    help="per-test timeout in seconds (default 60; gc-stress runs get 3x)")
    ap.add_argument("--build-timeout", type=int, default=3600, metavar="SEC",
                    help="timeout for ./mpcython build (default 3600)")
    ap.add_argument("--cpython-only", action="store_true",
                    help="only build and run the CPython reference (checks the tests themselves)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the reference output of each test (--cpython-only) and the diffs of XFAIL tests")
    ap.add_argument("--exe", metavar="MICROPYTHON", help="run this MicroPython (built with every selected module) instead of building one")
    ap.add_argument("--wrap", metavar="COMMAND", help="run MicroPython under this command (split like a shell), e.g. valgrind")
    args = ap.parse_args()
    jobs = max(1, args.j)

    tests = discover(args.only)
    if not tests:
        print("no tests match")
        print("0 passed, 0 failed")
        return 1 if args.only else 0

    passed = failed = skipped = 0
    known = known_failures()

    def report(ok, label, detail=None):
        nonlocal passed, failed, skipped
        base = label.split(" [")[0]
        if not ok and base in known:
            # Listed in KNOWN_FAILURES with its reason: reported, not hidden.
            skipped += 1
            print("XFAIL %s (%s)" % (label, known[base]), flush=True)
            if detail and args.verbose:
                print(detail, flush=True)
            return
        if ok and base in known:
            print("XPASS %s: remove it from tests/behaviour/KNOWN_FAILURES" % label, flush=True)
        if ok:
            passed += 1
            print("PASS " + label, flush=True)
        else:
            failed += 1
            print("FAIL " + label, flush=True)
            if detail:
                print(detail, flush=True)

    # ---- reference (CPython)
    python = os.environ.get("PYTHON", sys.executable)
    cython_cmd = find_cython()
    os.makedirs(CPY_BUILD, exist_ok=True)
    if cython_cmd is None:
        for t in tests:
            t.ref_error = "Cython not found (set CYTHON, or put the source in deps/cython)"
    else:
        cpython_config(python)
        cython_version(cython_cmd)
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            list(ex.map(lambda t: reference(t, cython_cmd, python, args.timeout), tests))

    if args.cpython_only:
        for t in tests:
            if t.ref_error:
                report(False, t.name + " [cpython]", "  " + t.ref_error)
            else:
                report(True, t.name + " [cpython]")
                if args.verbose:
                    print(tail(t.ref[1], 1000))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0

    # ---- MicroPython build (once, for all selected modules)
    if args.exe:
        exe, build_error = os.path.abspath(args.exe), None
    else:
        exe, build_error = mp_build(tests, args.build_timeout)
    if build_error:
        print("MicroPython build error (every MicroPython-side test fails):")
        print("  " + build_error.replace("\n", "\n  "), flush=True)
    else:
        print("executable: %s" % os.path.relpath(exe, ROOT), flush=True)

    work = []  # (test, stress)
    for t in tests:
        if t.ref_error:
            for label in mp_labels(t, not args.no_stress):
                report(False, label, "  reference step failed: " + t.ref_error.replace("\n", "\n  "))
            continue
        if exe is None:
            for label in mp_labels(t, not args.no_stress):
                report(False, label, "  no MicroPython executable (build failed, see above)")
            continue
        work.append((t, False))
        if not args.no_stress:
            work.append((t, True))

    if work:
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            wrap = shlex.split(args.wrap) if args.wrap else []
            futs = [ex.submit(mp_run, t, exe, stress, args.timeout * (3 if stress else 1), wrap)
                    for t, stress in work]
            for f in futs:  # report in a stable order
                for ok, label, detail in f.result():
                    report(ok, label, detail)

    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
