"""Cython as mpcython runs it: where it is, the options every build passes,
and the cached compile of a .pyx file to C.

The tools and tests that compile what the driver compiles (the CPython
references, Cython's own test suite, the benchmarks) take the options and
the Cython from here.
"""
import fcntl
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile

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
    """The version Cython reports (`cython --version`), asked once, and for a
    source folder the names, sizes and times of its files: part of the C
    file's key, so that another Cython, or the same version patched or
    fetched again, runs again."""
    if not _VERSION:
        v = run(command() + ["--version"])[1].strip()
        tree = os.path.join(source_dir(), "Cython")
        if find() == [sys.executable, os.path.join(source_dir(), "cython.py")]:
            files = []
            for d, subdirs, fs in os.walk(tree):
                subdirs[:] = [s for s in subdirs if s != "__pycache__"]  # written by running it
                for f in fs:
                    st = os.stat(os.path.join(d, f))
                    files.append("%s %d %d" % (os.path.join(d, f), st.st_size, st.st_mtime_ns))
            v += " " + hashlib.sha256("\n".join(sorted(files)).encode()).hexdigest()[:16]
        _VERSION.append(v)
    return _VERSION[0]


# Cython's C, shared by every build folder (content-addressed: see cythonize).
CACHE = os.path.join(ROOT, "build", "cython-c")


def cythonize(src, name, c_file, directives=(), cplus=False):
    """SRC (.pyx or .py) as the C (C++ if CPLUS) file C_FILE of the module
    NAME; Cython's NAME.h / NAME_api.h (cdef public / cdef api) land next to
    C_FILE. Cython runs only when no build folder ran it before on the same
    input: its output is kept in CACHE under a key of everything it depends
    on (shared_c), and copied from there. Within one folder, an unchanged
    C_FILE is left alone (make does not rebuild from it)."""
    cmd = command() + options(name, directives, cplus)
    # What the C depends on besides the files Cython reads: Cython and its
    # options, the source's name as given and the working folder (the C names
    # the .pyx and .pxi files relative to it, for tracebacks), and the output
    # file's name (the _api.h includes the .h by it). Not the output folder.
    near = sorted(glob.glob(os.path.join(os.path.dirname(src), "*.px[di]")))
    key = digest(
        [src] + near,
        "\n".join(cmd + [version(), os.getcwd(), os.path.basename(c_file)]),
    )
    entry = shared_c(src, cmd, key, os.path.basename(c_file))
    # The folder's record of its C: the entry it was copied from (the
    # hashes of what Cython read and wrote).
    stamp, text = c_file + ".src", json.dumps([key, entry], sort_keys=True)
    if os.path.exists(c_file) and os.path.exists(stamp) and read(stamp) == text:
        return c_file
    outdir = os.path.dirname(os.path.abspath(c_file))
    os.makedirs(outdir, exist_ok=True)
    for f in entry["outputs"]:
        # a copy, not a link: a fresh mtime, and the build folder's file is its own
        tmp = os.path.join(outdir, ".%s.%d" % (f, os.getpid()))
        shutil.copyfile(os.path.join(CACHE, key, f), tmp)
        os.replace(tmp, os.path.join(outdir, f))
    with open(stamp, "w") as f:
        f.write(text)
    return c_file


def _manifest(key):
    try:
        with open(os.path.join(CACHE, key, "manifest.json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def _hash(path):
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _valid(entry, key):
    """ENTRY (a manifest) still holds: every file Cython read is unchanged, and
    every output is whole (the manifest is written last, with their hashes)."""
    return (
        entry is not None
        and all(_hash(p) == h for p, h in entry["deps"].items())
        and all(_hash(os.path.join(CACHE, key, f)) == h for f, h in entry["outputs"].items())
    )


def shared_c(src, cmd, key, base):
    """The cache entry CACHE/KEY (its manifest: the outputs and the hashes of
    every file Cython read, from its depfile), Cython run first when there is
    none or a file it read changed. One Cython per key at a time (a lock:
    suites side by side build the same modules); files are written under a
    temporary name and renamed, the manifest last."""
    d = os.path.join(CACHE, key)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(CACHE, key + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        entry = _manifest(key)
        if _valid(entry, key):
            return entry
        log("cython %s" % src)
        work = tempfile.mkdtemp(prefix="tmp-", dir=CACHE)
        try:
            rc, out = run(cmd + ["-M", src, "-o", os.path.join(work, base)])
            if rc != 0:
                sys.stderr.write(out)
                die("Cython could not compile %s (errors above)" % src)
            deps = _depfile(os.path.join(work, base + ".dep"))
            os.remove(os.path.join(work, base + ".dep"))
            outputs = {}
            for f in sorted(os.listdir(work)):
                outputs[f] = _hash(os.path.join(work, f))
                os.replace(os.path.join(work, f), os.path.join(d, f))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        entry = {"deps": {p: _hash(p) for p in deps}, "outputs": outputs}
        tmp = os.path.join(d, "manifest.json.%d" % os.getpid())
        with open(tmp, "w") as f:
            json.dump(entry, f, indent=0, sort_keys=True)
        os.replace(tmp, os.path.join(d, "manifest.json"))
        return entry


def _depfile(path):
    """The files a Cython depfile (-M) lists, as absolute paths (it names them
    relative to the working folder)."""
    with open(path) as f:
        text = f.read().replace("\\\n", " ")
    return sorted({os.path.abspath(p) for p in text.partition(": ")[2].split()})


def module_c(mod, stem):
    """The C of the module MOD (extension.Module): a hand-written
    CPython-style extension module (.c) as it is, else Cython's C (or C++) in
    STEM.c (STEM.cpp) (cythonize)."""
    if mod.src.endswith(".c"):
        return mod.src
    return cythonize(
        mod.src, mod.name, stem + (".cpp" if mod.cplus else ".c"), mod.directives, mod.cplus
    )
