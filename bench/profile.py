#!/usr/bin/env python3
"""Instruction counts (valgrind --tool=callgrind) of the benchmarks, on an
unstripped build of the executable `make bench` runs. Only the measured
work is counted (inside benchc.measured(f); start-up, import and set-up are
not), so the counts are exact and stable on a busy machine.

  python3 bench/profile.py --counts [NAME ...]    instructions per benchmark and variant
  python3 bench/profile.py --perf NAME [-n 30]    top functions of perf_bench NAME (cython)
  python3 bench/profile.py --kernel NAME [-n 30]  top functions of a kernel/call benchmark (cython)
  python3 bench/profile.py --mpy                  instructions per call of table c's loops, static
                                                  build against kernels.mpy on a stock MicroPython

NAME: a perf_bench program (bm_float), a kernel (fib_iter) or a call
benchmark (call_f_int, call_f_kw, call_method, await_sleep). Files: build/bench/prof/.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402

SNIPPET = """
import sys, benchc
what, variant = sys.argv[1], sys.argv[2]
if what.startswith("pb:"):
    name = what[3:]
    m = __import__({"cython": "pb_", "bytecode": "", "native": "nat_"}[variant] + name)
    for nm, p in sorted(m.bm_params.items()):
        if nm[0] <= 1000 and nm[1] <= 1000:
            param = p
    r, res = m.bm_setup(param)
    benchc.measured(r)
    print(res())
else:
    if variant == "native":
        benchc.set_emit(2)
    # The Cython module is imported in every variant, as in bench_main.py:
    # once one is, Python code's builtin lookups pass the layer's overrides.
    import kernels
    m = {"cython": "kernels", "bytecode": "kp_bytecode", "native": "kp_native", "c": "benchc"}[variant]
    m = __import__(m)
    benchc.set_emit(0)
    N = 2000
    if what == "call_f_int":
        f = m.f_int
        def r():
            for i in range(N):
                f(i)
    elif what == "call_f_kw":
        f = m.f_kw
        def r():
            for i in range(N):
                f(i, y=1)
    elif what == "await_sleep":
        import asyncio
        r = lambda: asyncio.run(m.sleep_loop(N))
    elif what == "call_method":
        k = m.K()
        def r():
            for i in range(N):
                k.m(i)
    else:
        args = {"fib_iter": (30000,), "fib_rec": (18,), "nbody": (200,), "checksum": (bytearray(i & 255 for i in range(10000)),),
                "strbuild": (500,), "wordcount": (" ".join("w%d" % (i * i % 101) for i in range(1000)),)}[what]
        f = getattr(m, what)
        r = lambda: f(*args)
    benchc.measured(r)
"""

KERNELS = [
    "fib_iter",
    "fib_rec",
    "nbody",
    "checksum",
    "strbuild",
    "wordcount",
    "call_f_int",
    "call_f_kw",
    "call_method",
    "await_sleep",
]
# The hand-written C module has no coroutine.
NO_C = ("await_sleep",)


def build():
    kernels, perf = run.prepare()
    outdir = os.path.join(run.OUT, "prof")
    run.link_benchc(outdir)
    os.environ["MPCY_MAKEFLAGS"] = "STRIP="
    exe = run.unix.build(
        kernels + [os.path.join(run.OUT, "src", "pb_" + p + ".py") for p in perf],
        outdir,
        quiet=True,
    )
    script = os.path.join(outdir, "snippet.py")
    run.write(script, SNIPPET)
    return exe, script, outdir, perf


def callgrind(exe, script, outdir, what, variant):
    cg = os.path.join(outdir, "callgrind.out.%s.%s" % (what.replace(":", "_"), variant))
    env = run.mp_env()
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=" + cg,
            "--toggle-collect=benchc_measured",
            exe,
            "-X",
            "heapsize=4M",
            script,
            what,
            variant,
        ],
        env=env,
        check=True,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    total = 0
    for line in open(cg):
        if line.startswith("totals:") or line.startswith("summary:"):
            total = int(line.split()[1])
    return cg, total


# --mpy: one call loop of callloops.py, N times, against kernels (the
# static build's, or kernels.mpy from the folder given).
MPY_SNIPPET = """
import sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2]:
    sys.path.insert(0, sys.argv[2])
import callloops, kernels
what, n = sys.argv[3], int(sys.argv[4])
for bench, loop, of in callloops.CALLS:
    if bench == what:
        loop(of(kernels), n)
"""


def process_count(cmd):
    """Instructions of the whole process CMD (callgrind)."""
    p = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
        env=run.mp_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    return int(p.stderr.split("refs:")[1].split()[0].replace(",", ""))


def mpy_counts(exe, outdir, n=100000):
    """Per call of each loop: the whole process with N calls less with none,
    so start-up and the import (the runtime .mpy's load) drop out."""
    import callloops

    # (build's STRIP= is for the static build: the stock one is the user's)
    os.environ.pop("MPCY_MAKEFLAGS", None)
    kernels = [os.path.join(run.BENCH, "kernels.pyx")]
    mpy = run.natmod_build(kernels, "x64", "shared")
    stock = run.mpcython_out(["stock"])
    script = os.path.join(outdir, "mpy_snippet.py")
    run.write(script, MPY_SNIPPET)
    print("%-24s %10s %10s %12s" % ("loop", "static", ".mpy", ".mpy/static"))
    for bench, _, _ in callloops.CALLS:
        per = []
        for runner, folder in ((exe, ""), (stock, mpy)):
            t = [process_count([runner, script, run.BENCH, folder, bench, str(k)]) for k in (n, 0)]
            per.append((t[0] - t[1]) / n)
        print("%-24s %10.1f %10.1f %12.2f" % (bench, per[0], per[1], per[1] / per[0]), flush=True)


def main(argv):
    n = int(argv[argv.index("-n") + 1]) if "-n" in argv else 30
    exe, script, outdir, perf = build()
    if "--mpy" in argv:
        mpy_counts(exe, outdir)
        return 0
    if "--counts" in argv:
        names = [a for a in argv if not a.startswith("-")] or (KERNELS + perf)
        print(
            "%-16s %14s %14s %14s %14s"
            % ("benchmark", "cython", "bytecode", "c", "bytecode/cython")
        )
        for name in names:
            what = name if name in KERNELS else "pb:" + name
            variants = ["cython", "bytecode"] + (
                ["c"] if name in KERNELS and name not in NO_C else []
            )
            counts = {v: callgrind(exe, script, outdir, what, v)[1] for v in variants}
            print(
                "%-16s %14d %14d %14s %14.2f"
                % (
                    name,
                    counts["cython"],
                    counts["bytecode"],
                    counts.get("c", "-"),
                    counts["bytecode"] / counts["cython"],
                ),
                flush=True,
            )
        return 0
    name = argv[argv.index("--perf") + 1] if "--perf" in argv else argv[argv.index("--kernel") + 1]
    what = "pb:" + name if "--perf" in argv else name
    cg, total = callgrind(exe, script, outdir, what, "cython")
    for incl in (False, True):
        out = subprocess.run(
            ["callgrind_annotate"] + (["--inclusive=yes"] if incl else []) + [cg],
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        lines = [l for l in out.splitlines() if l.strip()]
        head = [i for i, l in enumerate(lines) if "PROGRAM TOTALS" in l]
        print("== %s (%s)" % (name, "inclusive" if incl else "self"))
        print("\n".join(lines[head[0] if head else 0 :][: n + 3]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
