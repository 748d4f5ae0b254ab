"""Cython as mpcython runs it: where it is, the options every build passes,
and the cached compile of a .pyx file to C.

The tools and tests that compile what the driver compiles (the CPython
references, Cython's own test suite, the benchmarks) take the options and
the Cython from here.
"""
import glob
import os
import shutil
import sys

from .common import ROOT, digest, die, log, read, run

DEFAULT_DIR = os.path.join(ROOT, "deps", "cython")

# Compiler directives every build sets. auto_pickle: MicroPython has no
# pickle (and object has no __reduce_ex__), so no pickling support.
DIRECTIVES = {"auto_pickle": False}

# The size profile (mpcython --small): functions without CPython's binding
# (no __code__, __defaults__, __doc__ as a function attribute, no binding as
# methods of Python classes) and arguments of one-argument functions only by
# position (docs/embedded.md, "The size profile").
SMALL_DIRECTIVES = ["binding=False", "always_allow_keywords=False"]


def options(module_name, directives=(), cplus=False):
    """Cython's command-line options for the module MODULE_NAME: Python 3
    semantics, C++ output if CPLUS, DIRECTIVES, the user's DIRECTIVES
    (NAME=VALUE, after ours: they win), and the (dotted) module name."""
    out = ["-3"] + (["--cplus"] if cplus else [])
    for d in ["%s=%s" % kv for kv in DIRECTIVES.items()] + list(directives):
        out += ["-X", d]
    return out + ["--module-name", module_name]


def source_dir():
    """The Cython source folder in use: $CYTHON when it names a folder, else
    deps/cython (tools/fetch-deps.sh)."""
    c = os.environ.get("CYTHON")
    return os.path.abspath(c) if c and os.path.isdir(c) else DEFAULT_DIR


def find():
    """The command (a list) that runs Cython, or None when there is none:
    $CYTHON (a cython executable or a source folder), else deps/cython."""
    c = os.environ.get("CYTHON")
    if c and not os.path.isdir(c):
        return [c] if shutil.which(c) else None
    script = os.path.join(source_dir(), "cython.py")
    return [sys.executable, script] if os.path.isfile(script) else None


def command():
    """find(), or a clear error."""
    cmd = find()
    if cmd is None:
        die(
            "Cython not found: %s (set CYTHON to a cython executable or source folder)"
            % (os.environ.get("CYTHON") or DEFAULT_DIR)
        )
    return cmd


_VERSION = []


def version():
    """The version Cython reports (`cython --version`), asked once: part of
    the C file's key, so that another Cython in the same place runs again."""
    if not _VERSION:
        _VERSION.append(run(command() + ["--version"])[1].strip())
    return _VERSION[0]


def cythonize(src, name, c_file, directives=(), cplus=False):
    """SRC (.pyx or .py) as the C (C++ if CPLUS) file C_FILE of the module
    NAME; Cython runs only when the source, the .pxd/.pxi files next to it or
    the command changed. Cython's NAME.h / NAME_api.h (cdef public / cdef
    api) land next to C_FILE."""
    stamp = c_file + ".src"
    cmd = command() + options(name, directives, cplus) + [src, "-o", c_file]
    near = sorted(glob.glob(os.path.join(os.path.dirname(src), "*.px[di]")))
    key = digest([src] + near, " ".join(cmd) + "\n" + version())
    if os.path.exists(c_file) and os.path.exists(stamp) and read(stamp) == key:
        return c_file
    log("cython %s" % src)
    rc, out = run(cmd)
    if rc != 0:
        sys.stderr.write(out)
        die("Cython could not compile %s (errors above)" % src)
    with open(stamp, "w") as f:
        f.write(key)
    return c_file


def module_c(mod, stem):
    """The C of the module MOD (extension.Module): a hand-written
    CPython-style extension module (.c) as it is, else Cython's C (or C++) in
    STEM.c (STEM.cpp) (cythonize)."""
    if mod.src.endswith(".c"):
        return mod.src
    return cythonize(
        mod.src, mod.name, stem + (".cpp" if mod.cplus else ".c"), mod.directives, mod.cplus
    )
