"""The behaviour tests (tests/behaviour): what the unix, qemu and leak
runners share.

A test is X.pyx with its driver script X_test.py; a .pyx without a driver is
a helper that drivers name in `# USES:` lines.  The control lines of a driver
and the file KNOWN_FAILURES are read here; the CPython reference (the
module built for CPython, the driver's stdout and exit status) is computed
here, as is the one MicroPython executable holding every selected module.
"""
import concurrent.futures
import fnmatch
import glob
import hashlib
import os
import json
import re
import shutil
import sys
import tempfile

from . import BUILD, ROOT, cache, cpython, rel
from .proc import dec, rc_text, run, tail
from driver import natmod
from driver.common import micropy_variant

TESTDIR = os.path.join(ROOT, "tests", "behaviour")
CPY_BUILD = os.path.join(BUILD, "cpython")
# The reference outputs, cached by content (reference_inputs, reference_key).
REF_CACHE = os.path.join(BUILD, "cpython-ref")
MP_BUILD = os.path.join(BUILD, "mp" + micropy_variant())
KNOWN_FAILURES = os.path.join(TESTDIR, "KNOWN_FAILURES")

TB_RE = re.compile(r'^\s*#\s*EXPECT-TRACEBACK:\s*File "([^"]+)", line (\d+), in (\S+)\s*$', re.M)
EXC_RE = re.compile(r"^\s*#\s*EXPECT-EXCEPTION:\s*(.+?)\s*$", re.M)
USES_RE = re.compile(r"^\s*#\s*USES:\s*(.+?)\s*$", re.M)


class Test:
    def __init__(self, name):
        self.name = name
        self.pyx = os.path.join(TESTDIR, name + ".pyx")
        self.script = os.path.join(TESTDIR, name + "_test.py")
        src = open(self.script, encoding="utf-8").read() if os.path.exists(self.script) else ""
        self.tb_expect = TB_RE.findall(src)
        self.exc_expect = EXC_RE.findall(src)
        self.uses = [u for line in USES_RE.findall(src) for u in line.split()]
        self.ref = None  # (rc, stdout) once the reference succeeded
        self.ref_error = None  # text when the reference step failed
        self.error = None  # text the stderr must have (a module that cannot be imported)

    @property
    def expects_traceback(self):
        return bool(self.tb_expect or self.exc_expect)


def names():
    """Every test's name (a .pyx with a driver script; the others are helpers)."""
    return sorted(
        os.path.basename(p)[:-4]
        for p in glob.glob(os.path.join(TESTDIR, "*.pyx"))
        if os.path.exists(p[:-4] + "_test.py")
    )


def matches(name, only):
    """--only: comma-separated parts, each a substring of the name or a glob."""
    for p in only.split(","):
        if any(ch in p for ch in "*?[") and fnmatch.fnmatchcase(name, p):
            return True
        if p in name:
            return True
    return False


def discover(only=None):
    return [Test(n) for n in names() if not only or matches(n, only)]


def module_files(tests):
    """The .pyx files that a build of these tests needs: their own and their helpers'."""
    out = []
    for t in tests:
        for name in t.uses + [t.name]:
            path = os.path.join(TESTDIR, name + ".pyx")
            if path not in out:
                out.append(path)
    return out


def build_dir(base, tests):
    """One build folder per selection (BASE for all tests), so that runs of
    different subsets can go on at the same time without rebuilding over
    each other."""
    if len(tests) == len(names()):
        return base
    key = ",".join(sorted(t.name for t in tests))
    return base + "-" + hashlib.sha256(key.encode()).hexdigest()[:10]


def name_reasons(path):
    """A control file of `name  reason` lines ('#' comments) as {name: reason};
    {} if there is none."""
    out = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(" ")
                out[name] = why.strip()
    return out


def known_failures():
    """KNOWN_FAILURES: `name  reason` lines for layer gaps still open."""
    return name_reasons(KNOWN_FAILURES)


def check_traceback(t, stderr):
    """None if all EXPECT-TRACEBACK/EXCEPTION lines are found in stderr, else the reason."""
    missing = []
    for fname, line, func in t.tb_expect:
        base = os.path.basename(fname)
        rx = r'File "(?:[^"]*/)?%s", line %s, in (?:[\w.<>]*\.)?%s\b' % (
            re.escape(base),
            line,
            re.escape(func),
        )
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


# The reference run's environment (besides PYTHONPATH, the module folder).
REF_ENV = dict(
    PYTHONDONTWRITEBYTECODE="1",
    PYTHONHASHSEED="0",
    PYTHONIOENCODING="utf-8",
)


def reference_inputs(t):
    """The files a reference run can read besides the interpreter's own: the
    driver script, the other non-test .py files beside it (checks.py), and
    every module in the CPython build folder (a script imports its own
    module and its USES helpers; all of them, so that no other import can
    go unseen)."""
    here = [p for p in glob.glob(os.path.join(TESTDIR, "*.py")) if not p.endswith("_test.py")]
    built = [
        os.path.join(d, f)
        for d, _, fs in os.walk(CPY_BUILD)
        for f in fs
        if f.endswith((".so", ".py"))
    ]
    return [t.script] + sorted(here) + sorted(built)


def reference_key(t):
    """What a reference run depends on that is not a file of reference_inputs:
    the interpreter (its path, version and binary) and the environment
    (the parts the run sets, and the locale variables)."""
    py = cpython.python()
    exe = shutil.which(py) or py
    env = sorted((k, v) for k, v in os.environ.items() if k.startswith(("LC_", "LANG", "PYTHON")))
    return repr(
        (
            exe,
            cache.file_hash(os.path.realpath(exe)),
            cpython.config(py),
            sorted(REF_ENV.items()),
            env,
            t.tb_expect,
            t.exc_expect,
        )
    )


def prepare_reference():
    """Call once before reference() runs in threads; returns the Cython command or None."""
    cy = cpython.find_cython()
    if cy is not None:
        cpython.config(cpython.python())
        cpython.cython_version(cy)
    return cy


def reference(t, cython, timeout):
    """Sets t.ref to CPython's (exit status, stdout) for the driver, or t.ref_error.
    The modules are built for the full API: the reference is what a user's
    own CPython build of the .pyx does (README: differences from the build mode)."""
    if cython is None:
        t.ref_error = "Cython not found (run tools/fetch-deps.sh, or set CYTHON, or put the source in deps/cython)"
        return
    if not os.path.exists(t.script):
        t.ref_error = "no driver script %s" % rel(t.script)
        return
    err = None
    for name in t.uses + [t.name]:
        pyx = os.path.join(TESTDIR, name + ".pyx")
        if not os.path.exists(pyx):
            err = "USES names %s, which has no %s.pyx" % (name, name)
            break
        err = cpython.build_module(pyx, CPY_BUILD, cpython.FULL, cython, timeout=max(timeout, 300))
        if err:
            err = err if name == t.name else "helper %s: %s" % (name, err)
            break
    if err:
        t.ref_error = err
        return
    stamp = os.path.join(REF_CACHE, t.name + ".stamp")
    saved = os.path.join(REF_CACHE, t.name + ".json")
    key = reference_key(t)
    if cache.fresh(stamp, key) and os.path.exists(saved):
        with open(saved, encoding="utf-8") as f:
            t.ref = tuple(json.load(f))
        return
    env = dict(os.environ, PYTHONPATH=CPY_BUILD, **REF_ENV)
    with tempfile.TemporaryDirectory(prefix="beh-ref-") as scratch:
        rc, out, err, to = run([cpython.python(), t.script], cwd=scratch, env=env, timeout=timeout)
    stderr = dec(err)
    if to:
        t.ref_error = "CPython run timed out after %ds" % timeout
    elif t.expects_traceback:
        if rc == 0:
            t.ref_error = "CPython run exited 0 but a traceback is expected"
        else:
            why = check_traceback(t, stderr)
            if why:
                t.ref_error = (
                    "CPython traceback:\n" + why + "\n  CPython stderr:\n" + tail(stderr, 15)
                )
    elif rc != 0:
        t.ref_error = "CPython run failed (%s):\n%s" % (rc_text(rc), tail(stderr, 15))
    if not t.ref_error:
        t.ref = (rc, dec(out))
        # only a good reference is kept (a failure is shown again next time)
        os.makedirs(REF_CACHE, exist_ok=True)
        with open(saved + ".tmp%d" % os.getpid(), "w", encoding="utf-8") as f:
            json.dump(t.ref, f)
        os.replace(saved + ".tmp%d" % os.getpid(), saved)
        cache.write(stamp, key, reference_inputs(t))


def shown_build(cmd_words, files, out_dir):
    return "%s %s -o %s" % (
        cmd_words,
        " ".join(files) if len(files) <= 4 else "tests/behaviour/*.pyx (%d modules)" % len(files),
        rel(out_dir),
    )


def mp_build(tests, timeout, small=False):
    """The unix MicroPython holding the modules of TESTS (with SMALL, built
    with mpcython's size profile): (exe, None) or (None, error text)."""
    driver = os.environ.get("MPCYTHON") or os.path.join(ROOT, "mpcython")
    if not os.path.exists(driver):
        return None, "%s does not exist" % rel(driver)
    out_dir = build_dir(MP_BUILD + ("-small" if small else ""), tests)
    files = [rel(f) for f in module_files(tests)]
    cmd = [driver, "build"] + (["--small"] if small else []) + files + ["-o", rel(out_dir)]
    if not os.access(driver, os.X_OK):
        with open(driver, "rb") as f:
            first = f.readline()
        cmd = ([sys.executable] if b"python" in first else ["sh"]) + cmd
    print(
        "building: "
        + shown_build("./mpcython build" + (" --small" if small else ""), files, out_dir),
        flush=True,
    )
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


def labels(t, stress):
    """The results one test gives on MicroPython."""
    out = [t.name]
    if t.expects_traceback:
        out.append(t.name + " [traceback]")
    if stress:
        out.append(t.name + " [gc-stress]")
    return out


# ---- the natmod flavour (--mpy): each module a .mpy on a stock MicroPython
# (x64: the unix port; armv7m: the qemu port's Cortex-M3 board)

MPY_RULES = os.path.join(TESTDIR, "MPY")
MPY_PORTS = {"x64": "unix", "armv7m": "qemu"}


def mpy_build_dir(arch):
    """The suite's .mpy folder; the flavour that is not ARCH's default
    (MPCY_MPY_RUNTIME, run.py --runtime) has its own."""
    flavour = os.environ.get("MPCY_MPY_RUNTIME") or natmod.DEFAULT_FLAVOUR[arch]
    other = "" if flavour == natmod.DEFAULT_FLAVOUR[arch] else "-" + flavour
    return os.path.join(BUILD, "mpy-%s%s%s" % (arch, other, micropy_variant()))


def mpy_board_rules(arch):
    """MPY.ARCH (tests/behaviour/MPY.armv7m): the tests left out on that
    board besides MPY's, each with why; {} for the unix port."""
    return name_reasons(MPY_RULES + "." + arch)


def mpy_left_out():
    """tests/behaviour/MPY: `name  reason` lines, the tests the natmod
    flavour cannot pass (they still build and run: XFAIL, or XPASS);
    `name[traceback]` is the traceback result alone ("name [traceback]")."""
    return {name.replace("[", " ["): why for name, why in name_reasons(MPY_RULES).items()}


def driver_command():
    driver = os.environ.get("MPCYTHON") or os.path.join(ROOT, "mpcython")
    cmd = [driver]
    if not os.access(driver, os.X_OK):
        with open(driver, "rb") as f:
            first = f.readline()
        cmd = ([sys.executable] if b"python" in first else ["sh"]) + cmd
    return cmd


def mpy_stock(timeout, arch="x64"):
    """The stock MicroPython of ARCH's port (`./mpcython stock [--port
    qemu]`: the unix executable or the board's firmware): (path, None) or
    (None, error)."""
    port = MPY_PORTS[arch]
    rc, out, err, to = run(driver_command() + ["stock", "--port", port], cwd=ROOT, timeout=timeout)
    lines = dec(out).split()
    if rc != 0 or to or not lines:
        return None, "./mpcython stock --port %s failed (%s):\n%s" % (
            port,
            rc_text(rc),
            tail(dec(err), 30),
        )
    return lines[-1], None


def mpy_build(tests, jobs, timeout, arch="x64"):
    """Each module of TESTS (and its helpers) as mpy_build_dir(ARCH)/NAME.mpy
    by `./mpcython build --mpy --arch ARCH`, JOBS at a time (the first alone:
    it compiles the layer's runtime once): {module name: error text or None}."""
    files = module_files(tests)
    out_dir = mpy_build_dir(arch)
    print(
        "building: "
        + shown_build("./mpcython build --mpy --arch " + arch, [rel(f) for f in files], out_dir),
        flush=True,
    )

    def one(pyx):
        cmd = driver_command() + ["build", "--mpy", "--arch", arch, pyx, "-o", out_dir]
        rc, out, err, to = run(cmd, cwd=ROOT, timeout=timeout)
        if to:
            return "build --mpy timed out after %ds" % timeout
        if rc != 0:
            return "build --mpy failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 20))
        return None

    errors = {}
    if files:
        errors[files[0]] = one(files[0])
    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as ex:
        for f, e in zip(files[1:], ex.map(one, files[1:])):
            errors[f] = e
    return {os.path.basename(f)[:-4]: e for f, e in errors.items()}


def mpy_env(path_default):
    """The environment of a run: the x64 .mpy folder first on sys.path (as `run --stock --mount`)."""
    return dict(os.environ, MICROPYPATH=mpy_build_dir("x64") + ":" + path_default)
