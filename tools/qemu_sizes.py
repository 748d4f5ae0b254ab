#!/usr/bin/env python3
"""Firmware sizes on a board of MicroPython's qemu port (MPS2_AN385, the
Cortex-M3, or with --board VIRT_RV32 the RISC-V board).

Builds the firmware (`make qemu-sizes`, or `python3 tools/qemu_sizes.py`):
  * the port as it is (no user module);
  * with the layer and no Cython module: the linker drops (--gc-sections)
    every layer function nothing calls, so this is almost the plain port;
  * with the layer and an empty Cython module (a docstring only): the part
    of the layer any module pulls in, plus Cython's per-module boilerplate;
  * with the layer and each example module (examples/*.pyx), then all of them;
and prints text/data/bss (the cross toolchain's size) with the growth over the line
of reference, then, for the build with all examples, what each part adds
(from the linker map). Flash ~ text + data, RAM ~ data + bss; bss holds the
GC heap (MICROPY_HEAP_SIZE, 140 KiB by default on this port).
Builds go to build/qemu-sizes/ (kept, so a second run is quick).

Options: --markdown (a Markdown table), --board B, extra .pyx files as
arguments (each is measured like an example).
"""
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from driver import extension, qemu  # noqa: E402
from driver.common import ensure_deps, log, micropy_dir  # noqa: E402


def map_parts(mapfile):
    """Bytes the linker kept per part of the firmware (text+rodata+data),
    from the firmware's map file."""
    parts = {}
    for obj, size in qemu.linked_bytes(mapfile).items():
        if "/mpcy_libc/" in obj or "/shared/libc/__errno" in obj:
            key = "C library supplement (tools/mpcy_libc)"
        elif "/lib/libm_dbl/" in obj:
            key = "double-precision libm (lib/libm_dbl)"
        elif "/mpcy/" in obj:
            key = "the layer (runtime/*.c)"
        elif "/cymods/" in obj:
            key = "Cython modules + import glue"
        elif qemu.is_cxx_runtime(obj):
            key = "C++ runtime (libstdc++, newlib, unwinder; C++ modules only)"
        elif "picolibc" in obj:
            key = "picolibc (the RISC-V board's C library)"
        elif "libgcc" in obj:
            key = "libgcc (soft float, 64-bit division)"
        else:
            key = "MicroPython"
        parts[key] = parts.get(key, 0) + size
    return parts


def main(argv):
    markdown = "--markdown" in argv
    board = qemu.target(argv[argv.index("--board") + 1] if "--board" in argv else None).name
    extra = [a for a in argv if a not in ("--markdown", "--board", board)]
    qemu.ensure_toolchain(board)
    ensure_deps()
    mp = micropy_dir()
    out = os.path.join(
        ROOT, "build", "qemu-sizes" + ("" if board == qemu.DEFAULT_BOARD else "-" + board.lower())
    )
    rows = []

    def measure(label, elf, base):
        t, d, b = qemu.size(elf)
        rows.append((label, t, d, b, base))
        return (t, d, b)

    log("plain port")
    plain = measure(
        "qemu port, no user module",
        qemu.make_qemu(mp, os.path.join(out, "plain"), None, [], True, board),
        None,
    )
    log("layer only")
    measure(
        "+ layer, no Cython module",
        qemu.build([], os.path.join(out, "layer"), True, board=board),
        plain,
    )
    empty_pyx = os.path.join(out, "empty.pyx")
    os.makedirs(out, exist_ok=True)
    with open(empty_pyx, "w") as f:
        f.write('"""An empty module: what any Cython module costs."""\n')
    log("layer + an empty module")
    layer = measure(
        "+ layer + an empty .pyx",
        qemu.build([empty_pyx], os.path.join(out, "empty"), True, board=board),
        plain,
    )
    examples = sorted(glob.glob(os.path.join(ROOT, "examples", "*.pyx"))) + [
        os.path.abspath(e) for e in extra
    ]
    if board not in qemu.CXX:
        skipped = [e for e in examples if extension.wants_cplus(e)]
        for e in skipped:
            log(
                "%s left out: C++ modules are not supported on %s yet"
                % (os.path.relpath(e, ROOT), board)
            )
        examples = [e for e in examples if e not in skipped]
    for ex in examples:
        name = os.path.basename(ex)[:-4]
        log("layer + %s" % name)
        elf = qemu.build([ex], os.path.join(out, "one-" + name), True, board=board)
        measure("+ layer + %s" % os.path.relpath(ex, ROOT), elf, layer)
    if len(examples) > 1:
        log("layer + all examples")
        elf = qemu.build(examples, os.path.join(out, "all"), True, board=board)
        measure("+ layer + all of them", elf, layer)
        parts = map_parts(elf[:-4] + ".map")

    if markdown:
        print("| firmware | text | data | bss | growth (text+data) |")
        print("| --- | ---: | ---: | ---: | ---: |")
    else:
        print(
            "%-38s %9s %7s %8s   %s"
            % ("firmware (%s, -Os)" % board, "text", "data", "bss", "growth text+data")
        )
    for label, t, d, b, base in rows:
        grow = "" if base is None else "%+d" % (t + d - base[0] - base[1])
        if markdown:
            print("| %s | %d | %d | %d | %s |" % (label, t, d, b, grow))
        else:
            print("%-38s %9d %7d %8d   %s" % (label, t, d, b, grow))
    print("(growth: of the first two over the plain port, of the others over the empty .pyx line)")
    if len(examples) > 1:
        print()
        if markdown:
            print("| part of the firmware with all examples | bytes (text+rodata+data) |")
            print("| --- | ---: |")
        else:
            print(
                "%-46s %s" % ("part of the firmware with all examples", "bytes (text+rodata+data)")
            )
        for k, v in sorted(parts.items(), key=lambda kv: -kv[1]):
            print(("| %s | %d |" if markdown else "%-46s %8d") % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
