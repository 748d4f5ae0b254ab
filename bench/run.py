#!/usr/bin/env python3
"""`make bench`: build and run every benchmark, print one table, write
bench/results.md and bench/results.json.

  python3 bench/run.py [--reps N] [--no-sizes] [--only-build] [--only TEXT]
  python3 bench/run.py --footprint

(--only TEXT: only the benchmarks whose name contains TEXT, for quick checks;
--footprint: only the footprint table of bench/footprint.py, printed)

1. One unix MicroPython with bench/kernels.pyx and MicroPython's
   tests/perf_bench programs (unedited, compiled by Cython as pb_NAME) built
   in, beside the hand-written C module bench/benchc (a USER_C_MODULE).
2. bench/bench_main.py runs in that ONE process: every variant of a
   benchmark (cython, bytecode, native, viper, c, python) REPS times,
   interleaved; medians; each result checked against the bytecode one.
3. Sizes (text/data/bss): x86-64 objects of that build; Cortex-M3 and RISC-V
   (rv32imac) objects of the qemu port's firmware for MPS2_AN385 and
   VIRT_RV32 (-Os, the port's own configuration) with the same modules, plus
   Cython-option variants.
4. RAM: gc.mem_alloc() growth after import and after one call.
5. Footprint on the Cortex-M3 board itself (bench/footprint.py): heap after
   import, first-module overhead, static RAM and kept text, for kernels and a
   one-def module as Cython, bytecode and C.
6. Through the shared runtime (tables h, i): the call loops of
   table c against bench/kernels.pyx as a native .mpy on a stock unix
   MicroPython (bench/bench_mpy.py, alternately with the static build, a
   process each), and the .mpy sizes for x64 and armv7m, the layer shared
   or copied, beside the module's text in the static build.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(ROOT, "build", "bench")
sys.path.insert(0, ROOT)
from driver import cython, qemu, unix  # noqa: E402
import footprint  # noqa: E402
from driver.common import ensure_deps, micropy_dir  # noqa: E402

# perf_bench programs that are not the bm_params/bm_setup protocol's pure
# Python: viper_* need the viper emitter, core_import_* load .mpy files.
PB_SKIP = ("viper_", "core_import_")


def mp_env():
    """The environment for the benchmark executable: the Python variants on
    MICROPYPATH, after .frozen (asyncio), which MICROPYPATH would otherwise hide."""
    return dict(os.environ, MICROPYPATH=".frozen:" + os.path.join(OUT, "py"))


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def write(path, text):
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


def link_benchc(outdir):
    mods = os.path.join(outdir, "usermods")
    os.makedirs(mods, exist_ok=True)
    link = os.path.join(mods, "benchc")
    if not os.path.islink(link):
        os.symlink(os.path.join(BENCH, "benchc"), link)


def prepare():
    """Sources: the Cython modules (kernels + perf_bench copies) and a
    MICROPYPATH folder with the Python variants."""
    mp = micropy_dir()
    src = os.path.join(OUT, "src")
    py = os.path.join(OUT, "py")
    os.makedirs(src, exist_ok=True)
    os.makedirs(py, exist_ok=True)
    kp = open(os.path.join(BENCH, "kernels_py.py")).read()
    write(os.path.join(py, "kp_bytecode.py"), re.sub(r"(?m)^ *@DECO\n", "", kp))
    write(os.path.join(py, "kp_native.py"), kp.replace("@DECO", "@micropython.native"))
    write(
        os.path.join(py, "kernels_viper.py"), open(os.path.join(BENCH, "kernels_viper.py")).read()
    )
    perf = []
    for f in sorted(glob.glob(os.path.join(mp, "tests", "perf_bench", "*.py"))):
        name = os.path.basename(f)[:-3]
        if name == "benchrun" or name.startswith(PB_SKIP):
            continue
        text = open(f).read()
        if "bm_setup" not in text:
            continue
        # the file itself, unedited: as pb_NAME.py for Cython, NAME.py and nat_NAME.py for MicroPython
        write(os.path.join(src, "pb_" + name + ".py"), text)
        write(os.path.join(py, name + ".py"), text)
        write(os.path.join(py, "nat_" + name + ".py"), text)
        perf.append(name)
    return [os.path.join(BENCH, "kernels.pyx")], perf


def cython_compiles(path):
    """Does Cython compile the program unedited? (checked before the build)"""
    c = os.path.join(OUT, "check", os.path.basename(path)[:-3] + ".c")
    os.makedirs(os.path.dirname(c), exist_ok=True)
    p = subprocess.run(
        cython.command() + cython.options(os.path.basename(path)[:-3]) + [path, "-o", c],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return p.returncode == 0, p.stdout


def obj_size(tool, objs):
    """Summed (text, data, bss) of object files, as SIZE prints them."""
    t = d = b = 0
    out = subprocess.run([tool] + objs, stdout=subprocess.PIPE, text=True, check=True).stdout
    for line in out.splitlines()[1:]:
        f = line.split()
        t, d, b = t + int(f[0]), d + int(f[1]), b + int(f[2])
    return t, d, b


# The one-`def` module of the footprint table (also its bytecode variant).
ONEDEF = os.path.join(BENCH, "onedef.pyx")

# Cython option variants of kernels.pyx measured for size (a directive
# comment on the first line; the code is the same).
SMALL_HEAD = "# cython: %s\n" % ", ".join(cython.SMALL_DIRECTIVES)  # mpcython --small
SIZE_VARIANTS = [
    ("kernels_small", SMALL_HEAD),
    ("kernels_nobinding", "# cython: binding=False\n"),
    ("kernels_embedsig", "# cython: embedsignature=True\n"),  # a docstring per function
]


def measure_sizes(unix_dir, kernels):
    """(size rows, footprint rows and overheads or None)"""
    rows = []
    bu = os.path.join(unix_dir, "build-unix")
    layer = sorted(glob.glob(os.path.join(bu, "mpcy", "*.o")))
    rows.append(("layer runtime (runtime/*.c)", "x86_64") + obj_size("size", layer) + (None,))
    for o in sorted(glob.glob(os.path.join(bu, "cymods", "*.o"))):
        name = os.path.basename(o)[:-2]
        if name != "mpcy_glue":
            rows.append((name + " (cython)", "x86_64") + obj_size("size", [o]) + (None,))
    rows.append(
        ("benchc (hand-written C)", "x86_64")
        + obj_size("size", [os.path.join(bu, "benchc", "benchc.o")])
        + (None,)
    )
    fp = None
    for board, arch in (("MPS2_AN385", "cortex-m3"), ("VIRT_RV32", "rv32imac")):
        r, elf = qemu_sizes(board, arch, kernels)
        rows += r
        if elf and board == "MPS2_AN385":
            log("measuring the footprint on the %s board" % board)
            fp = footprint.measure(elf, bytecode_sources())
    return rows, fp


def bytecode_sources():
    """{name: source} of the footprint table's bytecode variants."""
    py = os.path.join(OUT, "py")
    return {
        "kernels_py": open(os.path.join(py, "kp_bytecode.py")).read(),
        "onedef_py": open(ONEDEF).read(),
    }


def qemu_firmware(board, kernels):
    """BOARD's firmware with the kernels, their option variants, the one-def
    module and benchc; None without the board's toolchain."""
    t = qemu.target(board)
    try:
        qemu.ensure_toolchain(board)
    except SystemExit:
        log(
            "no %sgcc toolchain (run tools/qemu-deps.sh %s): %s left out"
            % (t.cross, t.arch, board)
        )
        return None
    qdir = os.path.join(OUT, "qemu" if board == qemu.DEFAULT_BOARD else "qemu-" + board.lower())
    link_benchc(qdir)
    srcs = list(kernels) + [ONEDEF]
    for name, head, src in [v + (kernels[0],) for v in SIZE_VARIANTS] + [
        ("onedef_small", SMALL_HEAD, ONEDEF)
    ]:
        path = os.path.join(OUT, "src", name + ".pyx")
        write(path, head + open(src).read())
        srcs.append(path)
    log("building the %s firmware (qemu port)" % board)
    return qemu.build(srcs, qdir, True, board=board)


# The qemu port's firmware with the same kernels, its option variants and benchc.
def qemu_sizes(board, arch, kernels):
    """(size rows, the firmware or None)"""
    t = qemu.target(board)
    firmware = elf = qemu_firmware(board, kernels)
    if elf is None:
        return [], None
    rows = []
    qdir = os.path.dirname(os.path.dirname(elf))
    bq = os.path.dirname(elf)
    kept = qemu.linked_bytes(elf[:-4] + ".map")

    def linked(objs):
        return sum(
            v for k, v in kept.items() if any(k.endswith(os.path.relpath(o, bq)) for o in objs)
        )

    tool = t.cross + "size"
    layer = sorted(glob.glob(os.path.join(bq, "mpcy", "*.o")))
    rows.append(("layer runtime (runtime/*.c)", arch) + obj_size(tool, layer) + (linked(layer),))
    for o in sorted(glob.glob(os.path.join(bq, "cymods", "*.o"))):
        name = os.path.basename(o)[:-2]
        if name != "mpcy_glue":
            rows.append((name + " (cython)", arch) + obj_size(tool, [o]) + (linked([o]),))
    o = os.path.join(bq, "benchc", "benchc.o")
    rows.append(("benchc (hand-written C)", arch) + obj_size(tool, [o]) + (linked([o]),))
    if board in qemu.CXX:
        # A C++ module (examples/cppstack.pyx) in a firmware of its own: the
        # module, and the C++ runtime it brings (kept bytes; no C module pays it).
        log("building a %s firmware with a C++ module for sizes" % board)
        elf = qemu.build(
            [os.path.join(ROOT, "examples", "cppstack.pyx")], qdir + "-cxx", True, board=board
        )
        bq = os.path.dirname(elf)
        kept = qemu.linked_bytes(elf[:-4] + ".map")
        o = os.path.join(bq, "cymods", "cppstack.o")
        rows.append(("cppstack (cython, C++)", arch) + obj_size(tool, [o]) + (linked([o]),))
        runtime = sum(v for k, v in kept.items() if qemu.is_cxx_runtime(k))
        rows.append(("C++ runtime kept by the linker", arch, runtime, 0, 0, runtime))
    return rows, firmware


MPCYTHON = os.path.join(ROOT, "mpcython")


def mpcython_out(args):
    """The last line ./mpcython ARGS prints (a path), its log on stderr."""
    p = subprocess.run([MPCYTHON] + args, stdout=subprocess.PIPE, text=True, check=True)
    return p.stdout.strip().splitlines()[-1]


def natmod_calls(exe, kernels, reps, only):
    """Table g's timings: bench_mpy.py REPS times in each of the benchmark
    executable and a stock MicroPython with kernels.mpy (x64, shared
    runtime), alternately: ({benchmark: {variant: [(seconds, result), ...]}},
    errors), the variants cython/python (static) and mpy/python-stock."""
    mpy = natmod_build(kernels, "x64", "shared")
    if mpy is None:
        return {}, ["kernels.mpy (x64, shared runtime) did not build"]
    log("building the stock MicroPython")
    stock = mpcython_out(["stock"])
    times = {}
    script = os.path.join(BENCH, "bench_mpy.py")
    for _ in range(reps):
        for runner, folder, names in (
            (exe, "", ("cython", "python")),
            (stock, mpy, ("mpy", "python-stock")),
        ):
            p = subprocess.run(
                [runner, "-X", "heapsize=16M", script, folder, only],
                stdout=subprocess.PIPE,
                text=True,
                env=mp_env(),
            )
            try:
                got = json.loads(p.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                sys.stderr.write(p.stdout[-4000:])
                return times, ["bench_mpy.py failed in %s (output above)" % runner]
            for bench, r in got.items():
                for name, (sec, res) in zip(names, (r["cython"], r["python"])):
                    times.setdefault(bench, {}).setdefault(name, []).append((sec, res))
    errors = [
        "%s: %s gave %r, %s %r" % (b, v, r[v][0][1], ref, r[ref][0][1])
        for b, r in times.items()
        for v, ref in (("mpy", "cython"), ("python-stock", "python"))
        if r[v][0][1] != r[ref][0][1]
    ]
    return times, errors


# The .mpy sizes of table h: kernels.mpy and the runtime it needs, per
# architecture and runtime flavour (driver/natmod.py), beside the module's
# text in the static build (table d).
MPY_BUILDS = [("x64", "shared"), ("x64", "copy"), ("armv7m", "shared"), ("armv7m", "copy")]


def natmod_build(kernels, arch, runtime):
    """The folder with kernels.mpy (and the runtime .mpy) for ARCH, or None."""
    d = os.path.join(OUT, "mpy-%s-%s" % (arch, runtime))
    log("building kernels.mpy (%s, %s runtime)" % (arch, runtime))
    p = subprocess.run(
        [MPCYTHON, "build", "--mpy", "--arch", arch, "--runtime", runtime] + kernels + ["-o", d],
        stdout=subprocess.DEVNULL,
    )
    if p.returncode != 0:
        log("kernels.mpy for %s (%s runtime) did not build: left out" % (arch, runtime))
        return None
    return d


def natmod_sizes(kernels):
    """[(arch, runtime, kernels.mpy bytes, runtime .mpy bytes or None)]"""
    rows = []
    for arch, runtime in MPY_BUILDS:
        d = natmod_build(kernels, arch, runtime)
        if d is not None:
            rt = glob.glob(os.path.join(d, "mpcy_rt_*.mpy"))
            size = os.path.getsize(rt[0]) if runtime == "shared" and rt else None
            rows.append((arch, runtime, os.path.getsize(os.path.join(d, "kernels.mpy")), size))
    return rows


def geomean(xs):
    import math

    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def table(md, title, columns, rows, text_columns=1):
    """Appends a markdown table to MD: its title, the header COLUMNS (the
    first TEXT_COLUMNS left-aligned, the figures right-aligned) and ROWS."""
    md.append("\n### %s\n" % title)
    for cells in [
        columns,
        ["---"] * text_columns + ["---:"] * (len(columns) - text_columns),
    ] + rows:
        md.append("| " + " | ".join(str(c) for c in cells) + " |")


def report(res, sizes, fp, mpy_times, mpy_sizes):
    med = {}
    for r in res["timing"]:
        med.setdefault(r["benchmark"], {})[r["variant"]] = r["median_s"]
    md = []
    fmt = lambda v: "%.5f" % v if v is not None else "-"
    kernels = [(b, v) for b, v in med.items() if not b.startswith(("pb:", "call ", "await "))]
    table(
        md,
        "a. Typed kernels (median seconds; ratio = time / time of the hand-written C module)",
        ["kernel", "cython", "bytecode", "native", "viper", "c", "cython/c", "bytecode/cython"],
        [
            [b]
            + [fmt(v.get(k)) for k in ("cython", "bytecode", "native", "viper", "c")]
            + ["**%.2f**" % (v["cython"] / v["c"]), "%.1f" % (v["bytecode"] / v["cython"])]
            for b, v in kernels
        ],
    )
    programs = [(b[3:], v) for b, v in med.items() if b.startswith("pb:")]
    sp = [v["bytecode"] / v["cython"] for _, v in programs]
    table(
        md,
        "b. MicroPython's tests/perf_bench compiled by Cython unedited (median seconds, N=M=1000)",
        ["program", "cython", "bytecode", "native", "speed-up vs bytecode", "vs native"],
        [
            [b]
            + [fmt(v.get(k)) for k in ("cython", "bytecode", "native")]
            + ["**%.2f**" % (v["bytecode"] / v["cython"])]
            + ["%.2f" % (v["native"] / v["cython"]) if v.get("native") else "-"]
            for b, v in programs
        ]
        + [["geometric mean", "", "", "", "**%.2f**" % geomean(sp), ""]],
    )
    calls = [(b[5:], v) for b, v in med.items() if b.startswith("call ")]
    table(
        md,
        "c. Call overhead: MicroPython bytecode calls it 200000 times (median seconds of the loop)",
        ["call", "cython", "c", "python", "cython/c", "python/cython"],
        [
            ["`%s`" % b]
            + [fmt(v[k]) for k in ("cython", "c", "python")]
            + ["**%.2f**" % (v["cython"] / v["c"]), "%.2f" % (v["python"] / v["cython"])]
            for b, v in calls
        ],
    )
    table(
        md,
        "d. Size (bytes; objects as compiled, and for the qemu boards (Cortex-M3, RV32) "
        "what the linker keeps with --gc-sections)",
        ["module", "target", "text", "data", "bss", "linked (text+rodata+data)"],
        [[m, t, tx, d, b, "-" if ln is None else ln] for m, t, tx, d, b, ln in sizes],
        text_columns=2,
    )
    table(
        md,
        "e. RAM: GC heap bytes in use after import and after one call (growth over before the import)",
        ["module", "after import", "after one call"],
        [[r["module"], r["heap_after_import"], r["heap_after_call"]] for r in res["ram"]],
    )
    coros = [(b, v) for b, v in med.items() if b.startswith("await ")]
    table(
        md,
        "f. Coroutines: asyncio.run of an `async def` awaiting it 100000 times in a loop "
        "(median seconds)",
        ["await", "cython", "bytecode", "bytecode/cython"],
        [
            ["`%s`" % b[6:]]
            + [fmt(v[k]) for k in ("cython", "bytecode")]
            + ["**%.2f**" % (v["bytecode"] / v["cython"])]
            for b, v in coros
        ],
    )
    if fp:
        table(md, *footprint.report(*fp), text_columns=2)
    median = lambda ts: sorted(t for t, _ in ts)[len(ts) // 2]
    table(
        md,
        "h. Through the shared runtime: the loops of c and f (1000000 calls, 50000 awaits) "
        "against kernels.mpy (x64) on a stock MicroPython, and against the static build (median seconds; the bytecode variant in both "
        "shows what differs between the two executables)",
        ["loop", "static", ".mpy", ".mpy/static", "bytecode (static)", "bytecode (stock)"],
        [
            ["`%s`" % b]
            + [fmt(median(v["cython"])), fmt(median(v["mpy"]))]
            + ["**%.2f**" % (median(v["mpy"]) / median(v["cython"]))]
            + [fmt(median(v["python"])), fmt(median(v["python-stock"]))]
            for b, v in mpy_times.items()
        ],
    )
    static_text = {r[1]: r[2] for r in sizes if r[0] == "kernels (cython)"}
    arch_of = {"x64": "x86_64", "armv7m": "cortex-m3"}
    table(
        md,
        "i. Sizes as .mpy (bytes): kernels.mpy and the runtime .mpy it needs, with the layer shared "
        "or copied into the module (`./mpcython build --mpy --runtime`), beside the module's text "
        "in the static build (table d)",
        ["arch", "runtime", "kernels.mpy", "runtime .mpy", "static text", "kernels.mpy/static"],
        [
            [a, r, m, "-" if rt is None else rt]
            + (
                [static_text[arch_of[a]], "**%.2f**" % (m / static_text[arch_of[a]])]
                if arch_of[a] in static_text
                else ["-", "-"]
            )
            for a, r, m, rt in mpy_sizes
        ],
        text_columns=2,
    )
    if res["notes"]:
        md.append("\nNotes:\n")
        for n in res["notes"]:
            md.append("- " + n)
    text = "\n".join(md) + "\n"
    print(text)
    with open(os.path.join(BENCH, "results.md"), "w") as f:
        f.write(text)
    rows = [
        {"benchmark": r["benchmark"], "variant": r["variant"], "median_s": r["median_s"]}
        for r in res["timing"]
    ]
    rows += [
        {"module": m, "target": t, "text": tx, "data": d, "bss": b} for m, t, tx, d, b, _ in sizes
    ]
    # RAM rows: GC heap bytes (gc.mem_alloc() growth) after import and after one call
    rows += [
        {
            "module": r["module"],
            "heap_after_import": r["heap_after_import"],
            "heap_after_call": r["heap_after_call"],
        }
        for r in res["ram"]
    ]
    rows += [
        {"benchmark": "mpy:" + b, "variant": k, "median_s": median(ts)}
        for b, v in mpy_times.items()
        for k, ts in v.items()
    ]
    rows += [
        {"module": "kernels.mpy", "target": a, "runtime": r, "mpy": m, "runtime_mpy": rt}
        for a, r, m, rt in mpy_sizes
    ]
    rows += fp[0] if fp else []
    with open(os.path.join(BENCH, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)


def main(argv):
    reps = 5
    if "--reps" in argv:
        reps = int(argv[argv.index("--reps") + 1])
    only = argv[argv.index("--only") + 1] if "--only" in argv else ""
    ensure_deps()
    kernels, perf = prepare()
    if "--footprint" in argv:
        # only the footprint table (the Cortex-M3 firmware and two boards)
        elf = qemu_firmware("MPS2_AN385", kernels)
        if elf is None:
            return 1
        md = []
        table(md, *footprint.report(*footprint.measure(elf, bytecode_sources())), text_columns=2)
        print("\n".join(md))
        return 0
    notes = []
    ok_perf = []
    for name in perf:
        ok, msg = cython_compiles(os.path.join(OUT, "src", "pb_" + name + ".py"))
        if ok:
            ok_perf.append(name)
        else:
            notes.append(
                "perf_bench %s: Cython does not compile it unedited: %s"
                % (name, msg.strip().splitlines()[-1:])
            )
    sources = kernels + [os.path.join(OUT, "src", "pb_" + n + ".py") for n in ok_perf]
    unix_dir = os.path.join(OUT, "unix")
    link_benchc(unix_dir)
    log("building the unix MicroPython (kernels, %d perf_bench programs, benchc)" % len(ok_perf))
    exe = unix.build(sources, unix_dir, quiet=True)
    if "--only-build" in argv:
        print(exe)
        return 0
    log("running (%d repetitions of every variant, one process)" % reps)
    env = mp_env()
    # A 16 MiB heap: the kernels' 1 MB input and strbuild's 230 kB string fit
    # (8 MiB fragmented), and a collection does not sweep 64 MiB.
    p = subprocess.run(
        [
            exe,
            "-X",
            "heapsize=16M",
            os.path.join(BENCH, "bench_main.py"),
            str(reps),
            ",".join(ok_perf),
            only,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines = p.stdout.strip().splitlines()
    try:
        res = json.loads(lines[-1])
    except (ValueError, IndexError):
        sys.stderr.write(p.stdout[-4000:])
        log("the benchmark run failed (output above)")
        return 1
    res["notes"] = notes + res["notes"]
    mpy_times, errors = natmod_calls(exe, kernels, reps, only)
    res["errors"] += errors
    sizes, fp = ([], None) if "--no-sizes" in argv else measure_sizes(unix_dir, kernels)
    mpy_sizes = [] if "--no-sizes" in argv else natmod_sizes(kernels)
    report(res, sizes, fp, mpy_times, mpy_sizes)
    if res["errors"] or p.returncode != 0:
        for e in res["errors"]:
            log("ERROR " + e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
