"""The layer (runtime/, include/) as the builds see it: its sources and how
it joins a build as a MicroPython user C module.

The layer is every runtime/*.c, as runtime/micropython.mk (make ports) and
runtime/micropython.cmake (CMake ports) build it; the embed library takes
embed_library_sources(). The MicroPython options it needs on
every port are runtime/mpcy_config.h, force-included into every MicroPython
file by runtime/micropython.mk (and included by runtime/mpconfigport_embed.h).
"""
import glob
import os

from .common import ROOT, digest

RUNTIME = os.path.join(ROOT, "runtime")
INCLUDE = os.path.join(ROOT, "include")

# Files of the layer the embed library leaves out, and why.
NOT_IN_EMBED_LIBRARY = {
    "pylifecycle.c": "compiled per program: its heap and stack sizes are macros (--heap, --stack-limit, --gc-stress)",
    "dynload.c": "loads .so modules with dlopen: unix only",
}


def sources():
    """The layer's C files: every runtime/*.c."""
    return sorted(glob.glob(os.path.join(RUNTIME, "*.c")))


def embed_library_sources():
    """The layer's C files compiled once into the embed library."""
    return [s for s in sources() if os.path.basename(s) not in NOT_IN_EMBED_LIBRARY]


def files():
    """Every file of the layer (include/ and runtime/), for digests of what is built from it."""
    out = []
    for top in (INCLUDE, RUNTIME):
        for d, subdirs, names in os.walk(top):
            subdirs.sort()
            out += [os.path.join(d, n) for n in sorted(names)]
    return out


def make_flags_key():
    """A digest of the layer's micropython.mk: the flags it adds change with
    it, and make does not notice changed flags (a port build starts over)."""
    return digest([os.path.join(RUNTIME, "micropython.mk")], "")


def add_to(mods):
    """Makes the layer a user C module of the user-module folder MODS (as MODS/mpcy)."""
    os.makedirs(mods, exist_ok=True)
    link = os.path.join(mods, "mpcy")
    if not os.path.islink(link):
        os.symlink(RUNTIME, link)
