"""What setuptools' Extension gives a module beyond its .pyx: the .pyx folder
on the include path, helper C and C++ sources, include folders, macros,
libraries, compile arguments and the language, from the command line (`-I`,
`-D`, `--cplus`, `.c`/`.cpp` files that are not modules) and from
`# distutils:` comments at the top of the .pyx.

A `.c` file is a hand-written extension module when it defines
`PyInit_<name>`; any other `.c` or C++ file is a helper source, compiled with
the modules of the build and linked to them (as the `sources` of an
Extension). A module is C++ when its .pyx says `# distutils: language = c++`
(as cythonize reads it) or the build is given `--cplus`: Cython then writes
C++, compiled by the C++ compiler and linked with its runtime."""
import collections
import os
import re

from .common import die, module_name

# The `# distutils:` keys the driver honours; Cython's own parser
# (Cython/Build/Dependencies.py, DistutilsInfo) knows more, which setuptools
# alone acts on (library_dirs, extra_link_args, ...): refused, so that a build
# never silently differs from setuptools'.
DISTUTILS_KEYS = (
    "sources",
    "include_dirs",
    "define_macros",
    "libraries",
    "extra_compile_args",
    "language",
)
CXX_SUFFIXES = (".cpp", ".cc", ".cxx")
HELPER_SUFFIXES = (".c",) + CXX_SUFFIXES
DEFINE = re.compile(r"^([A-Za-z_]\w*)(?:=(.*))?$")
PYINIT = re.compile(r"\bPyInit_(\w+)\s*\(")

# The command line's options for every module of a build: -I folders, -D
# macros, -X Cython directives (NAME=VALUE, as cythonize's compiler_directives),
# --cplus (every .pyx as C++).
Options = collections.namedtuple("Options", "include_dirs defines directives cplus")
NO_OPTIONS = Options((), (), (), False)


# C compiler flags a C++ compile refuses or warns about (the unix port's
# Makefile drops the same ones from its CXXFLAGS).
C_ONLY_FLAGS = re.compile(
    r"^-std=|^-Wmissing-prototypes$|^-Wold-style-definition$|^-Wstrict-prototypes$"
)


def is_cxx(path):
    """A C++ source, by its name."""
    return path.endswith(CXX_SUFFIXES)


def flags_for(src, flags):
    """C compiler FLAGS for compiling SRC: without the C-only ones for C++."""
    return [f for f in flags if not C_ONLY_FLAGS.match(f)] if is_cxx(src) else list(flags)


def wants_cplus(src):
    """The .pyx SRC says `# distutils: language = c++` (cythonize's C++ switch)."""
    return distutils_comments(src).get("language", (0, []))[1] == ["c++"]


class Module:
    """One module of a build: its source, dotted name, and the C-level
    options of its Extension (absolute paths)."""

    def __init__(self, src, name):
        self.src = src
        self.name = name
        self.cplus = False  # Cython writes C++
        self.sources = []  # helper .c/.cpp files linked with this module
        self.include_dirs = []
        self.defines = []  # "NAME" or "NAME=VALUE"
        self.libraries = []
        self.compile_args = []
        self.directives = []  # Cython's -X NAME=VALUE

    def cflags(self):
        """The C flags of this module's C and its helpers: the .pyx folder
        first (as when the C is generated beside the .pyx), then the include
        folders, macros and arguments in the order given."""
        return (
            ["-I" + d for d in [os.path.dirname(self.src)] + self.include_dirs]
            + ["-D" + d for d in self.defines]
            + self.compile_args
        )

    def ldflags(self):
        return ["-l" + lib for lib in self.libraries]

    def key(self):
        """Everything that changes the build of this module, as text."""
        return "|".join(
            [self.name]
            + self.sources
            + self.include_dirs
            + self.defines
            + self.libraries
            + self.compile_args
            + self.directives
            + ["c++" if self.cplus else "c"]
        )


def check_define(text, where):
    if not DEFINE.match(text):
        die("%s: bad macro %r (expected NAME or NAME=VALUE)" % (where, text))
    return text


def check_dir(path, where):
    if not os.path.isdir(path):
        die("%s: no such folder %s" % (where, path))
    return path


def is_extension_module(path):
    """A hand-written CPython-style extension module: a .c defining PyInit_NAME."""
    with open(path, errors="replace") as f:
        return module_name(path) in PYINIT.findall(f.read())


def parse_list(value):
    """A `# distutils:` list, as Cython's parse_list: `a b c` or `[a, b, c]`,
    items optionally quoted."""
    value = value.strip()
    if len(value) >= 2 and value[0] == "[" and value[-1] == "]":
        items = value[1:-1].split(",")
    else:
        items = re.findall(r"\"[^\"]*\"|'[^']*'|\S+", value)
    out = []
    for item in items:
        item = item.strip()
        if len(item) >= 2 and item[0] in "'\"" and item[-1] == item[0]:
            item = item[1:-1]
        if item:
            out.append(item)
    return out


def distutils_comments(src):
    """{key: (line number, list)} from the comment lines that open SRC (Cython
    reads `# distutils:` only there)."""
    found = {}
    with open(src, errors="replace") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            if not line.startswith("#"):
                break
            m = re.match(r"#\s*distutils:\s*(\w+)\s*=(.*)$", line)
            if m:
                found[m.group(1)] = (n, parse_list(m.group(2)))
    return found


def apply_distutils(mod):
    """Adds MOD's `# distutils:` settings; paths are relative to the .pyx."""
    here = os.path.dirname(mod.src)
    for key, (line, values) in distutils_comments(mod.src).items():
        where = "%s:%d" % (mod.src, line)
        if key not in DISTUTILS_KEYS:
            die(
                "%s: `# distutils: %s` is not supported by mpcython (supported: %s)"
                % (where, key, ", ".join(DISTUTILS_KEYS))
            )
        if key == "sources":
            for s in values:
                path = os.path.normpath(os.path.join(here, s))
                if not path.endswith(HELPER_SUFFIXES):
                    die(
                        "%s: %s: only C and C++ sources (%s) are supported"
                        % (where, s, ", ".join(HELPER_SUFFIXES))
                    )
                if not os.path.isfile(path):
                    die("%s: no such file %s" % (where, path))
                mod.sources.append(path)
        elif key == "include_dirs":
            mod.include_dirs += [
                check_dir(os.path.normpath(os.path.join(here, d)), where) for d in values
            ]
        elif key == "define_macros":
            mod.defines += [check_define(d, where) for d in values]
        elif key == "libraries":
            mod.libraries += values
        elif key == "language":
            if values not in (["c"], ["c++"]):
                die("%s: language must be c or c++, not %s" % (where, " ".join(values)))
            mod.cplus = mod.cplus or values == ["c++"]
        else:
            mod.compile_args += values


def modules(sources, options=None):
    """The modules of a build from the command line's SOURCES (absolute
    paths, existing) and OPTIONS (Options): a list of Module. A helper .c
    given on the command line is linked with every module of the build;
    the options apply to every module (-I and -D to its helpers too)."""
    options = options or NO_OPTIONS
    include_dirs = [check_dir(os.path.abspath(d), "-I") for d in options.include_dirs]
    defines = [check_define(d, "-D") for d in options.defines]
    for d in options.directives:
        if not re.match(r"^\w+=", d):
            die("-X: bad Cython directive %r (expected NAME=VALUE)" % d)
    mods, helpers = [], []
    for src in sources:
        if is_cxx(src) or (src.endswith(".c") and not is_extension_module(src)):
            helpers.append(src)
            continue
        mod = Module(src, module_name(src))
        mod.include_dirs += include_dirs
        mod.defines += defines
        mod.directives += options.directives
        if src.endswith((".pyx", ".py")):
            mod.cplus = options.cplus
            apply_distutils(mod)
        mods.append(mod)
    if helpers and not mods:
        die(
            "%s: no module to link with (a .c or C++ file is a helper source unless it defines "
            "PyInit_%s)" % (helpers[0], os.path.splitext(os.path.basename(helpers[0]))[0])
        )
    for mod in mods:
        mod.sources += [h for h in helpers if h not in mod.sources]
    names = [m.name for m in mods]
    if len(set(names)) != len(names):
        die("two modules with the same name")
    return mods
