"""The footprint table of `make bench`: what a module costs on the Cortex-M3
board (qemu MPS2_AN385) itself, in GC heap, static RAM and flash.

For the kernels module (bench/kernels.pyx) and the one-`def` module
(bench/onedef.pyx), each as
  cython    the .pyx through the layer (Cython's default options),
  cython-small  the same with the size profile (mpcython --small),
  bytecode  the same code as plain Python (kernels_py.py without its
            decorators; onedef.pyx is plain Python), imported as source from
            a filesystem on the board (compiled there; nothing in flash),
  c         the hand-written C module (benchc/benchc.c, benchc/onedef_c.c).

Figures:
  heap_after_import  gc.mem_alloc() growth over an `import` (gc.collect()
                     before and after), with another Cython module imported
                     before: what each further module costs;
  first module overhead  what the first Cython module costs more (the same
                     import on a fresh board, minus the above);
  static_ram         .data + .bss of the module's object that the firmware
                     links (paid at boot, imported or not);
  text               text + rodata of it that the linker keeps.
"""
import os

from driver import qemu
from driver.common import micropy_dir

# module -> {variant: the name imported on the board}
MODULES = {
    "kernels": {
        "cython": "kernels",
        "cython-small": "kernels_small",
        "bytecode": "kernels_py",
        "c": "benchc",
    },
    "onedef": {
        "cython": "onedef",
        "cython-small": "onedef_small",
        "bytecode": "onedef_py",
        "c": "onedef_c",
    },
}

# A read-only filesystem on the board serving FILES (name -> bytes) at
# /fp, as MicroPython's own tests serve .mpy files; measure(name) prints the
# heap growth of importing NAME.
BOARD_SCRIPT = r"""
import gc, io, sys, vfs

class UserFile(io.IOBase):
    def __init__(self, data):
        self.data = memoryview(data)
        self.pos = 0
    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n
    def ioctl(self, req, arg):
        return 0 if req == 4 else -1

class UserFS:
    def __init__(self, files):
        self.files = files
    def mount(self, readonly, mksfs):
        pass
    def umount(self):
        pass
    def stat(self, path):
        if path in self.files:
            return (32768, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)
    def open(self, path, mode):
        return UserFile(self.files[path])

vfs.mount(UserFS(%r), "/fp")
sys.path.append("/fp")

def measure(name):
    gc.collect()
    gc.collect()
    before = gc.mem_alloc()
    __import__(name)
    gc.collect()
    print("heap", name, gc.mem_alloc() - before)

for name in %r:
    measure(name)
"""


def board_heap(elf, files, names):
    """{name: heap growth} of importing NAMES in turn on a fresh board."""
    script = BOARD_SCRIPT % (files, names)
    with qemu.Board(elf, micropy_dir()) as board:
        rc, out, err = board.run(script, "footprint.py")
    if rc != 0:
        raise SystemExit("footprint: the board script failed:\n" + out + err)
    heap = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[0] == "heap":
            heap[f[1]] = int(f[2])
    return heap


def measure(elf, sources):
    """The footprint rows (bench/results.json's) of firmware ELF (built with
    the Cython modules of MODULES and benchc); SOURCES: {bytecode module name:
    its Python source}."""
    files = {"/" + n + ".py": src.encode() for n, src in sources.items()}
    others = [v[k] for v in MODULES.values() for k in ("cython-small", "bytecode", "c")]
    # Board 1: onedef first, then kernels and the other variants; board 2:
    # kernels first, then onedef. A module's heap is the one measured after
    # another Cython module; the first module's overhead the difference.
    one = board_heap(elf, files, ["onedef", "kernels"] + others)
    two = board_heap(elf, files, ["kernels", "onedef"])
    heap = dict(one, onedef=two["onedef"])
    overhead = {
        "kernels": two["kernels"] - one["kernels"],
        "onedef": one["onedef"] - two["onedef"],
    }
    kept = qemu.linked_sections(elf[:-4] + ".map")
    bq = os.path.dirname(elf)

    def sections(obj):
        return next((v for k, v in kept.items() if k.endswith(os.path.relpath(obj, bq))), None)

    rows = []
    objs = {"cython": "cymods/%s.o", "cython-small": "cymods/%s.o", "c": "benchc/%s.o"}
    for module, variants in MODULES.items():
        for variant, name in variants.items():
            row = {"footprint": module, "target": "cortex-m3", "variant": variant}
            row["heap_after_import"] = heap[name]
            if variant in objs:
                s = sections(os.path.join(bq, objs[variant] % name))
                row["static_ram"] = s["data"] + s["bss"]
                row["text"] = s["text"]
            rows.append(row)
    rows.append(
        {
            "footprint": "first module overhead",
            "target": "cortex-m3",
            "variant": "cython",
            "heap_after_import": overhead["kernels"],
        }
    )
    return rows, overhead


def report(rows, overhead):
    """(title, columns, table rows) of the footprint table: each figure and,
    for the heap, its ratio to the bytecode variant's of the same run."""
    base = {r["footprint"]: r["heap_after_import"] for r in rows if r.get("variant") == "bytecode"}
    out = []
    for r in rows:
        if r["footprint"] not in MODULES:
            continue
        b = base[r["footprint"]]
        out.append(
            [
                r["footprint"],
                r["variant"],
                r["heap_after_import"],
                "**%.2f**" % (r["heap_after_import"] / b) if b else "-",
                r.get("static_ram", "-"),
                r.get("text", "-"),
            ]
        )
    for m, v in overhead.items():
        out.append(
            ["first Cython module overhead (measured with %s)" % m, "cython", v, "", "", ""]
        )
    return (
        "g. Footprint on the Cortex-M3 board (qemu MPS2_AN385; bytes; bytecode: imported as "
        "source on the board)",
        [
            "module",
            "variant",
            "heap after import",
            "heap / bytecode",
            "static RAM (.data+.bss)",
            "text+rodata (linked)",
        ],
        out,
    )
