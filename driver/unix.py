"""The unix port: a MicroPython executable with the layer and the modules
built in (`build`, `run`), the host that loads .so modules (`host`), and
the .so modules themselves (`build --shared`)."""
import os
import shlex
import shutil
import sys

from . import cython, errors, extension, frozen, generate, layer, usermods
from .common import (
    ROOT,
    check_toolchain,
    die,
    digest,
    ensure_deps,
    ident,
    log,
    micropy_dir,
    read,
    run,
)

FLAGS_MK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "flags.mk")


# Build options only the unix port gets (the options every port gets are
# runtime/mpcy_config.h), each for one reason:
#  - MPCY_DYNLOAD and the force-included mpcy_port.h: the start-up hook that
#    lets `import` load .so modules (runtime/dynload.c; dlopen is unix's);
#  - MPCY_THREAD_GC_WRAP, --wrap=mp_thread_gc_others: the collector also
#    scans C threads inside PyGILState_Ensure (runtime/pystate.c), through
#    the unix port's thread list;
#  - -rdynamic: .so modules find the layer's functions in the executable;
#    -ldl: dlopen.
# MPCY_CFLAGS / MPCY_LDFLAGS add the user's own.
def cflags():
    return (
        "-DMPCY_DYNLOAD=1 -DMPCY_THREAD_GC_WRAP=1 -include "
        + os.path.join(layer.RUNTIME, "mpcy_port.h")
        + " "
        + os.environ.get("MPCY_CFLAGS", "")
    )


def ldflags():
    return "-rdynamic -ldl -Wl,--wrap=mp_thread_gc_others " + os.environ.get("MPCY_LDFLAGS", "")


def make_command(mp, build_dir, mods, manifest):
    """make for the unix port with the user-module folder MODS, into BUILD_DIR
    (MODS None: the stock port, nothing of the layer). Without FFI, SSL and
    btree (the Debian +ds source lacks them); the frozen modules are the
    build's MANIFEST (driver/frozen.py)."""
    cmd = (
        [
            "make",
            "-C",
            os.path.join(mp, "ports/unix"),
            "-j%d" % (os.cpu_count() or 2),
            "BUILD=" + build_dir,
            "PROG=micropython",
        ]
        + frozen.make_vars(mp, manifest)
        + ["MICROPY_PY_FFI=0", "MICROPY_PY_SSL=0", "MICROPY_PY_BTREE=0"]
    )
    if mods is not None:
        cmd += [
            "USER_C_MODULES=" + mods,
            # With MicroPython's GIL, as Cython's Limited API output assumes
            # (generators, critical sections: docs/design.md §9). 1.25's
            # Makefile ignores it: its unix port has no GIL (also §9).
            "MICROPY_PY_THREAD_GIL=1",
            "CFLAGS_EXTRA=" + cflags(),
            "LDFLAGS_EXTRA=" + ldflags(),
        ]
    # e.g. MPCY_MAKEFLAGS="DEBUG=1 STRIP=true" for a debuggable executable; a sanitizer
    # build: MPCY_MAKEFLAGS="CC=clang" MPCY_CFLAGS=-fsanitize=address MPCY_LDFLAGS=-fsanitize=address
    return cmd + os.environ.get("MPCY_MAKEFLAGS", "").split()


def print_cflags(mp, cmd):
    """The C flags of the build CMD (make_command), from the port's make
    (driver/flags.mk), with its relative include paths made absolute."""
    rc, out = run(cmd + ["-f", "Makefile", "-f", FLAGS_MK, "print-cflags"])
    lines = [l for l in out.splitlines() if l.startswith("mpcy-cflags: ")]
    if rc != 0 or not lines:
        errors.fail(out, "make print-cflags failed (output above)")
    keep = []
    for a in lines[0].split()[1:]:
        if a.startswith("-I") and not a.startswith("-I/"):
            # make runs in ports/unix: relative include paths start there
            a = "-I" + os.path.join(mp, "ports/unix", a[2:])
        keep.append(a)
    return " ".join(keep)


def make(mp, outdir, mods, names, quiet):
    """Builds OUTDIR/build-unix/micropython with the user modules MODS (None:
    stock) and OUTDIR's frozen manifest (usermods.write, host, stock), and
    writes OUTDIR/cflags.txt (print_cflags) of a build with the layer."""
    build_dir = os.path.join(outdir, "build-unix")
    flags_file = os.path.join(outdir, "cflags.txt")
    manifest = frozen.manifest_path(outdir)
    # make does not notice changed flags: start over when they change
    # (ours, the user's, or those of the layer's own micropython.mk).
    # The make command holds them all, and the frozen manifest's path (not
    # -jN; what it freezes is frozen.refresh's).
    cmd = make_command(mp, build_dir, mods, manifest)
    stamp = os.path.join(outdir, "options.stamp")
    options = " ".join(a for a in cmd if not a.startswith("-j")) + "|" + layer.make_flags_key()
    if not os.path.exists(stamp) or read(stamp) != options:
        shutil.rmtree(build_dir, ignore_errors=True)
        if os.path.exists(flags_file):
            os.unlink(flags_file)
        with open(stamp, "w") as f:
            f.write(options)
    if not quiet:
        what = "(stock)" if mods is None else "(host for .so modules)"
        log("building MicroPython " + ("with " + ", ".join(names) if names else what))
    frozen.refresh(cmd, build_dir, manifest)
    rc, out = run(cmd)
    if rc != 0:
        errors.fail(out, "the MicroPython build failed")
    if mods is not None and not os.path.exists(flags_file):
        with open(flags_file, "w") as f:
            f.write(print_cflags(mp, cmd))
    return os.path.join(build_dir, "micropython")


def build(sources, outdir=None, quiet=False, options=None, freeze=()):
    """A unix MicroPython with SOURCES (.pyx, .py, hand-written .c modules,
    helper .c) built in and the Python modules FREEZE frozen; returns its
    path. OPTIONS: extension.Options."""
    mp, mods = usermods.check_sources(sources, options)
    outdir = os.path.abspath(outdir or usermods.default_outdir("mp-", mp, mods, freeze))
    return make(mp, outdir, usermods.write(outdir, mods, freeze), [m.name for m in mods], quiet)


def host(outdir=None):
    """A unix MicroPython with the layer and the .so loader, no modules; returns its folder."""
    check_toolchain()
    ensure_deps()
    mp = micropy_dir()
    outdir = os.path.abspath(outdir or os.path.join(ROOT, "build", "host-" + digest([], mp)))
    mods = os.path.join(outdir, "usermods")
    layer.add_to(mods)
    # The modules it will load are not known: every layer module is frozen.
    frozen.write_manifest(outdir, frozen.EVERYTHING)
    make(mp, outdir, mods, [], quiet=False)
    return outdir


def stock(outdir=None, quiet=False):
    """The unix port of the pinned MicroPython as it comes, with nothing of
    the layer: its standard variant, asyncio frozen as that variant's
    manifest does (not micropython-lib's mip, nor FFI, SSL and btree, which
    the Debian source lacks). Returns the executable's path."""
    check_toolchain()
    ensure_deps()
    mp = micropy_dir()
    outdir = os.path.abspath(outdir or os.path.join(ROOT, "build", "stock-unix-" + digest([], mp)))
    frozen.write_manifest(outdir, ())
    return make(mp, outdir, None, [], quiet=quiet)


# The port's sys.path when MICROPYPATH is not set (its mpconfigport.h).
DEFAULT_PATH = ".frozen:~/.micropython/lib:/usr/lib/micropython"


def exec_script(exe, script, mount=None):
    """Become EXE running SCRIPT ([file, args...]) or, without one, its REPL;
    the folder MOUNT on sys.path before the rest (after the script's own)."""
    env = os.environ
    if mount:
        path = os.environ.get("MICROPYPATH", DEFAULT_PATH)
        env = dict(env, MICROPYPATH=os.path.abspath(mount) + ":" + path)
    sys.stdout.flush()
    os.execve(exe, [exe] + (script or []), env)


def build_shared(sources, outdir=None, options=None):
    """Each module as OUTDIR/NAME.so (dots in NAME become folders), its helper
    sources linked in; returns their paths."""
    for src in sources:
        if not os.path.exists(src):
            die("%s: no such file" % os.path.abspath(src))
    mods = extension.modules([os.path.abspath(s) for s in sources], options)
    hostdir = host()
    flags = shlex.split(read(os.path.join(hostdir, "cflags.txt")))
    outdir = os.path.abspath(outdir or ".")
    objdir = os.path.join(outdir, ".mpcy")
    os.makedirs(objdir, exist_ok=True)
    made = []
    for mod in mods:
        src, name = mod.src, mod.name
        c_file = cython.module_c(mod, os.path.join(objdir, ident(name) + "_cy"))
        w = os.path.join(objdir, ident(name) + "_so" + os.path.splitext(c_file)[1])
        with open(w, "w") as f:
            f.write(
                generate.so_wrapper(
                    c_file, c_file if c_file == src else os.path.basename(c_file), name
                )
            )
        parts = name.split(".")
        so = os.path.join(outdir, *parts[:-1], parts[-1] + ".so")
        os.makedirs(os.path.dirname(so), exist_ok=True)
        # gcc picks each source's language by its suffix (-w: C-only flags
        # for C++ helpers of a C module are then warnings).
        cxx = any(extension.is_cxx(f) for f in [w] + mod.sources)
        rc, out = run(
            ["gcc"]
            + extension.flags_for(w, flags)
            + mod.cflags()
            + ["-fPIC", "-shared", "-w", "-I" + os.path.join(hostdir, "build-unix"), w]
            + mod.sources
            + ["-o", so]
            + mod.ldflags()
            + (usermods.CXX_RUNTIME if cxx else [])
        )
        if rc != 0:
            errors.fail(out, "compiling %s failed" % src)
        made.append(so)
    return made
