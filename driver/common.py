"""What every part of the driver shares: the checkout, messages, the
fetched dependencies, module names and content digests."""
import hashlib
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# GC stress: code put in front of a script so that every heap allocation first
# runs a full collection. py/modgc.c: gc.threshold(n) sets gc_alloc_threshold
# to n / MICROPY_BYTES_PER_GC_BLOCK blocks; py/gc.c gc_alloc() collects
# whenever gc_alloc_amount >= gc_alloc_threshold, which with 0 is always
# (gc_realloc growing a block in place does not collect). Needs
# MICROPY_GC_ALLOC_THRESHOLD, on from the "core features" ROM level.
# (`./mpcython embed --gc-stress` does the same from C: runtime/pylifecycle.c.)
GC_STRESS = "import gc\ngc.threshold(0)\n"


def log(msg):
    """Progress and errors go to stderr: stdout is the result (a path, a script's output)."""
    print("mpcython: " + msg, file=sys.stderr, flush=True)


def die(msg):
    log(msg)
    sys.exit(1)


def run(cmd, cwd=None):
    """Runs CMD; returns (exit status, stdout and stderr as one text)."""
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def micropy_version():
    """MICROPY_VERSION: a MicroPython release pinned in tools/fetch-deps.sh,
    fetched into deps/micropython-VERSION; "" for the default release."""
    return "" if os.environ.get("MICROPY_DIR") else os.environ.get("MICROPY_VERSION", "")


def other_releases():
    """The MicroPython releases pinned in tools/fetch-deps.sh besides the
    default one (its first pin), "X.Y.Z" each, in the order pinned."""
    text = read(os.path.join(ROOT, "tools", "fetch-deps.sh"))
    pins = re.search(r"^MP_PINS=\((.*?)^\)", text, re.M | re.S).group(1)
    return re.findall(r'^\s*"micropython ([\d.]+)\+', pins, re.M)[1:]


def micropy_variant():
    """A suffix for build folders that differ by MicroPython release."""
    v = micropy_version()
    return "-mp" + v if v else ""


def micropy_release(mp):
    """The MicroPython release of the tree MP, "X.Y.Z" (py/mpconfig.h)."""
    text = read(os.path.join(mp, "py", "mpconfig.h"))
    parts = [
        re.search(r"#define MICROPY_VERSION_%s (\d+)" % k, text).group(1)
        for k in ("MAJOR", "MINOR", "MICRO")
    ]
    return ".".join(parts)


def ensure_deps():
    """MicroPython and Cython in deps/ (tools/fetch-deps.sh), unless both are the user's own."""
    if os.environ.get("MICROPY_DIR") and os.environ.get("CYTHON"):
        return
    mp = "deps/micropython" + ("-" + micropy_version() if micropy_version() else "")
    if os.path.exists(os.path.join(ROOT, mp, ".mpcy-stamp")) and os.path.exists(
        os.path.join(ROOT, "deps/cython/.mpcy-stamp")
    ):
        return
    log("fetching MicroPython and Cython sources")
    if (
        subprocess.call(["bash", os.path.join(ROOT, "tools/fetch-deps.sh")], stdout=sys.stderr)
        != 0
    ):
        die("could not fetch the dependencies (see above)")


def micropy_dir():
    v = micropy_version()
    d = os.environ.get("MICROPY_DIR") or os.path.join(
        ROOT, "deps", "micropython" + ("-" + v if v else "")
    )
    if not os.path.exists(os.path.join(d, "py/obj.h")):
        die(
            "no MicroPython source at %s (%s)"
            % (d, "make deps MICROPY_VERSION=" + v if v else "set MICROPY_DIR")
        )
    return os.path.abspath(d)


def check_toolchain():
    for tool in ("gcc", "make"):
        if shutil.which(tool) is None:
            die(
                "missing toolchain: '%s' not found (on Debian: apt-get install build-essential)"
                % tool
            )


def ident(name):
    """A dotted module name as a C identifier."""
    return name.replace(".", "__")


def module_name(path):
    """A module is named after its file: `pkg.mod.pyx` is the dotted module `pkg.mod`."""
    base = os.path.basename(path)
    if not base.endswith((".pyx", ".py", ".c")):
        die("%s: expected a .pyx or .py file (or a hand-written .c extension module)" % path)
    return base.rsplit(".", 1)[0]


def digest(paths, extra):
    """A short hash of the files PATHS (names and contents) and the text EXTRA."""
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.encode())
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def read(path):
    with open(path) as f:
        return f.read()


def write_if_changed(path, text):
    """Leaves an unchanged file alone, so that make does not rebuild from it."""
    if not os.path.exists(path) or read(path) != text:
        with open(path, "w") as f:
            f.write(text)
