#!/usr/bin/env python3
"""The library suite (`make test-libs`): real third-party Cython libraries
from Debian source packages (tools/fetch-deps.sh libs, into deps/libs/),
built as a user builds them, each exercised by a test script (tests/libs/
NAME_test.py) on CPython and on MicroPython; stdout and exit status must be
equal.

For each library: its sources are copied to build/tests/libs/NAME/src (a
module named `pkg.mod` needs a file `pkg.mod.pyx` beside the original, so
that the .pyx folder stays on the include path); MicroPython gets
`./mpcython build --shared` of its modules (with the library's helper C,
-I and -D as its setup.py gives them to setuptools' Extension), run by
`./mpcython host`; CPython gets the same .pyx built by the same Cython with
the same options (full API, what a user's own build runs). docs/libraries.md
describes each library and every difference.

EXPECTED_FAILURES below lists the tests that fail today with their cause:
such a failure is XFAIL; a pass is reported as XPASS and counted as a
failure, so that the line is removed when the fix lands.

Usage: tests/libs/run.py [--only NAME[,NAME]] [-v]
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import BUILD, rel  # noqa: E402
from lib import cpython  # noqa: E402
from lib.proc import dec, rc_text, run, tail  # noqa: E402
from lib.report import Tally, diff  # noqa: E402
from driver import cython as driver_cython  # noqa: E402

DEPS = os.path.join(ROOT, "deps", "libs")
OUT = os.path.join(BUILD, "libs")
MPCYTHON = os.path.join(ROOT, "mpcython")
STANDINS = os.path.join(HERE, "standins")


class Lib:
    """A library: deps/libs/DIR, its modules [(.pyx in DIR, dotted name)],
    what its setup.py adds (`args`: helper .c, -I, -D, paths in DIR), other
    source trees it needs [(deps/libs folder, where in DIR)], its Python
    files [(in DIR, where on the module path)], and its test scripts."""

    def __init__(self, name, modules, tests, args=(), trees=(), pyfiles=()):
        self.name = name
        self.modules = modules
        self.tests = tests
        self.args = list(args)
        self.trees = list(trees)
        self.pyfiles = list(pyfiles)


LIBS = [
    Lib("tinyalign", [("src/tinyalign/_core.pyx", "tinyalign._core")], ["tinyalign"]),
    Lib(
        "pyxdameraulevenshtein",
        [("pyxdameraulevenshtein/_initialize.pyx", "pyxdameraulevenshtein._initialize")],
        ["pyxdameraulevenshtein"],
    ),
    Lib(
        "wsaccel",
        [
            ("wsaccel/utf8validator.pyx", "wsaccel.utf8validator"),
            ("wsaccel/xormask.pyx", "wsaccel.xormask"),
        ],
        ["wsaccel", "wsaccel_str"],
    ),
    Lib(
        "rencode",
        [("rencode/rencode.pyx", "rencode._rencode")],
        ["rencode"],
        # Python 2 code (`long`) without a language_level comment: its setup.py
        # relied on Cython's old default.
        args=["-X", "language_level=2"],
    ),
    Lib("reedsolo", [("creedsolo.pyx", "creedsolo")], ["reedsolo", "reedsolo_decode"]),
    Lib("cymem", [("cymem/cymem.pyx", "cymem.cymem")], ["cymem"]),
    Lib(
        "httptools",
        [("httptools/parser/parser.pyx", "httptools.parser.parser")],
        ["httptools"],
        args=["vendor/http-parser/http_parser.c", "-I", "vendor/http-parser"],
        trees=[("http-parser", "vendor/http-parser")],
        pyfiles=[("httptools/parser/errors.py", "httptools/parser/errors.py")],
    ),
    Lib(
        "cwcwidth",
        [("cwcwidth/_impl.pyx", "cwcwidth._impl")],
        ["cwcwidth"],
        # setup.py's portable variant (its Windows configuration): Markus Kuhn's
        # wcwidth.c, the one a microcontroller wants, deterministic (no locale).
        args=["cwcwidth/wcwidth.c", "-DUSE_MK_WCWIDTH"],
    ),
    Lib("propcache", [("src/propcache/_helpers_c.pyx", "propcache._helpers_c")], ["propcache"]),
]

# Test scripts that fail today, with the cause (docs/libraries.md); the
# lead removes a line when its fix lands.
EXPECTED_FAILURES = {}


def prepare(lib):
    """build/tests/libs/NAME/src: the library's sources, with a file named
    after each dotted module beside its .pyx; returns the folder."""
    src = os.path.join(OUT, lib.name, "src")
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(os.path.join(DEPS, lib.name), src, symlinks=True)
    for tree, where in lib.trees:
        shutil.copytree(
            os.path.join(DEPS, tree), os.path.join(src, where), symlinks=True, dirs_exist_ok=True
        )
    for pyx, name in lib.modules:
        named = os.path.join(src, os.path.dirname(pyx), name + ".pyx")
        if not os.path.exists(named):
            os.symlink(os.path.basename(pyx), named)
    return src


def named(src, pyx, name):
    return os.path.join(src, os.path.dirname(pyx), name + ".pyx")


def copy_pyfiles(lib, src, path):
    for f, where in lib.pyfiles:
        dst = os.path.join(path, where)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(os.path.join(src, f), dst)


def build_mp(lib, src):
    """The modules as .so files for `./mpcython host`; returns (folder, error)."""
    out = os.path.join(OUT, lib.name, "mp")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, MPCYTHON, "build", "--shared", "-o", out]
    cmd += [named(src, pyx, name) for pyx, name in lib.modules] + lib.args
    rc, o, e, _ = run(cmd, cwd=src, timeout=3600)
    if rc != 0:
        return out, "./mpcython build --shared failed (%s):\n%s" % (
            rc_text(rc),
            tail(dec(o + e), 40),
        )
    copy_pyfiles(lib, src, out)
    return out, None


def build_cpython(lib, src, cython):
    """The same modules for CPython, as setuptools builds them; returns (folder, error)."""
    out = os.path.join(OUT, lib.name, "cpython")
    shutil.rmtree(out, ignore_errors=True)
    includes, ext, _ = cpython.config(cpython.python())
    helpers, flags, directives, args = [], [], [], list(lib.args)
    while args:
        a = args.pop(0)
        if a in ("-I", "-D", "-X"):
            a += args.pop(0)
        if a.startswith("-I"):
            flags.append("-I" + os.path.join(src, a[2:]))
        elif a.startswith("-D"):
            flags.append(a)
        elif a.startswith("-X"):
            directives.append(a[2:])
        else:
            helpers.append(os.path.join(src, a))
    for pyx, name in lib.modules:
        pyx = named(src, pyx, name)
        parts = name.split(".")
        os.makedirs(os.path.join(out, *parts[:-1]), exist_ok=True)
        c_file = os.path.join(out, name + ".c")
        err = cpython.cythonize(pyx, c_file, cython, driver_cython.options(name, directives))
        if err:
            return out, err
        so = os.path.join(out, *parts[:-1], parts[-1] + ext)
        cmd = ["gcc", "-shared", "-fPIC", "-O1", "-w", "-I" + os.path.dirname(pyx)]
        cmd += ["-I" + i for i in includes] + flags + [c_file] + helpers + ["-o", so]
        rc, o, e, _ = run(cmd, timeout=3600)
        if rc != 0:
            return out, "the CPython build failed:\n%s" % tail(dec(o + e), 40)
    copy_pyfiles(lib, src, out)
    return out, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="only these libraries (comma-separated)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the outputs of failures")
    args = ap.parse_args()
    libs = LIBS
    if args.only:
        want = args.only.split(",")
        libs = [l for l in LIBS if l.name in want]
        if len(libs) != len(want):
            raise SystemExit(
                "unknown library in %s (known: %s)" % (args.only, ", ".join(l.name for l in LIBS))
            )
    if not all(os.path.isdir(os.path.join(DEPS, l.name)) for l in libs):
        if subprocess.call(["bash", os.path.join(ROOT, "tools", "fetch-deps.sh"), "libs"]) != 0:
            raise SystemExit("could not fetch the libraries (tools/fetch-deps.sh libs)")
    cython = cpython.find_cython()
    rc, o, e, _ = run([sys.executable, MPCYTHON, "host"], timeout=3600)
    if rc != 0:
        raise SystemExit("./mpcython host failed:\n" + dec(o + e))
    host = dec(o).strip()

    tally = Tally()

    def report(ok, label, detail):
        if label in EXPECTED_FAILURES:
            if ok:
                tally.report(
                    False,
                    "XPASS %s: it passes now; remove it from EXPECTED_FAILURES in %s"
                    % (label, rel(__file__)),
                )
            else:
                tally.report(
                    "XFAIL",
                    "%s (%s)" % (label, EXPECTED_FAILURES[label]),
                    detail if args.verbose else None,
                )
            return
        tally.report(ok, label, None if ok else detail)

    for lib in libs:
        src = prepare(lib)
        mp, mp_err = build_mp(lib, src)
        cp, cp_err = build_cpython(lib, src, cython)
        for test in lib.tests:
            script = os.path.join(HERE, test + "_test.py")
            if cp_err:
                report(False, test, "  the CPython reference: " + cp_err)
                continue
            if mp_err:
                report(False, test, "  " + mp_err)
                continue
            env = dict(os.environ, PYTHONPATH=cp + os.pathsep + HERE)
            rc1, o1, e1, _ = run([cpython.python(), script], cwd=HERE, env=env, timeout=600)
            env = dict(os.environ, MICROPYPATH=":".join([mp, HERE, STANDINS]))
            rc2, o2, e2, _ = run([host, script], cwd=HERE, env=env, timeout=600)
            ok = (rc1, o1) == (rc2, o2) and rc1 == 0
            detail = "%s\n  MicroPython's stderr:\n%s" % (
                diff(dec(o1), dec(o2), rc1, rc2),
                tail(dec(e2), 15),
            )
            if rc1 != 0:
                detail = "  the test script fails on CPython (%s):\n%s" % (
                    rc_text(rc1),
                    tail(dec(e1), 15),
                )
            report(ok, test, detail)
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
