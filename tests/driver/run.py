#!/usr/bin/env python3
"""Tests of ./mpcython itself: the errors a user meets, `run` passing a
script's output and exit status through, and the REPL.

Each case builds into its own folder under build/tests/driver (several small
MicroPython builds: a few minutes on 2 cores). Prints PASS/FAIL per case and
`N passed, N failed`.
"""
import concurrent.futures
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import BUILD  # noqa: E402
from lib.report import Tally  # noqa: E402
from driver import layer  # noqa: E402

DRIVER = os.path.join(ROOT, "mpcython")
OUT = os.path.join(BUILD, "driver")
tally = Tally()


def mpcython(args, cwd, env=None, stdin=None):
    p = subprocess.run(
        [sys.executable, DRIVER] + args,
        cwd=cwd,
        env=env,
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=1800,
    )
    return p.returncode, p.stdout, p.stderr


def check(name, ok, detail=""):
    tally.report(ok, name, None if ok else "  " + detail.strip().replace("\n", "\n  ")[-3000:])


def write(d, name, text):
    with open(os.path.join(d, name), "w") as f:
        f.write(text)


def shared_modules():
    """Loadable modules: two .so modules share the layer (a cdef class of one
    is accepted by the other), and files that are not modules fail cleanly."""
    with tempfile.TemporaryDirectory(prefix="mpcy-so-") as d:
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
        # a cdef class with a built-in base (CPython allows it): a clear TypeError at import
        write(
            d,
            "builtin_base.pyx",
            "cdef class MyDict(dict):\n    def total(self):\n        return sum(self.values())\n",
        )
        # a coroutine run by the host's asyncio (frozen into every build, driver/frozen.py)
        write(
            d,
            "shared_async.pyx",
            "import asyncio\n\nasync def twice(x):\n    await asyncio.sleep(0)\n    return 2 * x\n",
        )
        rc, out, err = mpcython(
            ["build", "--shared", "shared_a.pyx", "shared_b.pyx", "builtin_base.pyx"]
            + ["shared_async.pyx", "-o", lib],
            d,
        )
        check(
            "build --shared prints the .so paths",
            rc == 0
            and out.split()
            == [
                os.path.join(lib, "shared_a.so"),
                os.path.join(lib, "shared_b.so"),
                os.path.join(lib, "builtin_base.so"),
                os.path.join(lib, "shared_async.so"),
            ],
            out + err,
        )
        with open(os.path.join(lib, "bad.so"), "w") as f:
            f.write("not an ELF file\n")
        write(d, "noinit.c", "const int mpcy_abi_version = 1;\n")
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
            "try:\n    import builtin_base\nexcept TypeError as e:\n    print('TypeError', e)\n"
            "import asyncio, shared_async\n"
            "print('asyncio', asyncio.run(shared_async.twice(21)))\n"
            "print('still running')\n" % (lib + "/"),
        )
        rc, exe, err = mpcython(["host"], d)
        p = subprocess.run(
            [exe.strip(), "t.py"],
            cwd=d,
            env=dict(os.environ, MICROPYPATH=lib),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=60,
        )
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
            "ImportError oldabi.so was not built for this mpcython layer (ABI 999, expected 1)"
            in lines,
            p.stdout,
        )
        check(
            "a cdef class with a built-in base: TypeError at import",
            "TypeError cdef class builtin_base.MyDict: a built-in base ('dict') is not supported on MicroPython"
            in lines,
            p.stdout,
        )
        p2 = subprocess.run(
            [exe.strip(), "-c", "import shared_a; print(shared_a.Thing(3).value)"],
            cwd=lib,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=60,
        )
        check(
            "micropython -c 'import A' from the folder holding A.so", p2.stdout == "3\n", p2.stdout
        )
        check(
            "the host has asyncio and runs a .so module's coroutine",
            "asyncio 42" in lines,
            p.stdout,
        )
        check(
            "the interpreter keeps running",
            lines[-1:] == ["still running"] and p.returncode == 0,
            p.stdout,
        )
        setjmp_nlr(os.path.dirname(os.path.dirname(exe.strip())))


def setjmp_nlr(host):
    """Ports without an assembly nlr use setjmp (MICROPY_NLR_SETJMP=1), where
    gcc's -Wclobbered (in -Wextra) is an error under MicroPython's -Werror:
    the layer must compile there too."""
    flags = shlex.split(open(os.path.join(host, "cflags.txt")).read())

    def compile_one(f):
        p = subprocess.run(
            ["gcc"]
            + flags
            + [
                "-I" + os.path.join(host, "build-unix"),
                "-DMICROPY_NLR_SETJMP=1",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-Wno-unused-parameter",
                "-c",
                f,
                "-o",
                os.devnull,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        return p.stdout if p.returncode != 0 else None

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        errors = [e for e in ex.map(compile_one, layer.sources()) if e]
    check(
        "the layer compiles with MICROPY_NLR_SETJMP=1 and -Wextra -Werror",
        not errors,
        "\n".join(errors),
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mpcy-driver-") as d:
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

    shared_modules()
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
