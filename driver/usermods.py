"""The user-module folder of a build (DIR/usermods), the same for every port:
the layer (mpcy/, a link to runtime/) and the Cython modules (cymods/:
Cython's C, a wrapper per module, the import glue), each with the
micropython.mk that make ports include and the micropython.cmake of CMake
ports."""
import os

from . import cython, generate, layer
from .common import (
    ROOT,
    check_toolchain,
    die,
    digest,
    ensure_deps,
    ident,
    micropy_dir,
    module_name,
    write_if_changed,
)

# Generated code is not held to MicroPython's -Werror (the layer is).
# The glue's stub and its smaller-typed alias (GLUE_STUB) share storage;
# AddressSanitizer would put a redzone after the alias's 16 bytes, over the
# rest of the stub.
CYMODS_MK = """CYMODS_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(addprefix $(CYMODS_DIR)/, {files})
$(BUILD)/cymods/%.o: CFLAGS += -Wno-error -w
$(BUILD)/cymods/mpcy_glue.o: CFLAGS += -fno-sanitize=address
"""

# The same for CMake ports (esp32, rp2): USER_C_MODULES=<DIR>/usermods/micropython.cmake.
# (Not built in CI; generated code there is compiled with the port's flags.)
CYMODS_CMAKE = """add_library(usermod_cymods INTERFACE)
target_sources(usermod_cymods INTERFACE {files})
target_link_libraries(usermod INTERFACE usermod_cymods)
"""
TOP_CMAKE = """include(${CMAKE_CURRENT_LIST_DIR}/mpcy/micropython.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/cymods/micropython.cmake)
"""


def check_sources(sources):
    """Checks the host tools and the sources, fetches the dependencies:
    (MicroPython folder, absolute source paths, module names)."""
    check_toolchain()
    ensure_deps()
    mp = micropy_dir()
    sources = [os.path.abspath(s) for s in sources]
    for s in sources:
        if not os.path.exists(s):
            die("%s: no such file" % s)
    names = [module_name(s) for s in sources]
    if len(set(names)) != len(names):
        die("two modules with the same name")
    return mp, sources, names


def default_outdir(prefix, mp, sources, names):
    """build/PREFIXKEY: one build folder per MicroPython and set of modules."""
    return os.path.join(
        ROOT, "build", prefix + digest(sorted(sources), mp + "|" + ",".join(names))
    )


def write(outdir, sources, names):
    """Writes OUTDIR/usermods for SOURCES (absolute paths, named NAMES); returns its path."""
    mods = os.path.join(outdir, "usermods")
    cymods = os.path.join(mods, "cymods")
    os.makedirs(cymods, exist_ok=True)
    layer.add_to(mods)
    wrappers = []
    for src, name in zip(sources, names):
        c_file = cython.module_c(src, name, os.path.join(cymods, ident(name) + "_cy.c"))
        w = ident(name) + ".c"
        include = c_file if c_file == src else os.path.basename(c_file)
        write_if_changed(os.path.join(cymods, w), generate.builtin_wrapper(c_file, include, name))
        wrappers.append(w)
    write_if_changed(os.path.join(cymods, "mpcy_glue.c"), generate.glue_text(names))
    write_if_changed(
        os.path.join(cymods, "micropython.mk"),
        CYMODS_MK.format(files=" ".join(wrappers + ["mpcy_glue.c"])),
    )
    write_if_changed(
        os.path.join(cymods, "micropython.cmake"),
        CYMODS_CMAKE.format(
            files=" ".join("${CMAKE_CURRENT_LIST_DIR}/" + w for w in wrappers + ["mpcy_glue.c"])
        ),
    )
    write_if_changed(os.path.join(mods, "micropython.cmake"), TOP_CMAKE)
    return mods
