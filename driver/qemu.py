"""`./mpcython build|run --port qemu [--board B]`: Cython modules in a firmware
of MicroPython's `qemu` port, run headless under qemu-system-*.

Boards (BOARDS): MPS2_AN385 (Cortex-M3, the default), built with
arm-none-eabi-gcc, run under qemu-system-arm; VIRT_RV32 (RISC-V rv32imac),
built with riscv64-unknown-elf-gcc and picolibc, run under
qemu-system-riscv32. Both are 32 bit with single-precision floats and a
140 KiB heap. Scripts run through MicroPython's raw REPL (tools/pyboard.py,
as the port's own `make test` does) over the emulator's stdin and stdout,
one fresh emulator per script.

The user-module folder (layer + Cython-generated C + import glue) is the one
`./mpcython build` generates for unix (driver/usermods.py); only the
MicroPython build differs (see make_qemu). Nothing in MicroPython's tree is
edited: the layer's options come with its user module (runtime/mpcy_config.h),
the rest are make variables. MPZ long ints and floats the port has already
(MICROPY_FLOAT_IMPL_FLOAT: single precision, software float on both);
none of the unix-only options (driver/unix.py): no .so loading, no threads.

Environment: MPCY_QEMU_HEAP (GC heap bytes, default the port's 143360),
MPCY_QEMU_TIMEOUT (seconds without output before a run is abandoned,
default 120), MPCY_QEMU_BOARD (the board when --board is not given),
MPCY_CFLAGS (extra C flags, as for unix).
"""
import ast
import base64
import collections
import os
import re
import select
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile

from . import errors, frozen, layer, usermods
from .common import GC_STRESS, ROOT, die, digest, ensure_deps, log, micropy_dir

# A board of the qemu port, as its Makefile and boards/NAME/mpconfigboard.mk
# define it: the qemu-deps.sh architecture that installs its toolchain, the
# cross compiler's prefix, the emulator and its arguments (the Makefile's
# QEMU_ARGS), the Debian packages (for messages), make variables for every
# build of the board and those for a build with the layer (the emulator's
# arguments but for its console and monitor, which Board and repl give).
Target = collections.namedtuple(
    "Target", "name arch cross qemu qemu_args packages port_vars layer_vars"
)

BOARDS = {
    t.name: t
    for t in (
        Target(
            "MPS2_AN385",
            "arm",
            "arm-none-eabi-",
            "qemu-system-arm",
            ["-machine", "mps2-an385", "-nographic", "-semihosting"],
            "gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm",
            [],
            # -nostdlib: the few C functions the layer needs (tools/mpcy_libc),
            # and a linker script that drops libgcc's unwind tables.
            ["MPCY_LIBC_EXTRA=1", "LDSCRIPT=" + os.path.join(ROOT, "tools", "qemu-mps2.ld")],
        ),
        Target(
            "VIRT_RV32",
            "riscv32",
            "riscv64-unknown-elf-",
            "qemu-system-riscv32",
            [
                "-bios",
                "none",
                "-machine",
                "virt",
                "-nographic",
                "-semihosting",
            ],
            "gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc",
            # The port's -march=rv32imac_zicsr (GCC 11 and later) matches none of
            # Debian's multilibs, so gcc would link the rv64 C library and libgcc;
            # rv32imac under the ISA spec 2.2 is the same instruction set (Zicsr
            # and Zifencei still part of I) and selects rv32imac/ilp32.
            ["RV32_ARCH=rv32imac -misa-spec=2.2"],
            # The port links picolibc, whose abort() needs a process (_exit, kill):
            # abort() and malloc from tools/mpcy_libc, as on the Cortex-M3; and
            # picolibc's thread-local errno, which the port's startup leaves
            # without a block (tools/qemu-virt-rv32.ld, mpcy_libc/libc_tls.c).
            [
                "MPCY_LIBC_EXTRA=system",
                "MPCY_LIBC_TLS=1",
                "LDSCRIPT=" + os.path.join(ROOT, "tools", "qemu-virt-rv32.ld"),
            ],
        ),
    )
}
DEFAULT_BOARD = "MPS2_AN385"
DEFAULT_TIMEOUT = 120


def target(name=None):
    """The Target called NAME (default: MPCY_QEMU_BOARD, else MPS2_AN385)."""
    name = name or os.environ.get("MPCY_QEMU_BOARD") or DEFAULT_BOARD
    if name not in BOARDS:
        die("unknown qemu board %r (%s)" % (name, ", ".join(sorted(BOARDS))))
    return BOARDS[name]


# ---------------------------------------------------------------- toolchain


def ensure_toolchain(board=None):
    """The board's cross compiler and C library and its qemu-system-*:
    install the Debian packages when missing (tools/qemu-deps.sh, needs root)."""
    t = target(board)
    if shutil.which(t.cross + "gcc") and shutil.which(t.qemu):
        return
    log("installing the %s toolchain (tools/qemu-deps.sh %s)" % (t.name, t.arch))
    script = os.path.join(ROOT, "tools", "qemu-deps.sh")
    if subprocess.call(["bash", script, t.arch], stdout=sys.stderr) != 0:
        die(
            "missing toolchain for --port qemu --board %s: %sgcc, %s "
            "(on Debian: apt-get install %s)" % (t.name, t.cross, t.qemu, t.packages)
        )


def pyboard_module(mp):
    """MicroPython's tools/pyboard.py (raw REPL client; its serial links,
    which need pyserial, are not used: PipeLink)."""
    tools = os.path.join(mp, "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import pyboard

    return pyboard


# ---------------------------------------------------------------- build


def heap_size():
    return os.environ.get("MPCY_QEMU_HEAP", "")


def make_cmd(mp, build_dir, mods, board=None):
    t = target(board)
    cmd = [
        "make",
        "-C",
        os.path.join(mp, "ports", "qemu"),
        "-j%d" % (os.cpu_count() or 2),
        "BOARD=" + t.name,
        "BUILD=" + build_dir,
    ] + t.port_vars
    if mods is None:
        # The port's default manifest needs micropython-lib's unittest (not in the +ds tarball).
        cmd.append("FROZEN_MANIFEST=")
    else:
        # the build's frozen modules (asyncio, the layer's modules its
        # modules import: the manifest usermods.write put beside BUILD_DIR),
        # as on unix (with tools/mpcy_qemu)
        cflags = shlex.split(os.environ.get("MPCY_CFLAGS", ""))
        cmd += (
            frozen.make_vars(mp, frozen.manifest_path(os.path.dirname(build_dir)))
            + [
                "USER_C_MODULES=" + mods,
                "CFLAGS_EXTRA=" + " ".join(cflags),
            ]
            + t.layer_vars
        )
        if usermods.has_cxx(mods):
            cmd += cxx_vars(t)
    if heap_size():
        cmd.append("MICROPY_HEAP_SIZE=" + heap_size())
    return cmd


# C++ modules on a board (the boards not listed have none yet): the multilib
# flags and the linker script that replaces the layer's (later on make's
# command line, so it wins). The port links
# with -nostdlib and only libgcc (LIBS, after the objects); C++ adds newlib's
# C++ and C libraries for the board's multilib (its CPU flags: the link
# command has none). Not the _nano variants: they are built without unwind
# tables, so no exception could pass through them. The linker script keeps
# the .ARM.exidx unwind tables that qemu-mps2.ld drops.
CXX = {
    "MPS2_AN385": (
        ["-mthumb", "-mcpu=cortex-m3", "-mfloat-abi=soft"],
        os.path.join(ROOT, "tools", "qemu-mps2-cxx.ld"),
    ),
}
CXX_LIBS = ("libstdc++.a", "libsupc++.a", "libm.a", "libc.a", "libgcc.a")


def is_cxx_runtime(obj):
    """An object of a firmware's map file that only C++ modules bring: the
    C++ library, newlib's C library and libm, libgcc's unwinder."""
    return (
        re.search(
            r"lib(?:std|sup)c\+\+\.a|/lib[cm]\.a\(|libgcc\.a\((?:unwind|pr-support|libunwind)", obj
        )
        is not None
    )


def cxx_vars(t):
    """The make variables of a firmware of board T with C++ modules."""
    if t.name not in CXX:
        die(
            "C++ modules are not supported on the %s board yet (only on %s)"
            % (t.name, ", ".join(CXX))
        )
    flags, ldscript = CXX[t.name]
    paths = []
    for lib in CXX_LIBS:
        p = subprocess.run(
            [t.cross + "gcc"] + flags + ["-print-file-name=" + lib],
            stdout=subprocess.PIPE,
            text=True,
        )
        path = p.stdout.strip()
        if p.returncode != 0 or not os.path.isabs(path):
            die("%s not found for the board: apt-get install libstdc++-arm-none-eabi-newlib" % lib)
        paths.append(path)
    return [
        "LDSCRIPT=" + ldscript,
        "LIBS=" + " ".join(["-Wl,--start-group"] + paths + ["-Wl,--end-group"]),
    ]


# The user modules of tools/ beside the layer in every firmware with it.
TOOLS_MODULES = ("mpcy_libc", "mpcy_qemu")


def make_qemu(mp, outdir, mods, names, quiet, board=None):
    """Build BOARD's firmware into OUTDIR/build-qemu; returns the firmware.elf
    path. mods=None builds the plain port (no layer), for size comparisons."""
    t = target(board)
    ensure_toolchain(t.name)
    build_dir = os.path.join(outdir, "build-qemu")
    if mods is not None:
        # a port that links no C library: the few functions the layer needs
        # (tools/mpcy_libc, compiled when layer_vars set MPCY_LIBC_EXTRA);
        # what the port lacks for asyncio (tools/mpcy_qemu)
        for name in TOOLS_MODULES:
            link = os.path.join(mods, name)
            if not os.path.islink(link):
                os.symlink(os.path.join(ROOT, "tools", name), link)
    cmd = make_cmd(mp, build_dir, mods, t.name)
    # make does not notice changed flags: start over when they change
    # (ours, the user's, or those of the layer's own micropython.mk).
    stamp = os.path.join(outdir, "qemu-options.stamp")
    tools_mk = [os.path.join(ROOT, "tools", n, "micropython.mk") for n in TOOLS_MODULES]
    options = " ".join(cmd[4:]) + "|" + layer.make_flags_key() + digest(tools_mk, "")  # (not -jN)
    if not os.path.exists(stamp) or open(stamp).read() != options:
        shutil.rmtree(build_dir, ignore_errors=True)
        os.makedirs(outdir, exist_ok=True)
        with open(stamp, "w") as f:
            f.write(options)
    if not quiet:
        what = (" with %s" % ", ".join(names)) if names else (" with the layer" if mods else "")
        log("building the %s firmware (qemu port)%s" % (t.name, what))
    if mods is not None:
        frozen.refresh(cmd, build_dir, frozen.manifest_path(outdir))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        errors.fail(p.stdout, "the qemu firmware build failed", explain)
    return os.path.join(build_dir, "firmware.elf")


def explain(output):
    """errors.explain, and what is particular to this board."""
    if re.search(r"region [`']?\w+'? overflowed|will not fit in region", output):
        return (
            "the firmware does not fit the board's memory (MPS2_AN385: 4 MiB for code, data "
            "and heap; VIRT_RV32: 4 MiB code, 2 MiB data and heap): "
            "build fewer modules at once or set MPCY_QEMU_HEAP smaller"
        )
    missing = errors.missing_names(output)
    return errors.explain(output) or (
        "undefined on this target: " + ", ".join(missing) if missing else None
    )


def stock(outdir=None, board=None, quiet=False):
    """BOARD's firmware of the pinned MicroPython as the port builds it, with
    nothing of the layer (no frozen modules: the port's manifest needs
    micropython-lib's unittest); returns the firmware.elf path."""
    t = target(board)
    ensure_deps()
    mp = micropy_dir()
    name = "stock-qemu-%s-%s" % (t.name.lower(), digest([], mp))
    outdir = os.path.abspath(outdir or os.path.join(ROOT, "build", name))
    return make_qemu(mp, outdir, None, [], quiet, t.name)


def build(sources, outdir=None, quiet=False, options=None, board=None, freeze=()):
    """BOARD's firmware with the layer and SOURCES (.pyx, helper .c) built in,
    and the Python modules FREEZE frozen; returns its path. OPTIONS:
    extension.Options."""
    t = target(board)
    ensure_toolchain(t.name)
    mp, mods = usermods.check_sources(sources, options)
    prefix = "qemu-" if t.name == DEFAULT_BOARD else "qemu-%s-" % t.name.lower()
    outdir = os.path.abspath(outdir or usermods.default_outdir(prefix, mp, mods, freeze))
    return make_qemu(
        mp, outdir, usermods.write(outdir, mods, freeze), [m.name for m in mods], quiet, t.name
    )


# ELF e_machine -> board: a firmware says which board it is for.
ELF_MACHINES = {40: "MPS2_AN385", 243: "VIRT_RV32"}


def board_of(elf):
    """The Target a firmware ELF was built for (from its e_machine)."""
    with open(elf, "rb") as f:
        head = f.read(20)
    machine = int.from_bytes(head[18:20], "little") if head[:4] == b"\x7fELF" else None
    if machine not in ELF_MACHINES:
        die("%s: not a firmware of a known qemu board" % elf)
    return BOARDS[ELF_MACHINES[machine]]


def size(elf):
    """(text, data, bss) of a firmware ELF, as the cross toolchain's size prints them."""
    out = subprocess.run(
        [board_of(elf).cross + "size", elf], stdout=subprocess.PIPE, text=True, check=True
    ).stdout
    text, data, bss = out.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


# A kept section's kind: code and constants (flash on a device), initialised
# data and zeroed data (RAM).
SECTION_KINDS = {
    ".text": "text",
    ".rodata": "text",
    ".ARM.extab": "text",
    ".ARM.exidx": "text",
    ".data": "data",
    ".bss": "bss",
    "COMMON": "bss",
}


def linked_sections(mapfile):
    """{object file: {"text": B, "data": B, "bss": B}}: the bytes of each kind
    (SECTION_KINDS; "text" counts rodata and the C++ unwind tables too) the
    linker kept (after --gc-sections), from the `Linker script and memory
    map` section of a firmware's map file (firmware.map next to firmware.elf)."""
    kept = {}
    text = open(mapfile, encoding="utf-8", errors="replace").read()
    text = text[text.find("Linker script and memory map") :]
    line_re = re.compile(
        r"^ (\.(?:text|rodata|data|bss|ARM\.extab|ARM\.exidx)\S*|COMMON)?\s+0x([0-9a-f]+)"
        r"\s+0x([0-9a-f]+)\s+(\S+\.o)\)?$",
        re.M,
    )
    for m in line_re.finditer(text):
        section = m.group(1)
        if section is None:
            # a section name too long for its line stands alone on the line before
            section = text[: m.start()].rstrip().split("\n")[-1].strip()
        kind = next((k for p, k in SECTION_KINDS.items() if section.startswith(p)), None)
        addr, n, obj = int(m.group(2), 16), int(m.group(3), 16), m.group(4)
        if kind and addr and n:
            sizes = kept.setdefault(obj, {"text": 0, "data": 0, "bss": 0})
            sizes[kind] += n
    return kept


def linked_bytes(mapfile):
    """{object file: bytes of text+rodata+data (and the C++ unwind tables)
    the linker kept}: what the object costs in flash."""
    kept = linked_sections(mapfile).items()
    return {o: k["text"] + k["data"] for o, k in kept if k["text"] + k["data"]}


# ---------------------------------------------------------------- run

# The script runs inside this wrapper, so that it is compiled under its own
# file name and sys.exit() keeps its status (the raw REPL ignores SystemExit's
# value); the status comes back as the exception _mpcy_exit.
WRAPPER = r"""
import sys
class _mpcy_exit(Exception):
    pass
def _mpcy_main(_argv, _name, _src):
    try:
        sys.argv[:] = _argv
    except Exception:
        pass
    try:
        exec(compile(_src, _name, 'exec'), {'__name__': '__main__', '__file__': _name})
    except SystemExit as e:
        c = e.args[0] if e.args else None
        if c is None or isinstance(c, int):
            c = c or 0
        raise _mpcy_exit(repr(c))
%s_mpcy_main(%r, %r, %r)
"""

EXIT_RE = re.compile(r"^_mpcy_exit: (.*)$", re.M)


class BoardError(Exception):
    pass


# ---------------------------------------------------------------- mount

# A host folder as a read-only filesystem of the board, read over its serial
# link while a script runs (as `mpremote mount` does). mpremote's own hook
# needs `select` and sys.stdin.buffer, which the stock qemu firmware has not;
# this one needs only what it has: os.mount of a Python object, io.IOBase
# (the C stream protocol imports read through), text stdin and stdout.
# The board asks with CAN, an operation letter, its argument and a newline;
# the host answers with 8 hex digits of length and the payload in base64
# (stdin is text: it turns \r into \n and takes Ctrl-C; and the emulated
# UART takes some 7000 characters a second, so hex would cost more).
MOUNT_POINT = "/remote"
MOUNT_ESC = b"\x18"

MOUNT_CODE = r"""
def _mpcy_mount():
    import binascii, io, os, sys

    def ask(op, arg):
        sys.stdout.write('\x18' + op + arg + '\n')
        n = int(sys.stdin.read(8), 16)
        return binascii.a2b_base64(sys.stdin.read(n)) if n else b''

    class File(io.IOBase):
        def __init__(self, path, text):
            self.path, self.text, self.pos = path, text, 0

        def chunk(self, n):  # up to N bytes from where the file was left
            data = ask('r', '%%d,%%d,%%s' %% (self.pos, n, self.path))
            self.pos += len(data)
            return data

        def readinto(self, buf):  # what imports read through
            data = self.chunk(len(buf))
            buf[: len(data)] = data
            return len(data)

        def read(self, n=-1):
            if n < 0:  # the rest, in one piece: the heap is small
                n = int(ask('s', self.path)[1:]) - self.pos
            buf, got = bytearray(n), 0
            while got < n:
                more = self.chunk(min(n - got, 512))
                if not more:
                    break
                buf[got : got + len(more)] = more
                got += len(more)
            data = bytes(buf[:got]) if got < n else bytes(buf)
            return str(data, 'utf-8') if self.text else data

        def ioctl(self, request, arg):
            if request == 11:  # buffer size: the most imports read at a time (a round trip each)
                return 255
            return 0 if request == 4 else -1  # close; anything else: unsupported

        def close(self):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            pass

    class Remote:
        def mount(self, readonly, mkfs):
            pass

        def umount(self):
            pass

        def stat(self, path):
            st = ask('s', path)
            if not st:
                raise OSError(2)  # ENOENT
            mode = 0x4000 if st[:1] == b'd' else 0x8000
            return (mode, 0, 0, 0, 0, 0, int(st[1:]), 0, 0, 0)

        def ilistdir(self, path):
            for entry in str(ask('l', path), 'utf-8').split('\n'):
                if entry:
                    yield (entry[2:], 0x4000 if entry[0] == 'd' else 0x8000, 0)

        def open(self, path, mode):
            if 'w' in mode or 'a' in mode or '+' in mode:
                raise OSError(30)  # EROFS: the host folder is read only
            self.stat(path)
            return File(path, 'b' not in mode)

    os.mount(Remote(), %(point)r)
    sys.path.insert(0, %(point)r)

_mpcy_mount()
del _mpcy_mount
"""


class MountedLink:
    """The board's serial link as pyboard reads it, with the board's
    requests for files under ROOT answered on the way (pyboard only calls
    inWaiting, read and write)."""

    def __init__(self, link, root):
        self.link, self.root, self.held = link, os.path.realpath(root), b""

    def __getattr__(self, name):  # close, subp: the link's own
        return getattr(self.link, name)

    def pump(self, block):
        if block or self.link.inWaiting():
            c = self.link.read(1)
            if c == MOUNT_ESC:
                self.answer()
            else:
                self.held += c

    def inWaiting(self):
        self.pump(False)
        return len(self.held)

    def read(self, n=1):
        while len(self.held) < n:
            self.pump(True)
        data, self.held = self.held[:n], self.held[n:]
        return data

    def write(self, data):
        return self.link.write(data)

    def answer(self):
        line = b""
        while not line.endswith(b"\n"):
            line += self.link.read(1)
        op, arg = chr(line[0]), line[1:].rstrip(b"\r\n").decode("utf-8")
        if op == "r":
            pos, n, arg = arg.split(",", 2)
        path = self.host_path(arg)
        payload = b""
        if path and op == "s":
            payload = b"d0" if os.path.isdir(path) else b"f%d" % os.path.getsize(path)
        elif path and op == "l" and os.path.isdir(path):
            names = sorted(os.listdir(path))
            kinds = ["d" if os.path.isdir(os.path.join(path, n)) else "f" for n in names]
            payload = "\n".join(k + " " + n for k, n in zip(kinds, names)).encode("utf-8")
        elif path and op == "r" and os.path.isfile(path):
            with open(path, "rb") as f:
                f.seek(int(pos))
                payload = f.read(int(n))
        payload = base64.b64encode(payload)
        self.link.write(b"%08x" % len(payload) + payload)

    def host_path(self, path):
        """PATH on the board (below the mount point) as a host path, or None
        when nothing is there or it leads out of the folder."""
        full = os.path.realpath(os.path.join(self.root, path.lstrip("/")))
        inside = full == self.root or full.startswith(self.root + os.sep)
        return full if inside and os.path.exists(full) else None


class PipeLink:
    """The board's serial console as the emulator's stdin and stdout
    (-serial stdio), with what pyboard calls of a serial link (inWaiting,
    read, write, close). Not pyboard's own `execpty:` link: qemu looks for
    the other end of a pty once a second, which cost each run a second of
    an emulator spinning at the REPL; and a pipe's end of file is an error
    here (OSError, as pyserial's), where pyboard's `exec:` link would wait
    for ever on an emulator that has exited."""

    def __init__(self, cmd):
        self.errors = tempfile.TemporaryFile()  # the emulator's messages, for BoardError
        self.subp = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            bufsize=0,
            start_new_session=True,
        )
        self.poll = select.poll()
        self.poll.register(self.subp.stdout, select.POLLIN)

    def inWaiting(self):
        return 1 if self.poll.poll(0) else 0

    def read(self, n=1):
        data = b""
        while len(data) < n:
            more = self.subp.stdout.read(n - len(data))
            if not more:
                self.subp.wait()
                self.errors.seek(0)
                text = self.errors.read().decode("utf-8", "replace").strip()
                raise OSError(
                    "the emulator exited (%d)%s" % (self.subp.returncode, text and ": " + text)
                )
            data += more
        return data

    def write(self, data):
        self.subp.stdin.write(data)
        return len(data)

    def close(self):
        if self.subp.poll() is None:
            self.subp.terminate()
        for f in (self.subp.stdin, self.subp.stdout, self.errors):
            f.close()


class Board:
    """One qemu-system-* running FIRMWARE, reached through pyboard's raw REPL."""

    def __init__(self, firmware, mp, mount=None):
        """MOUNT: a host folder the board's scripts read at MOUNT_POINT, first
        on sys.path."""
        self.pyboard = pyboard_module(mp)
        self.mount = mount
        t = board_of(firmware)
        self.folder = tempfile.TemporaryDirectory(prefix="mpcy-qemu-")
        monitor = os.path.join(self.folder.name, "monitor")
        cmd = [t.qemu] + t.qemu_args + ["-monitor", "unix:%s,server=on,wait=off" % monitor]
        cmd += ["-serial", "stdio", "-kernel", firmware]
        try:
            # Pyboard's own state (its __init__ opens a link of its kinds), on our link
            self.pyb = self.pyboard.Pyboard.__new__(self.pyboard.Pyboard)
            self.pyb.in_raw_repl, self.pyb.use_raw_paste = False, True
            self.pyb.serial = PipeLink(cmd)
            # The friendly REPL's prompt first: the board reads its UART.
            if not self.pyb.read_until(1, b">>> ", timeout_overall=30).endswith(b">>> "):
                raise BoardError("no prompt within 30 s")
            # qemu watches its console's input again only after an event of its
            # main loop once the board has switched its UART on (else up to a
            # second later): a connection to the monitor is one.
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(monitor)
            self.pyb.enter_raw_repl(soft_reset=False, timeout_overall=30)
            if mount is not None:
                self.pyb.serial = MountedLink(self.pyb.serial, mount)
                self.remount()
        except Exception as e:  # PyboardError, OSError from the link
            self.close()
            raise BoardError("could not start %s: %s" % (t.qemu, e))

    def close(self):
        pyb = getattr(self, "pyb", None)
        if pyb is not None:
            try:
                pyb.serial.close()
            except Exception:
                pass
            try:
                pyb.serial.subp.wait(5)
            except Exception:
                pass
            self.pyb = None
        self.folder.cleanup()

    def soft_reset(self):
        """Ctrl-D in the raw REPL: a new VM on the same firmware and RAM."""
        try:
            self.pyb.enter_raw_repl(soft_reset=True, timeout_overall=30)
        except Exception as e:
            raise BoardError("soft reset failed: %s" % e)
        if self.mount is not None:  # the new VM starts without it
            self.remount()

    def remount(self):
        _, err = self.pyb.exec_raw(MOUNT_CODE % {"point": MOUNT_POINT})
        if err:
            raise BoardError(
                "mounting %s failed: %s" % (self.mount, err.decode("utf-8", "replace"))
            )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def run(self, source, name="script.py", argv=None, stress=False, timeout=None, on_output=None):
        """Run SOURCE (text); returns (status, stdout, stderr) as text.
        status: the script's exit status (1 for an uncaught exception)."""
        if timeout is None:
            timeout = int(os.environ.get("MPCY_QEMU_TIMEOUT", DEFAULT_TIMEOUT))
        code = WRAPPER % (GC_STRESS if stress else "", list(argv or [name]), name, source)
        sink = None
        if on_output is not None:
            # The board sends "\r\n" for "\n"; pyboard hands over a byte at a time.
            held = [b""]

            def sink(b):
                b = held[0] + b.replace(b"\x04", b"")
                held[0] = b""
                if b.endswith(b"\r"):
                    b, held[0] = b[:-1], b"\r"
                if b:
                    on_output(b.replace(b"\r\n", b"\n"))

        try:
            out, err = self.pyb.exec_raw(code, timeout=timeout, data_consumer=sink)
            if sink is not None and held[0]:
                on_output(held[0])
        except self.pyboard.PyboardError as e:
            raise BoardError(
                "no answer from the board within %ds (%s)" % (timeout, e.args[0] if e.args else e)
            )
        except OSError as e:  # the emulator has exited (PipeLink)
            raise BoardError("the board stopped (%s)" % e)
        out = out.replace(b"\r\n", b"\n").decode("utf-8", "replace")
        err = err.replace(b"\r\n", b"\n").decode("utf-8", "replace")
        if not err:
            return 0, out, ""
        m = EXIT_RE.search(err)
        if m:
            try:
                c = ast.literal_eval(m.group(1))  # repr of an int or of the message
            except (ValueError, SyntaxError):
                c = m.group(1)
            if isinstance(c, int):
                return c & 255, out, ""
            return 1, out, str(c) + "\n"
        # Drop the wrapper's own frames from the traceback.
        lines = [l for l in err.splitlines(True) if not l.startswith('  File "<stdin>"')]
        return 1, out, "".join(lines)


def run_script(firmware, mp, script, args, stream=True, mount=None):
    """Run SCRIPT on a fresh board (the host folder MOUNT mounted), output to
    our stdout/stderr; returns its status."""
    src = open(script, encoding="utf-8").read()
    shown = []

    def on_output(b):
        shown.append(b)
        sys.stdout.buffer.write(b)
        sys.stdout.flush()

    try:
        with Board(firmware, mp, mount) as board:
            rc, out, err = board.run(
                src,
                os.path.basename(script),
                [script] + list(args),
                on_output=on_output if stream else None,
            )
    except BoardError as e:
        die(str(e))
    if not stream:
        sys.stdout.write(out)
    sys.stdout.flush()
    sys.stderr.write(err)
    return rc


def repl(firmware):
    """The board's REPL on this terminal (Ctrl-A X quits qemu)."""
    t = board_of(firmware)
    log("MicroPython REPL on the emulated %s; Ctrl-A X quits" % t.name)
    cmd = (
        [t.qemu] + t.qemu_args + ["-monitor", "null", "-serial", "mon:stdio", "-kernel", firmware]
    )
    # -monitor null and mon:stdio: keep Ctrl-A X, no monitor
    sys.stdout.flush()
    os.execvp(t.qemu, cmd)


# ---------------------------------------------------------------- entry point


def run(sources, outdir, script, options=None, board=None, mount=None, freeze=()):
    """`./mpcython run --port qemu`: SCRIPT ([file, args...]) on a fresh board,
    or the REPL; SOURCES None: on the stock firmware. MOUNT: a host folder
    the script reads at MOUNT_POINT. FREEZE: Python modules frozen in (build)."""
    if sources is None:
        fw = stock(outdir, board, True)
    else:
        fw = build(sources, outdir, True, options, board, freeze)
    if not script:
        if mount:
            die("--mount on qemu needs a script (the REPL reads no host files)")
        repl(fw)
    return run_script(fw, micropy_dir(), script[0], script[1:], mount=mount)
