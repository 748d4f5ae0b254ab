"""The user-module folder of a build (DIR/usermods), the same for every port:
the layer (mpcy/, a link to runtime/) and the Cython modules (cymods/:
Cython's C, a wrapper per module, the import glue), each with the
micropython.mk that make ports include and the micropython.cmake of CMake
ports; and the build's manifest of frozen modules (DIR/frozen_manifest.py,
driver/frozen.py), which follows from the modules' C."""
import os
import shlex

from . import cython, extension, frozen, generate, layer
from .common import ROOT, check_toolchain, die, digest, ensure_deps, ident
from .common import micropy_dir, write_if_changed

# Generated and third-party code is not held to MicroPython's -Werror (the
# layer is). C++ modules and helpers are compiled by the port's C++ rule with
# the port's C flags less the C-only ones (as the unix port derives its
# CXXFLAGS; other ports keep theirs apart) and linked with the C++ runtime
# (CXX_RUNTIME). The modules and their helper sources define no qstrs: they are
# library sources (SRC_USERMOD_LIB_C), left out of MicroPython's qstr scan,
# which preprocesses every scanned file with the global flags only and so
# would miss each module's include folders and macros (given per object
# file). The glue's stub and its smaller-typed alias (GLUE_STUB) share
# storage; AddressSanitizer would put a redzone after the alias's 16 bytes,
# over the rest of the stub.
CYMODS_MK = """CYMODS_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(CYMODS_DIR)/mpcy_glue.c
SRC_USERMOD_LIB_C += $(addprefix $(CYMODS_DIR)/, {files})
SRC_USERMOD_LIB_CXX += $(addprefix $(CYMODS_DIR)/, {cxx_files})
LDFLAGS_USERMOD += {ldflags}
$(BUILD)/cymods/%.o: CFLAGS += -Wno-error -w
$(BUILD)/cymods/%.o: CXXFLAGS = $(filter-out {c_only},$(CFLAGS)) $(CXXFLAGS_USERMOD)
$(BUILD)/cymods/mpcy_glue.o: CFLAGS += -fno-sanitize=address
{objflags}"""

# The same for CMake ports (esp32, rp2): USER_C_MODULES=<DIR>/usermods/micropython.cmake.
# (Not built in CI; generated code there is compiled with the port's flags.)
CYMODS_CMAKE = """add_library(usermod_cymods INTERFACE)
target_sources(usermod_cymods INTERFACE {files})
target_link_libraries(usermod_cymods INTERFACE {libraries})
target_link_libraries(usermod INTERFACE usermod_cymods)
{objflags}"""
TOP_CMAKE = """include(${CMAKE_CURRENT_LIST_DIR}/mpcy/micropython.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/cymods/micropython.cmake)
"""


def check_sources(sources, options=None):
    """Checks the host tools and the sources, fetches the dependencies:
    (MicroPython folder, the modules: extension.Module)."""
    check_toolchain()
    ensure_deps()
    mp = micropy_dir()
    sources = [os.path.abspath(s) for s in sources]
    for s in sources:
        if not os.path.exists(s):
            die("%s: no such file" % s)
    return mp, extension.modules(sources, options)


def default_outdir(prefix, mp, mods, freeze=()):
    """build/PREFIXKEY: one build folder per MicroPython, set of modules and
    of frozen Python modules (FREEZE)."""
    files = sorted(set(p for m in mods for p in [m.src] + m.sources))
    files += sorted(os.path.abspath(f) for f in freeze)
    return os.path.join(
        ROOT, "build", prefix + digest(files, mp + "|" + ",".join(m.key() for m in mods))
    )


def helper_sources(mods):
    """{helper source path: (wrapper file name, the module whose flags compile it)}.
    A wrapper includes the helper by its path, so that its own quoted
    includes are found beside it; it keeps the helper's suffix (C or C++)."""
    out = {}
    for m in mods:
        for h in m.sources:
            if h not in out:
                out[h] = ("helper%d_%s" % (len(out), os.path.basename(h)), m)
    return out


# What a port links for C++ modules: libstdc++ (new/delete, exceptions, the
# containers' out-of-line code), with the runtime support it needs.
CXX_RUNTIME = ["-lstdc++"]


def has_cxx(mods):
    """The usermods folder MODS (written by write) holds C++ files."""
    return any(extension.is_cxx(f) for f in os.listdir(os.path.join(mods, "cymods")))


def write(outdir, modules, freeze=()):
    """Writes OUTDIR/usermods for MODULES (extension.Module) and OUTDIR's
    frozen manifest (the Python modules FREEZE and the layer's that MODULES
    or FREEZE import); returns the usermods path."""
    mods = os.path.join(outdir, "usermods")
    cymods = os.path.join(mods, "cymods")
    os.makedirs(cymods, exist_ok=True)
    layer.add_to(mods)
    flags = {}  # C or C++ file in cymods: its own flags
    c_files = []  # every module's C and helper source, for frozen.used_by
    interned = set()
    for m in modules:
        c_file = cython.module_c(m, os.path.join(cymods, ident(m.name) + "_cy"))
        interned |= generate.interned_names(c_file)
        c_files += [c_file] + [h for h in m.sources if h not in c_files]
        w = ident(m.name) + os.path.splitext(c_file)[1]
        include = c_file if c_file == m.src else os.path.basename(c_file)
        write_if_changed(
            os.path.join(cymods, w), generate.builtin_wrapper(c_file, include, m.name)
        )
        flags[w] = m.cflags()
    for h, (w, m) in helper_sources(modules).items():
        write_if_changed(os.path.join(cymods, w), generate.helper_wrapper(h))
        flags[w] = m.cflags()
    cxx = [w for w in flags if extension.is_cxx(w)]
    ldflags = []
    for m in modules:
        ldflags += [f for f in m.ldflags() if f not in ldflags]
    ldflags += CXX_RUNTIME if cxx else []
    write_if_changed(
        os.path.join(cymods, "mpcy_glue.c"),
        generate.glue_text([m.name for m in modules], interned),
    )
    write_if_changed(
        os.path.join(cymods, "micropython.mk"),
        CYMODS_MK.format(
            files=" ".join(w for w in flags if w not in cxx),
            cxx_files=" ".join(cxx),
            ldflags=" ".join(ldflags),
            c_only=" ".join(extension.C_ONLY_FLAGS),
            objflags="".join(
                "$(BUILD)/cymods/%s.o: %s += %s\n"
                % (os.path.splitext(w)[0], "CXXFLAGS" if w in cxx else "CFLAGS", shlex.join(f))
                for w, f in flags.items()
                if f
            ),
        ),
    )
    here = "${CMAKE_CURRENT_LIST_DIR}/"
    write_if_changed(
        os.path.join(cymods, "micropython.cmake"),
        CYMODS_CMAKE.format(
            files=" ".join(here + w for w in list(flags) + ["mpcy_glue.c"]),
            libraries=" ".join(lib for m in modules for lib in m.libraries),
            objflags="".join(
                'set_source_files_properties(%s%s PROPERTIES COMPILE_OPTIONS "%s")\n'
                % (here, w, ";".join(f))
                for w, f in flags.items()
                if f
            ),
        ),
    )
    write_if_changed(os.path.join(mods, "micropython.cmake"), TOP_CMAKE)
    freeze = [os.path.abspath(f) for f in freeze]
    frozen.write_manifest(outdir, frozen.used_by(c_files + freeze), freeze)
    return mods
