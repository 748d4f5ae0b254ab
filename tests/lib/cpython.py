"""The CPython reference build: a .pyx compiled by the same Cython for CPython.

Every user states which C API the module is built for:

  FULL     Cython's default code paths, what a user's own CPython build of
           the .pyx runs (the behaviour tests compare with this);
  LIMITED  Py_LIMITED_API, the code paths the layer implements (where the
           full-API paths differ in ways that are Cython's, not the layer's,
           e.g. tests/reliability: unbounded recursion crashes the full-API
           build, some conversion errors are worded differently).

Builds are cached by content (the .pyx, the .pxd and .pxi files next to it, Cython,
the interpreter, the options), one at a time per module (a lock file) and
written under a temporary name first, so that two runners (behaviour and
qemu in make test) can ask for the same module at the same time.
"""
import fcntl
import glob
import hashlib
import os
import sys
import sysconfig

from driver.cython import find as find_cython  # noqa: F401  (the Cython ./mpcython runs)
from driver.extension import wants_cplus as is_cplus

from .proc import dec, rc_text, run, tail

FULL = "full"
LIMITED = "limited"


def python():
    """The reference interpreter: $PYTHON, else the one running the harness."""
    return os.environ.get("PYTHON", sys.executable)


_VERSIONS = {}
_CONFIG = {}


def cython_version(cython):
    key = tuple(cython)
    if key not in _VERSIONS:
        rc, out, err, _ = run(cython + ["--version"], timeout=600)
        _VERSIONS[key] = dec(out + err).strip()
    return _VERSIONS[key]


def config(py):
    """(include dirs, EXT_SUFFIX, Py_LIMITED_API value of its version) of
    interpreter py.  Call it once before using threads (sysconfig's lazy
    set-up is not thread-safe)."""
    if py not in _CONFIG:
        if py == sys.executable:
            p = sysconfig.get_paths()
            inc, plat, ext = p["include"], p["platinclude"], sysconfig.get_config_var("EXT_SUFFIX")
            version = sys.version_info[:2]
        else:
            code = (
                "import sys, sysconfig; p = sysconfig.get_paths()\n"
                "print(p['include'], p['platinclude'], sysconfig.get_config_var('EXT_SUFFIX'), *sys.version_info[:2])"
            )
            rc, out, err, _ = run([py, "-c", code], timeout=600)
            if rc != 0:
                raise SystemExit("cannot ask %s for its configuration:\n%s" % (py, dec(err)))
            inc, plat, ext, major, minor = dec(out).split()
            version = (int(major), int(minor))
        _CONFIG[py] = ([inc] if plat == inc else [inc, plat], ext, "0x%02X%02X0000" % version)
    return _CONFIG[py]


def cythonize(pyx, c_file, cython, options=None, timeout=1800):
    """PYX to C (C++ if it says so) for CPython; returns None or the error.
    Cython runs in the .pyx's folder on the bare file name, so tracebacks
    name `X.pyx`.  Module NAME of X.pyx is X (dotted names: pkg.mod.pyx is
    mod of package pkg). OPTIONS: Cython's options (default: `-3
    --module-name NAME`, a plain build; driver.cython.options(NAME) are the
    ones ./mpcython passes)."""
    name = os.path.basename(pyx)[: -len(".pyx")]
    if options is None:
        options = ["-3", "--module-name", name]
    if is_cplus(pyx) and "--cplus" not in options:
        options = ["--cplus"] + list(options)
    rc, out, err, _ = run(
        cython + list(options) + [os.path.basename(pyx), "-o", c_file],
        cwd=os.path.dirname(os.path.abspath(pyx)),
        timeout=timeout,
    )
    if rc != 0:
        return "cython failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 30))
    return None


def build_module(
    pyx, outdir, api, cython=None, py=None, cython_options=None, cflags=(), timeout=1800
):
    """Builds PYX as a CPython extension module in OUTDIR (a dotted name in
    package folders), for API FULL or LIMITED; returns None or the error.
    cython_options: as cythonize's."""
    if api not in (FULL, LIMITED):
        raise ValueError("api must be cpython.FULL or cpython.LIMITED, not %r" % (api,))
    cython = cython or find_cython()
    if cython is None:
        return "Cython not found (run tools/fetch-deps.sh, or set CYTHON)"
    py = py or python()
    includes, ext, limited_api = config(py)
    cflags = list(cflags)
    if api == LIMITED:
        ext = ".abi3.so"
        cflags.append("-DPy_LIMITED_API=" + limited_api)
    name = os.path.basename(pyx)[: -len(".pyx")]
    parts = name.split(".")
    for i in range(1, len(parts)):
        pkgdir = os.path.join(outdir, *parts[:i])
        os.makedirs(pkgdir, exist_ok=True)
        open(os.path.join(pkgdir, "__init__.py"), "a").close()
    os.makedirs(outdir, exist_ok=True)
    so = os.path.join(outdir, *parts[:-1], parts[-1] + ext)
    suffix = ".cpp" if is_cplus(pyx) else ".c"
    c_file = os.path.join(outdir, name + suffix)
    stamp = os.path.join(outdir, name + ".hash")
    h = hashlib.sha256()
    with open(pyx, "rb") as f:
        h.update(f.read())
    # the .pxd files (its own, and those it cimports) and the .pxi files it
    # includes are part of the module
    here = os.path.dirname(os.path.abspath(pyx))
    for dep in sorted(glob.glob(os.path.join(here, "*.px[di]"))):
        with open(dep, "rb") as f:
            h.update(f.read())
    h.update(
        repr(
            (cython, cython_version(cython), py, includes, ext, api, cython_options, cflags)
        ).encode()
    )
    digest = h.hexdigest()
    # One build at a time per module (two runners may want it at once): the
    # second finds the first one's result.
    with open(stamp + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(so) and os.path.exists(stamp) and open(stamp).read() == digest:
            return None
        tmp = ".%d" % os.getpid()
        c_tmp = os.path.join(outdir, name + tmp + suffix)
        err = cythonize(pyx, c_tmp, cython, cython_options, timeout)
        if err:
            return err
        os.replace(c_tmp, c_file)
        rc, out, err, _ = run(
            ["gcc", "-shared", "-fPIC", "-O1"]
            + ["-I" + i for i in includes]
            + cflags
            + [c_file, "-o", so + tmp]
            + (["-lstdc++"] if suffix == ".cpp" else []),
            timeout=timeout,
        )
        if rc != 0:
            return "gcc failed (%s):\n%s" % (rc_text(rc), tail(dec(out + err), 30))
        os.replace(so + tmp, so)
        with open(stamp + tmp, "w") as f:
            f.write(digest)
        os.replace(stamp + tmp, stamp)
    return None
