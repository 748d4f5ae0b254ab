"""The Python modules frozen into the MicroPython the project builds: the
project's manifest, driver/manifest.py (MicroPython's own asyncio, the
layer's runtime/frozen/ modules: enum), compiled
to .mpy by MicroPython's mpy-cross. Every build takes it: unix (executable
and .so host), the qemu firmware (with tools/mpcy_qemu), the embed library
(with tools/mpcy_embed); docs/async.md.

The ports' default manifests are dropped because their micropython-lib parts
are missing from the Debian +ds source. mpy-cross is built once per
MicroPython source into build/, never into the shared source tree, and one
build at a time (several test suites build side by side)."""
import fcntl
import os

from . import errors
from .common import ROOT, digest, log, run

MANIFEST = os.path.join(ROOT, "driver", "manifest.py")


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
                "the project's manifest (driver/manifest.py) needs none of it.\n"
            )
    return d


def refresh(cmd, build_dir):
    """Before the build CMD into BUILD_DIR: bring its qstr pool up to date
    (make's own target for it) and drop a frozen_content.c older than it.
    MicroPython's makemanifest rewrites frozen_content.c only when a frozen
    .mpy is newer, but the file declares the qstrs the build's pool lacks,
    and the pool changes with the modules built in: a name that a new module
    uses would be declared twice ("redeclaration of enumerator MP_QSTR_x")."""
    pool = os.path.join(build_dir, "genhdr", "qstrdefs.preprocessed.h")
    content = os.path.join(build_dir, "frozen_content.c")
    if not os.path.exists(content):
        return
    run(cmd + [os.path.join(build_dir, "genhdr", "qstrdefs.generated.h")])  # (make reports errors)
    if os.path.exists(pool) and os.path.getmtime(pool) > os.path.getmtime(content):
        os.unlink(content)


def make_vars(mp, manifest=MANIFEST):
    """The make variables that freeze MANIFEST into a port's build."""
    return [
        "FROZEN_MANIFEST=" + manifest,
        "MICROPY_MPYCROSS=" + mpy_cross(mp),
        "MPY_LIB_DIR=" + no_mpy_lib(),
    ]
