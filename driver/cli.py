"""The command line of ./mpcython: argparse, one sub-parser per command."""
import argparse
import os
import re

from . import cython, embed, extension, natmod, qemu, unix
from .common import die

PROG = "mpcython"

OVERVIEW = """\
Build Cython modules into MicroPython and run them.

  mpcython build A.pyx [B.pyx ...] [-o DIR]       a unix MicroPython with A, B built in; prints its path
  mpcython run A.pyx [B.pyx ...] [-- SCRIPT.py [ARGS ...]]
                                                  builds (cached under build/), runs SCRIPT or the REPL
  mpcython build --shared A.pyx [-o DIR]          A as a loadable module DIR/A.so; prints its path
  mpcython build --mpy A.pyx [B.pyx ...] [-o DIR] [--arch {x64,armv7m}]
                                                  each module as a native .mpy, DIR/A.mpy, for a stock
                                                  MicroPython (no firmware rebuild); prints their paths
  mpcython host [-o DIR]                          a unix MicroPython with no modules that imports .so
                                                  modules from sys.path (MICROPYPATH); prints its path
  mpcython build|run --port qemu [--board B] ...  the same for a firmware of MicroPython's qemu
                                                  port: Cortex-M3 (MPS2_AN385, the default) or
                                                  RISC-V (VIRT_RV32) under qemu (docs/embedded.md)
  mpcython stock [--port {unix,qemu}] [--board B] [-o DIR]
                                                  MicroPython of the pinned release as its port
                                                  builds it, nothing of the layer; prints its path
  mpcython run --stock [--port {unix,qemu}] [--mount DIR] [-- SCRIPT.py [ARGS ...]]
                                                  SCRIPT on that MicroPython, importing from DIR
                                                  (on qemu: read over the serial link)
  mpcython embed MAIN.c [more.c ...] [A.pyx ...] -o PROGRAM [--heap SIZE] [--stack-limit SIZE]
                 [--freeze m.py ...] [--gc-stress]
                                                  a C program embedding MicroPython (docs/embedding.md)

`mpcython COMMAND --help` describes each command and its options.
"""

NOTES = """\
A module's name is its file name without .pyx; `pkg.mod.pyx` becomes the
dotted module `pkg.mod`. A hand-written CPython-style extension module
(NAME.c defining PyInit_NAME with PyModule_Create) may stand next to the
.pyx files of build and run; any other .c file (or C++ file: .cpp, .cc,
.cxx) is a helper source linked with the modules. As setuptools' Extension:
the folder of each .pyx is on the include path, and `# distutils: sources /
include_dirs / define_macros / libraries / extra_compile_args / language`
comments at the top of a .pyx apply to it (paths relative to the .pyx); a
module with `language = c++` (or every module, with --cplus) is compiled as
C++ and the build links the C++ runtime.

Build progress goes to stderr; stdout is the result (a path, or the
script's output). Environment: MICROPY_DIR and CYTHON point at a user's own
MicroPython tree and Cython (a cython executable or source folder);
MICROPY_VERSION picks another supported MicroPython release (fetched into
deps/micropython-VERSION; docs/embedded.md);
MPCY_CFLAGS, MPCY_LDFLAGS and MPCY_MAKEFLAGS add C flags, linker flags and
make variables to the MicroPython build (e.g. MPCY_MAKEFLAGS="DEBUG=1").
"""

PORTS = ("unix", "qemu")


class Parser(argparse.ArgumentParser):
    def error(self, message):
        die("%s (see `%s --help`)" % (message, self.prog))


def size(text):
    """--heap, --stack-limit: a number of bytes, or with K or M."""
    m = re.match(r"^(\d+)([kKmM]?)$", text)
    if not m:
        raise argparse.ArgumentTypeError("bad size %r (a number of bytes, or with K or M)" % text)
    return int(m.group(1)) * {"": 1, "k": 1024, "m": 1024 * 1024}[m.group(2).lower()]


def parsers():
    """The top-level parser (for --help) and {command: its parser}."""
    fmt = argparse.RawDescriptionHelpFormatter
    top = Parser(
        prog=PROG,
        usage="%(prog)s COMMAND [options] ...",
        description=OVERVIEW,
        epilog=NOTES,
        formatter_class=fmt,
        allow_abbrev=False,
    )
    commands = top.add_subparsers(title="commands", metavar="COMMAND")
    subs = {}

    def command(name, help, usage, description):
        p = commands.add_parser(
            name,
            prog=PROG + " " + name,
            help=help,
            usage=usage,
            description=description,
            formatter_class=fmt,
            allow_abbrev=False,
        )
        subs[name] = p
        return p

    def frozen_modules(p):
        p.add_argument(
            "--freeze",
            action="append",
            default=[],
            metavar="m.py",
            help="a Python module frozen into the build as bytecode (`import m`), as the "
            "layer's own; may be repeated (not with --shared, --mpy or --stock)",
        )

    def modules(p):
        p.add_argument(
            "sources",
            nargs="*",
            metavar="A.pyx",
            help=".pyx or .py files compiled by Cython, hand-written CPython-style extension "
            "modules (NAME.c defining PyInit_NAME), or helper C sources (any other .c: "
            "compiled and linked with the modules); a module is named after its file, "
            "pkg.mod.pyx is the dotted module pkg.mod",
        )
        p.add_argument(
            "-I",
            action="append",
            default=[],
            metavar="DIR",
            dest="include_dirs",
            help="a folder on the C include path of the modules and helper sources, after the "
            "folder of each .pyx; may be repeated",
        )
        p.add_argument(
            "-D",
            action="append",
            default=[],
            metavar="NAME[=VALUE]",
            dest="defines",
            help="a C macro for the modules and helper sources; may be repeated",
        )
        p.add_argument(
            "-X",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            dest="directives",
            help="a Cython compiler directive for every module (as cythonize's "
            "compiler_directives, e.g. -X language_level=2); may be repeated",
        )
        p.add_argument(
            "--small",
            action="store_true",
            help="the size profile for small boards: Cython directives that give up CPython "
            "details for a smaller module (%s; docs/embedded.md lists what they give up); "
            "-X directives still win" % ", ".join(cython.SMALL_DIRECTIVES),
        )
        p.add_argument(
            "--cplus",
            action="store_true",
            help="compile every .pyx as C++ (as `# distutils: language = c++` does for one); "
            "C++ helper sources (.cpp, .cc, .cxx) may be given as .c ones",
        )

    def build_folder(p):
        p.add_argument(
            "-o", metavar="DIR", dest="out", help="the build folder (default: one under build/)"
        )

    def port(p):
        p.add_argument(
            "--port",
            default="unix",
            metavar="{unix,qemu}",
            help="unix (the default): a unix MicroPython executable; qemu: a firmware for the "
            "Cortex-M3 board MPS2_AN385 run under qemu-system-arm (docs/embedded.md; "
            "MPCY_QEMU_HEAP sets its heap, MPCY_QEMU_TIMEOUT the seconds a run may stay silent)",
        )
        p.add_argument(
            "--board",
            metavar="{%s}" % ",".join(sorted(qemu.BOARDS)),
            help="with --port qemu: the board (default %s, or MPCY_QEMU_BOARD); "
            "VIRT_RV32: RISC-V rv32imac under qemu-system-riscv32" % qemu.DEFAULT_BOARD,
        )

    p = command(
        "build",
        "build MicroPython with the modules built in (or loadable .so modules); print the path",
        "%(prog)s [--shared | --mpy [--arch {x64,armv7m}] [--runtime {shared,pruned,copy}] | "
        "--port {unix,qemu} [--board B]] "
        "[-o DIR] A.pyx [B.pyx ...]",
        "Builds a MicroPython with the modules built in and prints its path (unix: the executable, "
        "qemu: firmware.elf).\nWith --shared, builds each module as a loadable DIR/NAME.so instead "
        "(dots in NAME become folders)\nand prints their paths; `mpcython host` imports them.\n"
        "With --mpy, builds each module as a MicroPython native module DIR/NAME.mpy (dots in NAME\n"
        "become folders) that a stock MicroPython of the pinned release imports with no firmware\n"
        "rebuild (`mpcython run --stock --mount DIR`), and prints their paths. On x64 the modules\n"
        "share the layer, DIR/mpcy_rt_ABI_ARCH.mpy (some 200 KB, written beside them), and\n"
        "Cython's shared types; with --runtime pruned that runtime holds only what the modules\n"
        "given reach (a module of another set is refused at import); with --runtime copy\n"
        "(armv7m's default) each .mpy holds its own copy of the layer and types (no cimport\n"
        "between modules). What a natmod cannot do differs\n"
        "from the static build: no finalisers (__dealloc__, __del__ do not run), no Python class\n"
        'deriving from a cdef class, no compiling source (docs/embedded.md, "Without rebuilding\n'
        'the firmware"). Needs pyelftools (Debian: python3-pyelftools) and, for armv7m,\n'
        "arm-none-eabi-gcc (gcc-arm-none-eabi); the layer's runtime is compiled once per\n"
        "architecture under build/natmod-runtime.",
    )
    modules(p)
    frozen_modules(p)
    p.add_argument(
        "-o",
        metavar="DIR",
        dest="out",
        help="the build folder (default: one under build/ per set of modules; --shared: the "
        "current folder)",
    )
    p.add_argument(
        "--shared", action="store_true", help="loadable .so modules for `mpcython host` (unix)"
    )
    p.add_argument(
        "--mpy",
        action="store_true",
        help="native .mpy modules for a stock MicroPython (no firmware rebuild)",
    )
    p.add_argument(
        "--arch",
        metavar="{%s}" % ",".join(sorted(natmod.ARCHES)),
        help="with --mpy: the machine (default x64: the unix port on a PC; armv7m: Cortex-M3 "
        "and up, e.g. the qemu board MPS2_AN385)",
    )
    p.add_argument(
        "--runtime",
        choices=["shared", "pruned", "copy"],
        help="with --mpy: shared (x64's default): the layer once in DIR/mpcy_rt_ABI_ARCH.mpy, "
        "which each module imports; pruned: that runtime with only what these modules reach "
        "(it serves only them: rebuild them together); copy (armv7m's default: the shared "
        "runtime is larger than the qemu board's heap): a copy of the layer in every module",
    )
    port(p)

    p = command(
        "run",
        "build (cached) and run a script with the modules, or the REPL",
        "%(prog)s [--port {unix,qemu} [--board B]] [-o DIR] [--mount DIR] "
        "(A.pyx [B.pyx ...] | --stock) [-- SCRIPT.py [ARGS ...]]",
        "Builds as `mpcython build` (cached: an unchanged build is not redone), then runs SCRIPT.py\n"
        "with ARGS (everything after `--`) or, without a script, the REPL. stdout, stderr and the\n"
        "exit status are the script's. With --stock, no modules: the MicroPython `mpcython stock`\n"
        "builds (files such as .py, .mpy and native .mpy modules reach it through --mount).",
    )
    modules(p)
    frozen_modules(p)
    build_folder(p)
    p.add_argument(
        "--stock",
        action="store_true",
        help="run on the unmodified MicroPython of `mpcython stock` instead of a build with modules",
    )
    p.add_argument(
        "--mount",
        metavar="DIR",
        help="a host folder the script imports from: unix: first on sys.path after the script's "
        "own folder (MICROPYPATH); qemu: mounted read only at %s, first on sys.path, its "
        "files read over the serial link as the script asks for them (as `mpremote mount`)"
        % qemu.MOUNT_POINT,
    )
    port(p)

    p = command(
        "host",
        "build a unix MicroPython that imports .so modules; print its path",
        "%(prog)s [-o DIR]",
        "Builds a unix MicroPython with the layer and no modules, which imports NAME.so (from\n"
        "`mpcython build --shared`) from the folders on sys.path, and prints its path:\n"
        "  MICROPYPATH=.frozen:DIR $(mpcython host) script.py\n"
        "(.frozen: the frozen modules, asyncio; MICROPYPATH replaces the default sys.path)",
    )
    build_folder(p)

    p = command(
        "stock",
        "build MicroPython as its port builds it, nothing of the layer; print its path",
        "%(prog)s [--port {unix,qemu} [--board B]] [-o DIR]",
        "Builds the pinned MicroPython release as its port builds it by default, with no user C\n"
        "module and nothing of the layer (unix: the executable, without FFI, SSL and btree, whose\n"
        "sources the Debian source lacks; qemu: firmware.elf), and prints its path: the\n"
        "unmodified MicroPython to try a file against.",
    )
    build_folder(p)
    port(p)

    p = command(
        "embed",
        "build a C program that embeds MicroPython; print its path",
        "%(prog)s MAIN.c [more.c ...] [A.pyx ...] -o PROGRAM [--heap SIZE] [--stack-limit SIZE] "
        "[--freeze m.py ...] [--gc-stress]",
        "Builds a C program that embeds MicroPython (its embed port) the way a program embeds "
        "CPython\n(Py_Initialize, PyRun_SimpleString, ...), with the Cython modules importable; "
        "Cython's A.h / A_api.h\nare on the include path. Prints the program's path. "
        "docs/embedding.md",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="the C (or C++: .cpp, .cc, .cxx) file with main(), more C or C++ files, and "
        ".pyx/.py modules compiled by Cython (as C++ where a .pyx says "
        "`# distutils: language = c++`)",
    )
    p.add_argument("-o", metavar="PROGRAM", dest="out", help="the program to write (required)")
    p.add_argument(
        "--heap",
        type=size,
        metavar="SIZE",
        help="the GC heap in bytes, or with K or M (default: runtime/pylifecycle.c)",
    )
    p.add_argument(
        "--stack-limit",
        type=size,
        metavar="SIZE",
        help="the stack MicroPython may use, in bytes or with K or M (default: runtime/pylifecycle.c)",
    )
    p.add_argument(
        "--freeze",
        action="append",
        default=[],
        metavar="m.py",
        help="a Python module frozen into the program as source (`import m`); may be repeated",
    )
    p.add_argument(
        "--gc-stress", action="store_true", help="a garbage collection before every allocation"
    )
    return top, subs


def main(argv):
    """argv: the arguments after the program name; returns the exit status."""
    top, subs = parsers()
    if not argv or argv[0] in ("-h", "--help"):
        top.print_help()
        return 0 if argv else 2
    cmd, rest = argv[0], argv[1:]
    if cmd not in subs:
        die("unknown command %r (%s; see `%s --help`)" % (cmd, ", ".join(subs), PROG))
    script = None
    if "--" in rest:  # everything after it is the script and its arguments
        i = rest.index("--")
        rest, script = rest[:i], rest[i + 1 :]
        if cmd != "run":
            die("`-- SCRIPT` is for run, not %s" % cmd)
    args = subs[cmd].parse_intermixed_args(rest)
    if cmd == "host":
        print(os.path.join(unix.host(args.out), "build-unix", "micropython"))
        return 0
    if cmd == "embed":
        return embed.embed(
            args.files, args.out, args.heap, args.stack_limit, args.freeze, args.gc_stress
        )
    if args.port not in PORTS:
        die("unknown port %r (unix or qemu)" % args.port)
    if args.board and args.port != "qemu":
        die("--board is for --port qemu")
    if cmd == "stock":
        print(qemu.stock(args.out, args.board) if args.port == "qemu" else unix.stock(args.out))
        return 0
    mount = getattr(args, "mount", None)
    if mount and not os.path.isdir(mount):
        die("--mount %s: no such folder" % mount)
    if getattr(args, "stock", False):
        if args.sources or args.freeze:
            die(
                "--stock runs MicroPython as it comes: no .pyx files, no --freeze (put .py and "
                ".mpy files in --mount)"
            )
        if args.port == "qemu":
            return qemu.run(None, args.out, script, None, qemu.target(args.board).name, mount)
        unix.exec_script(unix.stock(args.out, True), script, mount)
    if not args.sources:
        die("no .pyx files given")
    for f in args.freeze:
        if not f.endswith(".py") or not os.path.isfile(f):
            die("--freeze takes .py files: %s" % f)
    if args.freeze and (getattr(args, "shared", False) or getattr(args, "mpy", False)):
        die("--freeze is for builds with the modules in: not with --shared or --mpy")
    directives = (list(cython.SMALL_DIRECTIVES) if args.small else []) + args.directives
    if cmd == "build" and args.mpy:
        if args.shared or args.port != "unix" or args.board:
            die(
                "--mpy builds native modules for a stock MicroPython: no --shared, --port, --board"
            )
        if args.cplus:
            die("--mpy builds C modules: no --cplus")
        arch = args.arch or "x64"
        out = os.path.abspath(args.out or ".")
        for mpy in natmod.build_all(
            args.sources,
            out,
            arch,
            directives,
            args.include_dirs,
            args.defines,
            args.runtime,
        ):
            print(mpy)
        return 0
    if cmd == "build" and args.arch:
        die("--arch is for --mpy")
    if cmd == "build" and args.runtime:
        die("--runtime is for --mpy")
    options = extension.Options(args.include_dirs, args.defines, directives, args.cplus)
    if cmd == "build" and args.shared:
        if args.port != "unix":
            die("--shared builds modules for the unix port, not %s" % args.port)
        for so in unix.build_shared(args.sources, args.out, options):
            print(so)
        return 0
    if args.port == "qemu":
        board = qemu.target(args.board).name
        if cmd == "build":
            print(qemu.build(args.sources, args.out, False, options, board, args.freeze))
            return 0
        return qemu.run(args.sources, args.out, script, options, board, mount, args.freeze)
    if cmd == "build":
        print(unix.build(args.sources, args.out, False, options, args.freeze))
        return 0
    unix.exec_script(unix.build(args.sources, args.out, True, options, args.freeze), script, mount)
