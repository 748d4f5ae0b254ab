"""The Python modules frozen into the MicroPython the project builds,
compiled to .mpy by MicroPython's mpy-cross: MicroPython's own asyncio in
every build (docs/async.md), and the layer's runtime/frozen/ modules (enum:
docs/enum.md; dataclasses: docs/dataclasses.md) only where they are needed.

This file is the one place that decides what is frozen: each build gets a
manifest written into its folder (write_manifest), passed to MicroPython's
make as FROZEN_MANIFEST. A build whose modules are known (the unix
executable, the qemu firmware, an embedding program) freezes a layer module
only when one of its modules' C names it (used_by); the .so host cannot
know what it will load and freezes all (EVERYTHING). The ports' default
manifests are dropped because their micropython-lib parts (unix-ffi, ssl,
mip-cmdline; the qemu port's unittest) are missing from the Debian +ds
source. mpy-cross is built once per MicroPython source into build/, never
into the shared source tree, and one build at a time (several test suites
build side by side)."""
import ast
import fcntl
import os
import re

from . import errors
from .common import ROOT, digest, log, run, write_if_changed

FROZEN_DIR = os.path.join(ROOT, "runtime", "frozen")

# The layer's Python modules (runtime/frozen/NAME.py), each frozen only into
# builds that import it: together 19.8 KB of flash on Cortex-M3 (enum alone
# ~5.5 KB; docs/performance.md) that a firmware without cpdef enums or
# cython.dataclasses would carry for nothing. Stock MicroPython has neither
# module, so a build without them behaves as MicroPython does (ImportError).
LAYER_MODULES = ("enum", "dataclasses")

# What the .so host freezes: the modules it will load are not known when it
# is built, so it has every layer module.
EVERYTHING = LAYER_MODULES

# The name of each build's manifest, in the build's own folder.
MANIFEST_NAME = "frozen_manifest.py"

# A C string literal (its text, escapes kept) or a comment, which is skipped:
# Cython copies the .pyx source into comments beside the code it makes.
C_TOKEN = re.compile(r'"((?:\\.|[^"\\\n])*)"|/\*.*?\*/|//[^\n]*|\'(?:\\.|[^\'\\\n])*\'', re.S)


def names_module(text, name):
    """TEXT (a string constant) names the module NAME or a submodule of it,
    or is code that imports it (say, C passing `import enum` to PyRun_*)."""
    return (
        text == name
        or text.startswith(name + ".")
        # (a C literal's line breaks are still escapes: \n)
        or re.search(r"(?:^|[\s;]|\\n)(?:import|from)\s+%s\b" % name, text) is not None
    )


def c_strings(path, names):
    """The string literals of the C (or C++) file PATH, adjacent literals
    joined as the compiler joins them (Cython splits long constants); none
    when no literal can name one of NAMES (names_module), which most files
    show without being tokenised (three substring searches a name)."""
    with open(path, errors="replace") as f:
        text = f.read()
    if not any(k + n in text for n in names for k in ('"', "import ", "from ")):
        return []
    out, end, joined = [], -1, None
    for m in C_TOKEN.finditer(text):
        if m.group(1) is None:
            if joined is not None:
                out.append(joined)
            joined = None
            continue
        if joined is not None and text[end : m.start()].strip() == "":
            joined += m.group(1)
        else:
            if joined is not None:
                out.append(joined)
            joined = m.group(1)
        end = m.end()
    if joined is not None:
        out.append(joined)
    return out


def py_strings(path):
    """The module names a Python file imports and its string constants."""
    with open(path, "rb") as f:
        tree = ast.parse(f.read(), path)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append(node.module)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
    return out


def used_by(files):
    """The layer modules (LAYER_MODULES) that the C and C++ files FILES
    (Cython's output, hand-written modules, helper sources, an embedding
    program's C) or Python files (frozen as source) may import.

    Decided from the import's module name, which Cython's C always holds as
    a string literal: `import enum` and `from enum import ...` (written in
    the .pyx or in the utility code Cython adds for a `cpdef enum`, `from
    enum import IntEnum as __Pyx_EnumBase`) intern "enum" in the module's
    string table; a cython.dataclasses class loads its module with
    `__Pyx_LoadInternalModule("dataclasses", ...)`; C calls
    PyImport_ImportModule("enum"). Any literal with the name counts, so a
    name used otherwise (an attribute `x.enum`) freezes the module too; a
    module name computed at run time is not seen."""
    found = set()
    for path in files:
        strings = py_strings(path) if path.endswith(".py") else c_strings(path, LAYER_MODULES)
        for name in LAYER_MODULES:
            if name not in found and any(names_module(s, name) for s in strings):
                found.add(name)
    return tuple(n for n in LAYER_MODULES if n in found)


def manifest_text(layer_modules, freeze=()):
    """The manifest of a build that freezes LAYER_MODULES beside asyncio,
    and the user's Python modules FREEZE (paths)."""
    lines = [
        "# Generated by driver/frozen.py: the Python modules frozen into this build.",
        "# MicroPython's asyncio, as the ports' manifests freeze it (the unix",
        "# standard variant's manifest has exactly this line):",
        'include("$(MPY_DIR)/extmod/asyncio")',
    ]
    if layer_modules:
        lines.append("# The layer's modules this build's modules import (runtime/frozen/):")
        lines.append(
            "freeze(%r, (%s))" % (FROZEN_DIR, ", ".join(repr(n + ".py") for n in layer_modules))
        )
    else:
        lines.append("# No module of this build imports a layer module of runtime/frozen/.")
    if freeze:
        lines.append("# The modules of --freeze:")
    for f in freeze:
        lines.append("freeze(%r, %r)" % os.path.split(f))
    return "\n".join(lines) + "\n"


def manifest_path(outdir):
    """The manifest of the build in OUTDIR (write_manifest)."""
    return os.path.join(outdir, MANIFEST_NAME)


def write_manifest(outdir, layer_modules, freeze=()):
    """Writes OUTDIR's manifest for LAYER_MODULES (left alone when unchanged:
    refresh compares its time with frozen_content.c's); returns its path."""
    os.makedirs(outdir, exist_ok=True)
    path = manifest_path(outdir)
    write_if_changed(path, manifest_text(layer_modules, freeze))
    return path


def mpy_cross(mp):
    """build/mpy-cross-KEY/mpy-cross for the MicroPython source MP; returns its path."""
    base = os.path.join(ROOT, "build", "mpy-cross-" + digest([], mp))
    prog = os.path.join(base, "mpy-cross")
    done = os.path.join(base, "built")  # written once mpy-cross is whole
    if os.path.exists(done):
        return prog
    os.makedirs(base, exist_ok=True)
    with open(base + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(done):
            log("building mpy-cross (once)")
            rc, out = run(["make", "-C", os.path.join(mp, "mpy-cross"), "-j2", "BUILD=" + base])
            if rc != 0:
                errors.fail(out, "building mpy-cross failed (output above)")
            open(done, "w").close()
    return prog


def no_mpy_lib():
    """A folder standing for micropython-lib: MicroPython's make checks that
    $(MPY_LIB_DIR)/README.md exists before it reads any manifest, although
    the project's manifests require nothing from it."""
    d = os.path.join(ROOT, "build", "no-micropython-lib")
    os.makedirs(d, exist_ok=True)
    readme = os.path.join(d, "README.md")
    if not os.path.exists(readme):
        with open(readme, "w") as f:
            f.write(
                "micropython-lib is not part of the Debian +ds MicroPython source;\n"
                "the project's manifests (written by driver/frozen.py) need none of it.\n"
            )
    return d


def refresh(cmd, build_dir, manifest):
    """Before the build CMD into BUILD_DIR with MANIFEST: drop a
    frozen_content.c older than the manifest or than the build's qstr pool
    (bringing the pool up to date first, with make's own target for it).
    MicroPython's makemanifest rewrites frozen_content.c only when a frozen
    .mpy is newer than it, so it would not notice a module added to the
    manifest whose .mpy an earlier build made, nor one taken out; and the
    file declares the qstrs the build's pool lacks, and the pool changes with
    the modules built in: a name that a new module uses would be declared
    twice ("redeclaration of enumerator MP_QSTR_x")."""
    pool = os.path.join(build_dir, "genhdr", "qstrdefs.preprocessed.h")
    content = os.path.join(build_dir, "frozen_content.c")
    if not os.path.exists(content):
        return
    if os.path.getmtime(manifest) > os.path.getmtime(content):
        os.unlink(content)
        return
    run(cmd + [os.path.join(build_dir, "genhdr", "qstrdefs.generated.h")])  # (make reports errors)
    if os.path.exists(pool) and os.path.getmtime(pool) > os.path.getmtime(content):
        os.unlink(content)


def make_vars(mp, manifest):
    """The make variables that freeze MANIFEST (write_manifest) into a port's build."""
    return [
        "FROZEN_MANIFEST=" + manifest,
        "MICROPY_MPYCROSS=" + mpy_cross(mp),
        "MPY_LIB_DIR=" + no_mpy_lib(),
    ]
