#!/usr/bin/env python3
"""Tests of ./mpcython itself: the errors a user meets, `run` passing a
script's output and exit status through, and the REPL.

Each case builds into its own folder under build/tests/driver, or shares
one with a case whose modules fit the same executable (several small
MicroPython builds: a few minutes on 2 cores). Prints PASS/FAIL per case and
`N passed, N failed`.

--quick (make check) leaves out the cases that are slow by nature, each
reported as a SKIP line: a build folder following its module set (two full
MicroPython rebuilds), the stock firmware on the qemu board, and the natmod
flavour (`build --mpy`: x64 and armv7m, on stock unix and the board). make test runs them.
"""
import concurrent.futures
import contextlib
import glob
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import types

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import BUILD, cache, cli, cpython, proc  # noqa: E402
from lib.report import Tally  # noqa: E402
from driver import frozen, layer  # noqa: E402
from driver.common import digest, micropy_dir, micropy_release, other_releases  # noqa: E402

DRIVER = os.path.join(ROOT, "mpcython")
OUT = os.path.join(BUILD, "driver")
tally = Tally()
QUICK = False  # --quick


def mpcython(args, cwd, env=None, stdin=None):
    rc, out, err, _ = proc.run(
        [sys.executable, DRIVER] + args, cwd, env, 1800, None if stdin is None else stdin.encode()
    )
    return rc, proc.dec(out), proc.dec(err)


def slow(label, case, *args):
    """CASE(*ARGS), a case slow by nature; with --quick one SKIP line instead."""
    if QUICK:
        tally.report("SKIP", "%s (--quick: make test runs it)" % label)
    else:
        case(*args)


def check(name, ok, detail=""):
    tally.report(ok, name, None if ok else "  " + detail.strip().replace("\n", "\n  ")[-3000:])


def run_host(exe, args, cwd, path=None):
    """The host for .so modules (`./mpcython host` printed EXE) with ARGS,
    MICROPYPATH=PATH: its exit status and its stdout and stderr as one text."""
    env = dict(os.environ, MICROPYPATH=path) if path else None
    rc, out, _, _ = proc.run([exe.strip()] + args, cwd, env, merge=True)
    return types.SimpleNamespace(returncode=rc, stdout=proc.dec(out))


@contextlib.contextmanager
def scratch(name):
    """A folder outside the repository for a case's sources, at the same
    path on every run (emptied first): ./mpcython's caches key on the
    sources' paths, so a fresh temporary name would run Cython and compile
    the modules again each time."""
    d = os.path.join(tempfile.gettempdir(), "mpcy-driver-" + digest([], ROOT)[:10], name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


def abi_version():
    """The layer's ABI version (include/mpcython.h), which .so modules carry."""
    with open(os.path.join(ROOT, "include", "mpcython.h")) as f:
        return int(re.search(r"#define MPCY_ABI_VERSION (\d+)", f.read()).group(1))


def write(d, name, text):
    with open(os.path.join(d, name), "w") as f:
        f.write(text)


def shared_modules():
    """Loadable modules: two .so modules share the layer (a cdef class of one
    is accepted by the other), and files that are not modules fail cleanly."""
    with scratch("shared") as d:
        lib = os.path.join(d, "lib")
        write(d, "shared_a.pxd", "cdef class Thing:\n    cdef public int value\n")
        write(
            d,
            "shared_a.pyx",
            "cdef class Thing:\n    def __init__(self, int value):\n        self.value = value\n",
        )
        write(
            d,
            "shared_b.pyx",
            "from shared_a cimport Thing\n\ndef double(Thing t):\n    return t.value * 2\n",
        )
        # a cdef class with a built-in base, in a .so; one with a base MicroPython
        # cannot subclass (CPython refuses it too): a clear TypeError at import
        write(
            d,
            "builtin_base.pyx",
            "cdef class MyDict(dict):\n    def total(self):\n        return sum(self.values())\n",
        )
        write(d, "refused_base.pyx", "cdef class Cut(slice):\n    pass\n")
        # a coroutine run by the host's asyncio (frozen into every build, driver/frozen.py)
        write(
            d,
            "shared_async.pyx",
            "import asyncio\n\nasync def twice(x):\n    await asyncio.sleep(0)\n    return 2 * x\n",
        )
        mods = [
            "shared_a.pyx",
            "shared_b.pyx",
            "builtin_base.pyx",
            "refused_base.pyx",
            "shared_async.pyx",
        ]
        rc, out, err = mpcython(["build", "--shared"] + mods + ["-o", lib], d)
        check(
            "build --shared prints the .so paths",
            rc == 0
            and out.split()
            == [
                os.path.join(lib, "shared_a.so"),
                os.path.join(lib, "shared_b.so"),
                os.path.join(lib, "builtin_base.so"),
                os.path.join(lib, "refused_base.so"),
                os.path.join(lib, "shared_async.so"),
            ],
            out + err,
        )
        with open(os.path.join(lib, "bad.so"), "w") as f:
            f.write("not an ELF file\n")
        write(d, "noinit.c", "const int mpcy_abi_version = %d;\n" % abi_version())
        write(
            d,
            "oldabi.c",
            "const int mpcy_abi_version = 999;\nvoid *PyInit_oldabi(void) { return 0; }\n",
        )
        for n in ("noinit", "oldabi"):
            subprocess.run(
                [
                    "gcc",
                    "-shared",
                    "-fPIC",
                    os.path.join(d, n + ".c"),
                    "-o",
                    os.path.join(lib, n + ".so"),
                ],
                check=True,
            )
        write(
            d,
            "t.py",
            "import shared_a, shared_b\n"
            "print(shared_b.double(shared_a.Thing(21)))\n"
            "try:\n    shared_b.double(5)\nexcept TypeError as e:\n    print('TypeError', e)\n"
            "for name in ('bad', 'noinit', 'oldabi'):\n"
            "    try:\n        __import__(name)\n"
            "    except ImportError as e:\n        print('ImportError', str(e).replace(%r, ''))\n"
            "import builtin_base\nprint('MyDict', builtin_base.MyDict(a=1, b=2).total())\n"
            "try:\n    import refused_base\nexcept TypeError as e:\n    print('TypeError', e)\n"
            "import asyncio, shared_async\n"
            "print('asyncio', asyncio.run(shared_async.twice(21)))\n"
            "import enum, dataclasses\n"
            "print('layer modules', enum.__name__, dataclasses.__name__)\n"
            "print('still running')\n" % (lib + "/"),
        )
        rc, exe, err = mpcython(["host"], d)
        # MICROPYPATH replaces the unix port's default sys.path, whose first
        # entry, .frozen, holds the frozen modules (asyncio): name it too.
        p = run_host(exe, ["t.py"], d, ".frozen:" + lib)
        lines = p.stdout.splitlines()
        check(
            "two .so modules share a cdef class",
            lines[:2]
            == [
                "42",
                "TypeError Argument 't' has incorrect type (expected shared_a.Thing, got int)",
            ],
            p.stdout,
        )
        check(
            "a file that is not a module: ImportError",
            "ImportError cannot load bad.so" in p.stdout,
            p.stdout,
        )
        check(
            "a module without PyInit_: ImportError",
            "ImportError dynamic module noinit.so does not define PyInit_noinit" in lines,
            p.stdout,
        )
        check(
            "a module of another layer version: ImportError",
            "ImportError oldabi.so was not built for this mpcython layer (ABI 999, expected %d)"
            % abi_version()
            in lines,
            p.stdout,
        )
        check("a cdef class with a built-in base in a .so", "MyDict 3" in lines, p.stdout)
        check(
            "a cdef class with a base MicroPython cannot subclass: TypeError at import",
            "TypeError cdef class refused_base.Cut: MicroPython cannot subclass 'slice' (it has no constructor)"
            in lines,
            p.stdout,
        )
        p2 = run_host(exe, ["-c", "import shared_a; print(shared_a.Thing(3).value)"], lib)
        check(
            "micropython -c 'import A' from the folder holding A.so", p2.stdout == "3\n", p2.stdout
        )
        check(
            "the host has asyncio and runs a .so module's coroutine",
            "asyncio 42" in lines,
            p.stdout,
        )
        check(
            "the host has the layer's enum and dataclasses (it cannot know what it will load)",
            "layer modules enum dataclasses" in lines,
            p.stdout,
        )
        check(
            "the interpreter keeps running",
            lines[-1:] == ["still running"] and p.returncode == 0,
            p.stdout,
        )
        setjmp_nlr(os.path.dirname(os.path.dirname(exe.strip())))


def extension_sources(d):
    """A library laid out as setuptools builds it: a header and a helper C
    source beside the .pyx (`# distutils: sources`, `define_macros`), a
    header in another folder (-I) and a macro from the command line (-D)."""
    lib, inc = os.path.join(d, "lib"), os.path.join(d, "inc")
    os.makedirs(lib)
    os.makedirs(inc)
    write(lib, "twice.h", "int twice(int x);\n")
    write(lib, "twice.c", '#include "twice.h"\nint twice(int x) { return 2 * x + OFFSET; }\n')
    write(inc, "extra.h", "#define EXTRA 100\n")
    write(
        lib,
        "usetwice.pyx",
        "# distutils: sources = twice.c\n# distutils: define_macros = OFFSET=1\n"
        'cdef extern from "twice.h":\n    int twice(int x)\n'
        'cdef extern from "extra.h":\n    int EXTRA\n'
        "cdef extern from *:\n    int FLAG\n"
        "def f(int x):\n    return twice(x) + EXTRA + FLAG\n",
    )
    write(d, "t.py", "import usetwice\nprint(usetwice.f(20))\n")
    return ["lib/usetwice.pyx", "-I", "inc", "-DFLAG=1000"]


def cplus_sources(d):
    """C++ modules: one that says `# distutils: language = c++` with a C++
    helper source (`# distutils: sources`), a plain .pyx made C++ by --cplus
    (each raises a C++ exception through `except +`), and a C module."""
    write(d, "greet.hpp", "#include <string>\nstd::string greet(const std::string &who);\n")
    write(
        d,
        "greet.cpp",
        '#include <stdexcept>\n#include "greet.hpp"\n'
        "std::string greet(const std::string &who) {\n"
        '    if (who.empty()) throw std::invalid_argument("nobody");\n'
        '    return "hello " + who;\n}\n',
    )
    write(
        d,
        "cppgreet.pyx",
        "# distutils: language = c++\n# distutils: sources = greet.cpp\n"
        "from libcpp.string cimport string\n"
        'cdef extern from "greet.hpp":\n    string greet(const string &who) except +\n'
        "def f(bytes who):\n    return greet(who)\n",
    )
    write(
        d,
        "cppvec.pyx",
        "from libcpp.vector cimport vector\n"
        "def at(list xs, size_t i):\n    cdef vector[int] v = xs\n    return v.at(i)\n",
    )
    write(d, "cplain.pyx", "def g():\n    return 'c'\n")
    write(
        d,
        "tcpp.py",
        "import sys\nm = __import__(sys.argv[1])\ng = __import__('cppgreet')\n"
        "print(g.f(b'you'), m.at([5, 6], 1) if hasattr(m, 'at') else m.g())\n"
        "for f, a in ((g.f, (b'',)), (getattr(m, 'at', None), ([1], 4))):\n"
        "    try:\n        f(*a)\n    except Exception as e:\n"
        "        print(type(e).__name__)\n",
    )


def cplus_shared(d):
    """C++ modules (cplus_sources, in D) as .so modules, with --cplus."""
    so = os.path.join(d, "so-cplus")
    rc, out, err = mpcython(
        ["build", "--shared", "--cplus", "cppgreet.pyx", "cppvec.pyx", "-o", so], d
    )
    rc2, exe, err2 = mpcython(["host"], d)
    p = run_host(exe, ["tcpp.py", "cppvec"], d, so)
    check(
        "C++ modules as .so modules, --cplus",
        rc == 0 and p.stdout == "b'hello you' 6\nValueError\nIndexError\n",
        "exit %d\nstderr: %s\nrun: %s" % (rc, err[-3000:], p.stdout),
    )


def extension_conventions():
    """setuptools' Extension conventions (driver/extension.py), statically
    built in, as .so modules, and their errors."""
    with scratch("ext") as d:
        args = extension_sources(d)
        # The C++ modules (cplus_sources) share the executable: one
        # MicroPython build for both cases, each script run on it.
        cplus_sources(d)
        static = ["run", args[0], "cppgreet.pyx", "cplain.pyx"] + args[1:]
        static += ["-o", os.path.join(OUT, "ext")]
        rc, out, err = mpcython(static + ["--", "t.py"], d)
        check(
            "build: .pyx folder, # distutils: sources/define_macros, -I, -D",
            rc == 0 and out == "1141\n",
            "exit %d\nstdout: %s\nstderr: %s" % (rc, out, err[-3000:]),
        )
        rc, out, err = mpcython(static + ["--", "tcpp.py", "cplain"], d)
        check(
            "C++ modules: # distutils: language = c++, a C++ helper source, beside a C module",
            rc == 0 and out == "b'hello you' c\nValueError\nTypeError\n",
            "exit %d\nstdout: %s\nstderr: %s" % (rc, out, err[-3000:]),
        )
        cplus_shared(d)
        so = os.path.join(d, "so")
        rc, out, err = mpcython(["build", "--shared"] + args + ["-o", so], d)
        rc2, exe, err2 = mpcython(["host"], d)
        p = run_host(exe, ["t.py"], d, so)
        check(
            "build --shared: the helper source linked into the .so, -I, -D",
            rc == 0 and p.stdout == "1141\n",
            "exit %d\nstderr: %s\nrun: %s" % (rc, err[-3000:], p.stdout),
        )

        # A helper .c given on the command line (no PyInit_): linked, not a module.
        write(d, "helper.c", "int helper_value(void) { return 7; }\n")
        write(
            d,
            "usehelper.pyx",
            "cdef extern int helper_value()\ndef v():\n    return helper_value()\n",
        )
        rc, out, err = mpcython(["build", "--shared", "usehelper.pyx", "helper.c", "-o", so], d)
        p = run_host(exe, ["-c", "import usehelper; print(usehelper.v())"], d, so)
        check(
            "a .c without PyInit_ is a helper source",
            rc == 0 and out.split() == [os.path.join(so, "usehelper.so")] and p.stdout == "7\n",
            out + err + p.stdout,
        )
        rc, out, err = mpcython(["build", "--shared", "helper.c", "-o", so], d)
        check(
            "a helper source without a module is reported",
            rc == 1 and "helper.c: no module to link with" in err,
            err,
        )

        # Errors in the options: reported before anything is built.
        write(d, "badkey.pyx", "# distutils: library_dirs = /opt\ndef f():\n    pass\n")
        write(d, "badlang.pyx", "\n# distutils: language = fortran\n")
        for what, build, message in (
            ("a missing -I folder", args[:1] + ["-I", "nothere"], "-I: no such folder"),
            (
                "a bad -D macro",
                args[:1] + ["-D", "1BAD=2"],
                "-D: bad macro '1BAD=2' (expected NAME or NAME=VALUE)",
            ),
            (
                "a bad -X directive",
                args[:1] + ["-X", "nonsense"],
                "-X: bad Cython directive 'nonsense' (expected NAME=VALUE)",
            ),
            (
                "an unsupported # distutils: key (with file:line)",
                ["badkey.pyx"],
                "badkey.pyx:1: `# distutils: library_dirs` is not supported",
            ),
            (
                "a language other than c or c++ (with file:line)",
                ["badlang.pyx"],
                "badlang.pyx:2: language must be c or c++, not fortran",
            ),
        ):
            rc, out, err = mpcython(["build", "--shared"] + build + ["-o", so], d)
            check(what + " is reported", rc == 1 and message in err, err)

        # A C compile error: the compiler's first errors with file:line and
        # the source line, no command line.
        write(d, "broken.h", "int ok(void);\nint broken(void) { return 1 +; }\n")
        write(
            d,
            "usebroken.pyx",
            'cdef extern from "broken.h":\n    int broken()\ndef f():\n    return broken()\n',
        )
        for how, build in (
            ("--shared", ["--shared", "-o", so]),
            ("static", ["-o", os.path.join(OUT, "ext-broken")]),
        ):
            rc, out, err = mpcython(["build", "usebroken.pyx"] + build, d)
            check(
                "a C compile error shows file:line and the source line (%s)" % how,
                rc == 1
                and "broken.h:2:" in err
                and "return 1 +;" in err
                and not any(l.startswith(("gcc ", "cc ")) for l in err.splitlines()),
                err[-3000:],
            )


def frozen_layer_modules(d):
    """The layer's enum and dataclasses are frozen only into builds whose
    modules import them (driver/frozen.py): without, `import enum` fails as
    on MicroPython's own unix port, which has neither module; with a cpdef
    enum, or a module of --freeze that imports enum, enum is there (and
    dataclasses still not). The same build folder each time (outside.pyx's
    of main), so a module set gaining or losing the enum must re-freeze."""
    write(
        d,
        "withenum.pyx",
        "cpdef enum Color:\n    RED = 1\n    GREEN = 2\n\ndef green():\n    return Color.GREEN\n",
    )
    write(
        d,
        "layermods.py",
        "import asyncio\n"
        "for name in ('enum', 'dataclasses'):\n"
        "    try:\n        __import__(name)\n        print(name, 'imported')\n"
        "    except ImportError:\n        print(name, 'ImportError')\n"
        "try:\n    import withenum\n    print(int(withenum.green()), withenum.Color.RED.name)\n"
        "except ImportError:\n    pass\n"
        "try:\n    import fzhelp\n    print(fzhelp.WHAT)\n"
        "except ImportError:\n    pass\n",
    )
    # a Python module of --freeze, away from the script's folder (on sys.path on unix)
    os.makedirs(os.path.join(d, "frozen"), exist_ok=True)
    write(os.path.join(d, "frozen"), "fzhelp.py", "import enum\nWHAT = 'fzhelp frozen'\n")
    out_dir = os.path.join(OUT, "outside")
    for what, mods, expected in (
        (
            "a build without cpdef enum or dataclass: no enum, no dataclasses (ImportError)",
            ["outside.pyx"],
            "enum ImportError\ndataclasses ImportError\n",
        ),
        (
            "--freeze m.py: m frozen in, and the layer's enum, which it imports",
            ["outside.pyx", "--freeze", os.path.join("frozen", "fzhelp.py")],
            "enum imported\ndataclasses ImportError\nfzhelp frozen\n",
        ),
        (
            "the same build folder with a cpdef enum module: enum frozen, dataclasses not",
            ["outside.pyx", "withenum.pyx"],
            "enum imported\ndataclasses ImportError\n2 RED\n",
        ),
        (
            "the same build folder without it again: enum gone",
            ["outside.pyx"],
            "enum ImportError\ndataclasses ImportError\n",
        ),
    ):
        rc, out, err = mpcython(["run"] + mods + ["-o", out_dir, "--", "layermods.py"], d)
        check(
            what, rc == 0 and out == expected, "exit %d\nstdout: %s\nstderr: %s" % (rc, out, err)
        )


def stock_unix(d):
    """`mpcython stock`: the unix port as it comes, asyncio frozen as its
    manifest does, nothing of the layer in it."""
    rc, out, err = mpcython(["stock", "-o", os.path.join(OUT, "stock")], d)
    exe = out.strip().splitlines()[-1] if out.strip() else ""
    if not (rc == 0 and os.access(exe, os.X_OK)):
        check("stock prints the executable", False, out + err)
        return
    r = run_host(
        exe, ["-c", "import asyncio, sys; print(sys.implementation.name, asyncio.sleep_ms)"], d
    )
    check("stock runs, with asyncio", r.stdout.startswith("micropython <"), r.stdout)
    with open(exe, "rb") as f:
        check("stock has nothing of the layer", b"PyLong_FromLong" not in f.read())


# Files for the stock MicroPython: a .py module, one compiled to bytecode by
# mpy-cross, MicroPython's example native module (features0) built for the
# machine, and the same built for another machine, which it must refuse.
MOUNTED_PY = "def table(n):\n    return [(k, k ** n) for k in range(5)]\n"
MOUNTED_MPY = "def words(s):\n    return sorted(set(s.split()))\n"
MOUNTED_SCRIPT = """\
import pymod, bytemod, features0
print(pymod.table(3))
print(bytemod.words('b a c a b'), bytemod.__file__.rsplit('/', 1)[-1])
print(features0.factorial(12))
try:
    import other_arch
    print('imported a module of another machine')
except ValueError as e:
    print('ValueError', e)
"""


def mounted_expected():
    """MOUNTED_SCRIPT's output as CPython gives it (its modules' semantics),
    but for what only MicroPython has: the .mpy file and its refusal."""
    pymod, bytemod = {}, {}
    exec(MOUNTED_PY, pymod)
    exec(MOUNTED_MPY, bytemod)
    return "%s\n%s bytemod.mpy\n%d\nValueError incompatible .mpy arch\n" % (
        pymod["table"](3),
        bytemod["words"]("b a c a b"),
        math.factorial(12),
    )


def elftools_python():
    """A Python that imports pyelftools (tools/mpy_ld.py needs it): this one,
    or Debian's python3-pyelftools (tools/qemu-deps.sh) for /usr/bin/python3."""
    for py in (sys.executable, "/usr/bin/python3"):
        if subprocess.call([py, "-c", "import elftools"], stderr=subprocess.DEVNULL) == 0:
            return py
    return None


def natmod(arch):
    """features0 built for ARCH by py/dynruntime.mk in build/ (the example's
    Makefile copied there: the build writes beside it, never into deps/);
    (the .mpy path or None, make's output)."""
    mp = micropy_dir()
    out = os.path.join(OUT, "natmod-" + arch)
    os.makedirs(out, exist_ok=True)
    for name in ("Makefile", "features0.c"):
        shutil.copy(os.path.join(mp, "examples", "natmod", "features0", name), out)
    cmd = ["make", "-C", out, "MPY_DIR=" + mp, "ARCH=" + arch, "PYTHON=" + elftools_python()]
    rc, log, _, _ = proc.run(cmd, timeout=None, merge=True)
    return (os.path.join(out, "features0.mpy") if rc == 0 else None), proc.dec(log)


def stock_mounted(d, port, mods, native, foreign, extra):
    """`run --stock --mount` on PORT: the script imports the mounted .py,
    .mpy and NATIVE-arch native module (MODS: {arch: .mpy}), and the
    FOREIGN-arch one is refused with MicroPython's own error."""
    folder = os.path.join(d, "mounted-" + port)
    os.makedirs(folder, exist_ok=True)
    write(folder, "pymod.py", MOUNTED_PY)
    # its source away from sys.path (the script's folder is on it on unix): the .mpy is imported
    source = os.path.join(d, "src")
    os.makedirs(source, exist_ok=True)
    write(source, "bytemod.py", MOUNTED_MPY)
    subprocess.run(
        [frozen.mpy_cross(micropy_dir()), "-o", os.path.join(folder, "bytemod.mpy"), "bytemod.py"],
        cwd=source,
        check=True,
    )
    shutil.copy(mods[native], os.path.join(folder, "features0.mpy"))
    shutil.copy(mods[foreign], os.path.join(folder, "other_arch.mpy"))
    write(d, "mounted.py", MOUNTED_SCRIPT)
    args = ["run", "--stock", "--port", port, "--mount", folder] + extra + ["--", "mounted.py"]
    rc, out, err = mpcython(args, d)
    check(
        "run --stock --port %s --mount: .py, .mpy, %s native module imported, %s refused"
        % (port, native, foreign),
        rc == 0 and out == mounted_expected(),
        "exit %d\nstdout: %s\nexpected: %s\nstderr: %s" % (rc, out, mounted_expected(), err),
    )


def stock_mount(d):
    """The stock unix MicroPython and the stock Cortex-M3 firmware (the
    folder mounted over its serial link) take files made without rebuilding
    them."""
    needs = (
        ("pyelftools", elftools_python()),
        ("arm-none-eabi-gcc", shutil.which("arm-none-eabi-gcc")),
        ("qemu-system-arm", shutil.which("qemu-system-arm")),
    )
    missing = [name for name, found in needs if not found]
    if missing:
        why = "missing %s: bash tools/qemu-deps.sh" % ", ".join(missing)
        tally.report("SKIP", "run --stock --mount (%s)" % why)
        return
    mods = {}
    for arch in ("x64", "armv7m"):
        mods[arch], log = natmod(arch)
        if mods[arch] is None:
            check("features0 builds for %s (py/dynruntime.mk)" % arch, False, log)
            return
    stock_mounted(d, "unix", mods, "x64", "armv7m", ["-o", os.path.join(OUT, "stock")])
    stock_mounted(d, "qemu", mods, "armv7m", "x64", [])


def natmod_build(d, args, what):
    """`mpcython build --mpy ARGS` in D: its exit status, stdout and stderr,
    or None after a SKIP line for WHAT where a tool is missing."""
    rc, out, err = mpcython(["build", "--mpy"] + args, d)
    if rc != 0 and ("needs pyelftools" in err or "needs the C compiler" in err):
        why = err.strip().splitlines()[-1]
        tally.report("SKIP", "%s (%s: bash tools/qemu-deps.sh)" % (what, why))
        return None
    return rc, out, err


# Cython modules built as natmods (`build --mpy`; docs/embedded.md, "The natmod flavour"):
# nmdemo, two def functions, a str constant, a TypeError, a MemoryError the
# C API sets; nmclass, a cdef class, a generator, a dict and float
# formatting. The script also collects between calls.
NATMOD_PYX = {
    "nmdemo": """\
from cpython.exc cimport PyErr_NoMemory

def nomem():
    PyErr_NoMemory()

def greet(name):
    if not isinstance(name, str):
        raise TypeError("greet() wants a str")
    return "hello, " + name

def add(a, b):
    return a + b
""",
    "nmclass": """\
cdef class Counter:
    cdef int n
    def __init__(self, int start=0):
        self.n = start
    def inc(self, int by=1):
        self.n += by
        return self.n

def squares(int k):
    for i in range(k):
        yield i * i

def stats(values):
    d = {}
    for v in values:
        d[v] = d.get(v, 0) + 1
    return sorted(d.items())

def fmt(double x):
    return "%.3f" % x
""",
}

NATMOD_SCRIPT = """\
import gc
import nmdemo, nmclass
for i in range(3):
    print(nmdemo.add(i, 40), nmdemo.add("a", str(i)), nmdemo.add([i], [2]))
    print(nmdemo.greet("world %d" % i))
    gc.collect()
try:
    nmdemo.greet(5)
except TypeError as e:
    print("TypeError:", e)
try:
    nmdemo.nomem()
except MemoryError as e:
    print("MemoryError", e.args)
print(sorted(n for n in dir(nmdemo) if not n.startswith("_")))
c = nmclass.Counter(5)
gc.collect()
print(c.inc(), c.inc(10), type(c).__name__)
print(list(nmclass.squares(6)))
print(nmclass.stats([3, 1, 3, 2, 1, 3]))
print(nmclass.fmt(3.14159))
"""


# The board's stock heap (140 KB) holds one module with its copy of the
# layer (about 110 KB of text on armv7m), not two: the board runs nmdemo.
NATMOD_BOARD_SCRIPT = NATMOD_SCRIPT.split("c = nmclass")[0].replace(
    "import nmdemo, nmclass", "import nmdemo"
)


def mpy_errors(d):
    """build --mpy refuses what it cannot build, with a message that says why."""
    for args, want in (
        (["--mpy", "--arch", "sparc"], "unknown --arch 'sparc' (armv7m, x64)"),
        (["--arch", "armv7m"], "--arch is for --mpy"),
        (["--mpy", "--shared"], "no --shared, --port, --board"),
        (["--mpy", "--cplus"], "--mpy builds C modules: no --cplus"),
    ):
        rc, out, err = mpcython(
            ["build"] + args + ["outside.pyx", "-o", os.path.join(OUT, "mpy-err")], d
        )
        check(
            "build %s is refused clearly" % " ".join(args),
            rc == 1 and want in err and not out,
            "exit %d\nstdout: %s\nstderr: %s" % (rc, out, err),
        )


def natmod_reference(d, folder):
    """The output of natmod_script.py and natmod_board.py on CPython, with
    NATMOD_PYX built for it from FOLDER: {script: (exit status, stdout,
    stderr)}, or None after a failed check."""
    ref_dir = os.path.join(OUT, "natmod-ref")
    for name in sorted(NATMOD_PYX):
        err = cpython.build_module(os.path.join(folder, name + ".pyx"), ref_dir, cpython.FULL)
        check("natmod flavour: %s builds for CPython" % name, err is None, err or "")
        if err is not None:
            return None
    refs = {}
    for script in ("natmod_script.py", "natmod_board.py"):
        rc, out, err, _ = proc.run(
            [cpython.python(), script], d, dict(os.environ, PYTHONPATH=ref_dir), 1800
        )
        refs[script] = rc, proc.dec(out), proc.dec(err)
    return refs


NATMOD_FOREIGN = """\
try:
    import nmdemo
except ValueError as e:
    print("ValueError", e)
"""


NATMOD_ABI = """\
try:
    import nmdemo
except ImportError as e:
    print("ImportError", e)
"""


def import_nmdemo(d, mount):
    """NATMOD_ABI (import nmdemo, print its ImportError) on the stock unix
    MicroPython with MOUNT: exit status, stdout, stderr."""
    write(d, "natmod_abi.py", NATMOD_ABI)
    args = ["run", "--stock", "-o", os.path.join(OUT, "stock"), "--mount", mount]
    return mpcython(args + ["--", "natmod_abi.py"], d)


def natmod_abi(d, folder, shared):
    """The shared runtime refuses a module built for another runtime (its
    key: the layer's ABI version and its table) with an ImportError that
    names both."""
    out = os.path.join(OUT, "natmod-mpy-abi")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for f in glob.glob(os.path.join(shared, "mpcy_rt_*.mpy")):
        shutil.copy(f, out)
    cmd = [sys.executable, "-m", "driver.natmod", os.path.join(folder, "nmdemo.pyx")]
    rc, text, _, _ = proc.run(
        cmd + ["-o", out, "--flavour", "shared", "--key", "1.0ld"], ROOT, None, 1800, merge=True
    )
    check("natmod: a module built for another runtime key", rc == 0, proc.dec(text))
    if rc != 0:
        return
    rc, got, got_err = import_nmdemo(d, out)
    check(
        "build --mpy: the shared runtime refuses a module built for another runtime ABI",
        rc == 0
        and got.startswith("ImportError nmdemo.mpy was built for the mpcython runtime ABI 1.0ld,")
        and "rebuild the module and the runtime" in got,
        "exit %d\nstdout: %s\nstderr: %s" % (rc, got, got_err),
    )


def natmod_release(d, folder, shared, refs):
    """A .mpy built for another MicroPython release: MicroPython's own check
    lets it in (1.25.0 and 1.26.1 share the native .mpy ABI), the layer
    refuses it naming both releases; built with that release's source, as
    the error advises, the modules run there as on CPython."""
    other = other_releases()[0]
    if not os.path.isdir(os.path.join(ROOT, "deps", "micropython-" + other)):
        why = "MicroPython %s not fetched: tools/fetch-deps.sh releases" % other
        tally.report("SKIP", "build --mpy: a .mpy of another release (%s)" % why)
        return
    env = dict(os.environ, MICROPY_VERSION=other)
    stock = ["run", "--stock", "-o", os.path.join(OUT, "stock-" + other)]
    write(d, "natmod_abi.py", NATMOD_ABI)
    rc, got, got_err = mpcython(stock + ["--mount", shared, "--", "natmod_abi.py"], d, env)
    want = "ImportError this .mpy was built for MicroPython %s, but the firmware is %s: " % (
        micropy_release(micropy_dir()),
        other,
    )
    check(
        "build --mpy: a .mpy of MicroPython %s is refused on the stock %s, naming both"
        % (micropy_release(micropy_dir()), other),
        rc == 0 and got.startswith(want) and "MICROPY_VERSION" in got,
        "exit %d\nstdout: %s\nwanted: %s\nstderr: %s" % (rc, got, want, got_err),
    )
    mpy_dir = os.path.join(OUT, "natmod-mpy-" + other)
    srcs = [os.path.join(folder, n + ".pyx") for n in sorted(NATMOD_PYX)]
    rc, out, err = mpcython(["build", "--mpy"] + srcs + ["-o", mpy_dir], d, env)
    if rc == 0:
        args = stock + ["--mount", mpy_dir, "--", "natmod_script.py"]
        rc, got, err = mpcython(args, d, env)
    ref = refs["natmod_script.py"]
    check(
        "build --mpy with MICROPY_VERSION=%s: the modules on the stock %s print what "
        "CPython prints" % (other, other),
        rc == ref[0] == 0 and got == ref[1],
        "exit %d (CPython %d)\nstdout: %s\nCPython: %s\nstderr: %s"
        % (rc, ref[0], got, ref[1], err),
    )


def natmod_pruned_set(d, folder, pair):
    """A runtime pruned to a set of modules (build --mpy --runtime pruned:
    nmdemo and nmclass, in PAIR) refuses a module built in another set
    (nmdemo alone), saying to rebuild the modules together."""
    alone = os.path.join(OUT, "natmod-mpy-pruned-alone")
    r = natmod_build(
        d,
        [os.path.join(folder, "nmdemo.pyx"), "--runtime", "pruned", "-o", alone],
        "build --mpy --runtime pruned nmdemo.pyx",
    )
    if r is None:
        return
    check("build --mpy --runtime pruned: one module alone", r[0] == 0, r[2])
    if r[0] != 0:
        return
    mixed = os.path.join(OUT, "natmod-mpy-pruned-mixed")
    shutil.rmtree(mixed, ignore_errors=True)
    shutil.copytree(pair, mixed)
    shutil.copy(os.path.join(alone, "nmdemo.mpy"), mixed)
    rc, got, got_err = import_nmdemo(d, mixed)
    check(
        "build --mpy --runtime pruned: the runtime of a set refuses a module of another set",
        rc == 0
        and got.startswith("ImportError nmdemo.mpy was built for the mpcython runtime ABI ")
        and "holds only what nmclass, nmdemo use" in got
        and "rebuild the modules together" in got,
        "exit %d\nstdout: %s\nstderr: %s" % (rc, got, got_err),
    )


def natmod_runs(d):
    """Cython modules built as natmods (`mpcython build --mpy`) run on the
    stock unix MicroPython (run --stock --mount), and for armv7m on the
    stock Cortex-M3 firmware, as the same .pyx files built for CPython run
    on CPython (x64 also with the runtime pruned to them); a .mpy of the
    other machine is refused by MicroPython."""
    # (a folder named as a module beside the script would be imported as a package)
    folder = os.path.join(d, "natmod_src")
    os.makedirs(folder, exist_ok=True)
    write(d, "natmod_script.py", NATMOD_SCRIPT)
    write(d, "natmod_board.py", NATMOD_BOARD_SCRIPT)
    for name, pyx in sorted(NATMOD_PYX.items()):
        write(folder, name + ".pyx", pyx)
    srcs = [os.path.join(folder, n + ".pyx") for n in sorted(NATMOD_PYX)]
    refs = natmod_reference(d, folder)
    if refs is None:
        return
    built = {}
    # Each machine's default flavour, and the other: the shared runtime's
    # text on armv7m (some 149 KB) is more than the stock qemu board's whole
    # heap, so it runs on the stock firmware built with a 1 MB heap
    # (MPCY_QEMU_HEAP), its configuration otherwise unchanged.
    for arch, port, flavour in (
        ("x64", "unix", "shared"),
        ("armv7m", "qemu", "copy"),
        ("armv7m", "qemu", "shared"),
        ("x64", "unix", "copy"),
        ("x64", "unix", "pruned"),
    ):
        mpy_dir = os.path.join(OUT, "natmod-mpy-%s-%s" % (arch, flavour))
        what = "build --mpy --arch %s --runtime %s" % (arch, flavour)
        r = natmod_build(d, srcs + ["--arch", arch, "--runtime", flavour, "-o", mpy_dir], what)
        if r is None:
            continue
        rc, out, err = r
        want = [os.path.join(mpy_dir, n + ".mpy") for n in sorted(NATMOD_PYX)]
        runtime = glob.glob(os.path.join(mpy_dir, "mpcy_rt_*_%s.mpy" % arch))
        check(
            "%s writes DIR/A.mpy per module, prints their paths%s"
            % (what, ", and the runtime .mpy" if flavour != "copy" else ""),
            rc == 0
            and out.split() == want
            and all(os.path.exists(m) for m in want)
            and len(runtime) == (flavour != "copy"),
            "exit %d\nstdout: %s\nstderr: %s\nruntime: %s" % (rc, out, err, runtime),
        )
        if rc != 0:
            continue
        built[arch, flavour] = mpy_dir
        if port == "qemu" and not shutil.which("qemu-system-arm"):
            tally.report("SKIP", "build --mpy: the modules on the qemu board (no qemu-system-arm)")
            continue
        args = ["run", "--stock", "--port", port, "--mount", mpy_dir]
        script = "natmod_script.py"
        env = None
        if port == "unix":
            args += ["-o", os.path.join(OUT, "stock")]
        else:
            script = "natmod_board.py"
        if port == "qemu" and flavour == "shared":
            args += ["-o", os.path.join(OUT, "stock-qemu-1m")]
            # (the runtime's 154 KB cross the serial link first: a minute or more)
            env = dict(
                os.environ,
                MPCY_QEMU_HEAP="1048576",
                MPCY_QEMU_TIMEOUT=os.environ.get("MPCY_QEMU_TIMEOUT", "900"),
            )
        ref = refs[script]
        rc, got, got_err = mpcython(args + ["--", script], d, env)
        check(
            "build --mpy: the modules on stock MicroPython (%s, %s, %s runtime%s) print what "
            "CPython prints" % (arch, port, flavour, ", 1 MB heap" if env else ""),
            rc == ref[0] == 0 and got == ref[1],
            "exit %d (CPython %d)\nstdout: %s\nCPython: %s\nstderr: %s\nCPython stderr: %s"
            % (rc, ref[0], got, ref[1], got_err, ref[2]),
        )
    if ("x64", "shared") in built:
        natmod_abi(d, folder, built["x64", "shared"])
    if ("x64", "shared") in built:
        natmod_release(d, folder, built["x64", "shared"], refs)
    if ("x64", "pruned") in built:
        natmod_pruned_set(d, folder, built["x64", "pruned"])
    if ("armv7m", "copy") in built:
        # MicroPython's own check of the .mpy header refuses another machine's module.
        write(d, "natmod_foreign.py", NATMOD_FOREIGN)
        mount = built["armv7m", "copy"]
        args = ["run", "--stock", "-o", os.path.join(OUT, "stock"), "--mount", mount]
        rc, got, got_err = mpcython(args + ["--", "natmod_foreign.py"], d)
        check(
            "build --mpy: an armv7m .mpy on the stock unix MicroPython is refused by MicroPython",
            rc == 0 and got == "ValueError incompatible .mpy arch\n",
            "exit %d\nstdout: %s\nstderr: %s" % (rc, got, got_err),
        )


def setjmp_nlr(host):
    """Ports without an assembly nlr use setjmp (MICROPY_NLR_SETJMP=1), where
    gcc's -Wclobbered (in -Wextra) is an error under MicroPython's -Werror:
    the layer must compile there too. A file's result is kept until it, a
    header it includes or the flags change (tests/lib/cache.py)."""
    flags = shlex.split(open(os.path.join(host, "cflags.txt")).read())
    flags += ["-I" + os.path.join(host, "build-unix"), "-DMICROPY_NLR_SETJMP=1"]
    flags += ["-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter"]
    key = cache.compile_key("gcc", flags)
    out = os.path.join(OUT, "setjmp")
    os.makedirs(out, exist_ok=True)

    def compile_one(f):
        base = os.path.join(out, os.path.basename(f)[:-2])
        if cache.compile_fresh(base, key):
            return None
        cmd = ["gcc"] + flags + ["-MD", "-MF", base + ".d", "-c", f, "-o", os.devnull]
        rc, text, _, _ = proc.run(cmd, timeout=600, merge=True)
        if rc != 0:
            return proc.dec(text)
        cache.compile_done(base, key)
        return None

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        errors = [e for e in ex.map(compile_one, layer.sources()) if e]
    check(
        "the layer compiles with MICROPY_NLR_SETJMP=1 and -Wextra -Werror",
        not errors,
        "\n".join(errors),
    )


def static_builds():
    """The cases of executables built with the modules in (each build folder
    its own)."""
    with scratch("main") as d:
        # A module outside the repo, run with a script: stdout, stderr and exit status pass through.
        write(d, "outside.pyx", "def square(int x):\n    return x * x\n")
        write(
            d,
            "script.py",
            "import sys, outside\nprint(outside.square(12), sys.argv[1:])\n"
            "print('to stderr', file=sys.stderr)\nsys.exit(3)\n",
        )
        rc, out, err = mpcython(
            [
                "run",
                "outside.pyx",
                "-o",
                os.path.join(OUT, "outside"),
                "--",
                "script.py",
                "a",
                "b",
            ],
            d,
        )
        check(
            "run passes stdout and arguments",
            out == "144 ['a', 'b']\n",
            "stdout: %r\nstderr: %s" % (out, err),
        )
        check("run passes the exit status", rc == 3, "exit %d" % rc)
        check(
            "run passes stderr, build progress only on stderr",
            "to stderr" in err and "mpcython" not in out,
            err,
        )

        # The REPL when no script is given.
        rc, out, err = mpcython(
            ["run", "outside.pyx", "-o", os.path.join(OUT, "outside")],
            d,
            stdin="import outside\nprint(outside.square(7) + 1)\n",
        )
        check(
            "run without a script opens the REPL",
            "50" in out and rc == 0,
            "exit %d\nstdout: %s\nstderr: %s" % (rc, out, err),
        )

        # build prints the executable's path on stdout.
        rc, out, err = mpcython(["build", "outside.pyx", "-o", os.path.join(OUT, "outside")], d)
        exe = out.strip().splitlines()[-1] if out.strip() else ""
        check("build prints the executable", rc == 0 and os.access(exe, os.X_OK), out + err)
        slow(
            "a build folder follows its module set (enum frozen in and out)",
            frozen_layer_modules,
            d,
        )
        stock_unix(d)
        mpy_errors(d)
        slow("run --stock --mount on unix and the qemu board", stock_mount, d)
        slow("build --mpy: natmod modules run on stock MicroPython", natmod_runs, d)

        # A Cython error: Cython's own message with file:line, one line from the driver.
        write(d, "broken.pyx", "def f(x):\n    return x +\n")
        rc, out, err = mpcython(["build", "broken.pyx", "-o", os.path.join(OUT, "broken")], d)
        check(
            "Cython error names file and line",
            rc == 1 and "broken.pyx:2:" in err and "Cython could not compile" in err,
            err,
        )

        # A CPython API function the layer does not provide is named.
        write(
            d,
            "missing.pyx",
            'cdef extern from "Python.h":\n    object PyNotAnApi_Function(object)\n\n'
            "def f(x):\n    return PyNotAnApi_Function(x)\n",
        )
        rc, out, err = mpcython(["build", "missing.pyx", "-o", os.path.join(OUT, "missing")], d)
        check(
            "missing C API function is named",
            rc == 1 and "CPython API the layer does not provide: PyNotAnApi_Function" in err,
            err[-2000:],
        )

        # No compiler on PATH.
        env = dict(os.environ, PATH=os.path.dirname(sys.executable))
        rc, out, err = mpcython(
            ["build", "outside.pyx", "-o", os.path.join(OUT, "outside")], d, env=env
        )
        check("missing toolchain is reported", rc == 1 and "missing toolchain" in err, err)

        # A file that is not there, and a wrong suffix.
        rc, out, err = mpcython(["build", "nothere.pyx"], d)
        check(
            "missing source file is reported", rc == 1 and "nothere.pyx: no such file" in err, err
        )
        write(d, "script.txt", "x = 1\n")
        rc, out, err = mpcython(["build", "script.txt"], d)
        check("wrong file type is reported", rc == 1 and "expected a .pyx or .py file" in err, err)


def host_builds():
    """The cases that build .so modules (among others): one after the
    other, as they share the host that loads them."""
    shared_modules()
    extension_conventions()


def main():
    global QUICK
    ap = cli.parser(__doc__)
    ap.add_argument("--quick", action="store_true", help="leave out the slow cases (make check)")
    QUICK = ap.parse_args().quick
    os.makedirs(OUT, exist_ok=True)
    # The two groups share no build folder: side by side, as much of each
    # case is one process waiting for another (make, Cython, a test run).
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        for f in [ex.submit(static_builds), ex.submit(host_builds)]:
            f.result()
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
