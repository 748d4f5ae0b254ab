"""`./mpcython embed`: a C program that embeds MicroPython (docs/embedding.md).

MicroPython's embed port (ports/embed) makes a source package of the core
with the layer's qstrs and root pointers (the layer is its user C module);
the package and the layer are compiled once per layer version into a
library, and each program links its own C files and Cython modules to it,
with the frozen modules its code imports (frozen_object).
"""
import concurrent.futures
import fcntl
import os
import sys

from . import cython, errors, extension, frozen, generate, layer, usermods
from .common import (
    ROOT,
    check_toolchain,
    die,
    digest,
    ensure_deps,
    log,
    micropy_dir,
    module_name,
    run,
    write_if_changed,
)

CFLAGS = ["-std=gnu99", "-O2", "-fno-common", "-Wall"]

# What asyncio needs that the embed port lacks (tools/mpcy_embed): extmod's
# modules, compiled from the fetched source, and the tick source.
EXTMOD = ("modtime.c", "modselect.c", "modasyncio.c")
TOOLS = os.path.join(ROOT, "tools", "mpcy_embed")


def tools_files():
    return [os.path.join(TOOLS, f) for f in sorted(os.listdir(TOOLS))]


def compile_all(jobs, what):
    """jobs: (cmd, output); runs at most two compilers at a time."""

    def compile_one(job):
        return run(job[0])

    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        for rc, text in ex.map(compile_one, jobs):
            if rc != 0:
                errors.fail(text, "compiling %s failed (output above)" % what)
            elif text.strip():
                sys.stderr.write(text)


def library():
    """build/embed-lib-KEY/: the embed package (pkg/) and libmpcy.a."""
    mp = micropy_dir()
    key = digest(layer.files() + tools_files() + [frozen.__file__], mp + "|" + " ".join(CFLAGS))
    base = os.path.join(ROOT, "build", "embed-lib-" + key)
    lib = os.path.join(base, "libmpcy.a")
    if os.path.exists(lib):
        return base
    log("building the MicroPython embed package with the layer (once per layer version)")
    srcs = package(base) + layer.embed_library_sources()
    objdir = os.path.join(base, "obj")
    os.makedirs(objdir, exist_ok=True)
    jobs, objs = [], []
    extmod = [os.path.join(mp, "extmod", f) for f in EXTMOD]
    srcs += extmod + [f for f in tools_files() if f.endswith(".c")]
    for i, src in enumerate(srcs):
        o = os.path.join(objdir, "%03d_%s.o" % (i, os.path.basename(src)[:-2]))
        objs.append(o)
        # (extmod's files include headers the package does not copy)
        more = ["-I" + mp] if src in extmod else []
        jobs.append((["gcc"] + cflags(base) + more + ["-c", src, "-o", o], o))
    compile_all(jobs, "the embed package")
    rc, out = run(["ar", "rcs", lib + ".tmp"] + objs)
    if rc != 0:
        sys.stderr.write(out)
        die("ar failed")
    os.replace(lib + ".tmp", lib)
    return base


def package(base):
    """Runs MicroPython's embed port with the layer as its user C module:
    BASE/cfg holds the configuration, BASE/pkg the core's sources with the
    layer's qstrs and root pointers. Returns the package's C files."""
    cfg = os.path.join(base, "cfg")
    mods = os.path.join(base, "usermods")
    pkg = os.path.join(base, "pkg")
    os.makedirs(cfg, exist_ok=True)
    # (unchanged, it keeps its time: every file's qstrs are scanned again when it is newer)
    write_if_changed(
        os.path.join(cfg, "mpconfigport.h"),
        '#include "%s"\n' % os.path.join(layer.RUNTIME, "mpconfigport_embed.h"),
    )
    layer.add_to(mods)
    if not os.path.islink(os.path.join(mods, "mpcy_embed")):
        os.symlink(TOOLS, os.path.join(mods, "mpcy_embed"))
    # (with a manifest, as the port's make sets its frozen-module options
    # only then; the frozen modules themselves are frozen_object's)
    rc, out = run(
        package_make(base, frozen.write_manifest(base, frozen.EVERYTHING))
        + ["micropython-embed-package"]
    )
    if rc != 0:
        errors.fail(out, "the MicroPython embed package failed (output above)")
    srcs = []
    for d in ("py", "shared/runtime", "port"):
        for f in sorted(os.listdir(os.path.join(pkg, d))):
            # embed_util.c's start-up and fatal-error hooks are the layer's (pylifecycle.c)
            if f.endswith(".c") and f != "embed_util.c":
                srcs.append(os.path.join(pkg, d, f))
    return srcs


def package_make(base, manifest):
    """make of MicroPython's embed port for the library in BASE (package),
    with the frozen modules of MANIFEST."""
    mp = micropy_dir()
    return [
        "make",
        "-C",
        os.path.join(base, "cfg"),
        "-f",
        os.path.join(mp, "ports/embed/embed.mk"),
        "MICROPYTHON_TOP=" + mp,
        "BUILD=" + os.path.join(base, "build-embed"),
        "PACKAGE_DIR=" + os.path.join(base, "pkg"),
        "USER_C_MODULES=" + os.path.join(base, "usermods"),
        "MPCY_EXTMOD=" + " ".join(EXTMOD),
    ] + frozen.make_vars(mp, manifest)


def frozen_object(base, names):
    """The frozen modules (driver/frozen.py: asyncio and the layer modules
    NAMES) compiled for the library in BASE: BASE/frozen-NAMES/frozen_content.o,
    made once per set. The library holds no frozen modules, so that each
    program carries only the ones its code imports. The port's make writes
    BUILD/frozen_content.c for one manifest at a time (from the package's
    qstr pool), so programs built side by side take turns."""
    d = os.path.join(base, "frozen-" + ("-".join(names) or "none"))
    obj = os.path.join(d, "frozen_content.o")
    if os.path.exists(obj):
        return obj
    with open(os.path.join(base, "frozen.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(obj):
            return obj
        content = os.path.join(base, "build-embed", "frozen_content.c")
        # (makemanifest would keep a frozen_content.c of another manifest: frozen.refresh)
        if os.path.exists(content):
            os.unlink(content)
        rc, out = run(package_make(base, frozen.write_manifest(d, names)) + [content])
        if rc != 0:
            errors.fail(out, "freezing the Python modules failed (output above)")
        rc, out = run(["gcc"] + cflags(base) + ["-c", content, "-o", obj + ".tmp"])
        if rc != 0:
            errors.fail(out, "compiling the frozen modules failed (output above)")
        os.replace(obj + ".tmp", obj)
    return obj


def include_flags(base):
    """The -I flags of code compiled with the package made in BASE."""
    pkg = os.path.join(base, "pkg")
    return [
        "-I" + os.path.join(base, "cfg"),
        "-I" + pkg,
        "-I" + os.path.join(pkg, "port"),
        "-I" + layer.INCLUDE,
        "-I" + layer.RUNTIME,
    ]


def cflags(base):
    return CFLAGS + include_flags(base)


def c_string(data):
    out = []
    for b in data:
        c = chr(b)
        if c == "\\" or c == '"':
            out.append("\\" + c)
        elif 32 <= b < 127 and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def write_frozen(path, files):
    """Python modules frozen as source: `import m` compiles m.py from the
    program's text on first import (runtime/import.c)."""
    items = []
    for f in files:
        if not os.path.exists(f):
            die("%s: no such file" % f)
        name = os.path.basename(f)
        if not name.endswith(".py"):
            die("--freeze takes .py files, not %s" % f)
        items.append(
            "    %s,\n    %s,\n" % (c_string(name[:-3].encode()), c_string(open(f, "rb").read()))
        )
    text = (
        "// Generated by mpcython embed --freeze: module name, source.\n"
        "const char *const mpcy_frozen_modules[] = {\n%s    0\n};\n" % "".join(items)
    )
    with open(path, "w") as fh:
        fh.write(text)


def embed(files, program, heap=None, stack=None, freeze=(), stress=False):
    """Builds PROGRAM from FILES (.c with main(), more .c, .pyx/.py modules)
    and prints its path. HEAP, STACK: sizes in bytes (None: the defaults of
    runtime/pylifecycle.c); FREEZE: .py files; STRESS: a collection before
    every allocation."""
    if program is None:
        die("embed needs -o PROGRAM")
    c_files = [os.path.abspath(a) for a in files if a.endswith(extension.HELPER_SUFFIXES)]
    mods = [os.path.abspath(a) for a in files if a.endswith((".pyx", ".py"))]
    other = [a for a in files if not a.endswith(extension.HELPER_SUFFIXES + (".pyx", ".py"))]
    if other:
        die("embed takes C (or C++), .pyx and .py files, not %s" % " ".join(other))
    if not c_files:
        die("embed needs the C file with main()")
    for f in c_files + mods:
        if not os.path.exists(f):
            die("%s: no such file" % f)
    check_toolchain()
    ensure_deps()
    base = library()
    program = os.path.abspath(program)
    os.makedirs(os.path.dirname(program), exist_ok=True)
    outdir = os.path.join(ROOT, "build", "embed-" + digest([], program))
    os.makedirs(outdir, exist_ok=True)
    flags = cflags(base) + ["-I" + outdir]
    jobs, objs, sources = [], [], list(c_files)
    scanned = list(c_files)  # what may import a layer module: frozen.used_by
    for src in mods:
        name = module_name(src)
        if "." in name:
            die("%s: embed takes top-level modules (no dotted names)" % src)
        # NAME.h / NAME_api.h (cdef public / cdef api) land next to NAME.c, on the include path.
        cplus = extension.wants_cplus(src)
        stem = os.path.join(outdir, name)
        c_file = cython.cythonize(src, name, stem + (".cpp" if cplus else ".c"), cplus=cplus)
        scanned.append(c_file)
        w = stem + "_mpcy" + os.path.splitext(c_file)[1]
        with open(w, "w") as f:
            f.write(
                generate.wrapper_text(c_file, os.path.basename(c_file), name, "PyInit_" + name)
            )
        jobs.append(
            (
                ["gcc"] + extension.flags_for(w, flags) + ["-w", "-c", w, "-o", stem + ".o"],
                stem + ".o",
            )
        )
        objs.append(stem + ".o")
        sources.append(w)
    frozen_src = os.path.join(outdir, "mpcy_frozen.c")
    freeze = [os.path.abspath(f) for f in freeze]
    write_frozen(frozen_src, freeze)
    life = os.path.join(outdir, "pylifecycle.o")
    sizes = []
    if heap is not None:
        sizes.append("-DMPCY_HEAP_SIZE=%d" % heap)
    if stack is not None:
        sizes.append("-DMPCY_STACK_LIMIT=%d" % stack)
    if stress:
        sizes.append("-DMPCY_GC_STRESS=1")
    jobs.append(
        (
            ["gcc"]
            + flags
            + sizes
            + ["-c", os.path.join(layer.RUNTIME, "pylifecycle.c"), "-o", life],
            life,
        )
    )
    frozen_obj = frozen_src[:-2] + ".o"
    jobs.append((["gcc"] + flags + ["-c", frozen_src, "-o", frozen_obj], frozen_obj))
    objs += [life, frozen_obj, frozen_object(base, frozen.used_by(scanned + freeze))]
    # Cython's headers first, then the program (it includes them).
    compile_all(jobs, "the modules")
    jobs = []
    for i, src in enumerate(c_files):
        o = os.path.join(outdir, "c%d_%s.o" % (i, os.path.splitext(os.path.basename(src))[0]))
        jobs.append((["gcc"] + extension.flags_for(src, flags) + ["-c", src, "-o", o], o))
        objs.append(o)
    compile_all(jobs, " ".join(os.path.basename(c) for c in c_files))
    cmd = ["gcc", "-o", program] + objs + [os.path.join(base, "libmpcy.a"), "-lm", "-lpthread"]
    cmd += usermods.CXX_RUNTIME if any(extension.is_cxx(f) for f in sources) else []
    cmd += os.environ.get("MPCY_LDFLAGS", "").split()
    rc, out = run(cmd)
    if rc != 0:
        errors.fail(out, "linking %s failed (output above)" % program)
    print(program)
    return 0
