# The MicroPython side of `make bench` (run by bench/run.py in ONE process):
# every variant of a benchmark is timed in the same run, interleaved,
# REPS times; each result is checked against the bytecode variant's.
# Prints one JSON object on the last line.
import sys
import gc
import json
import time
import benchc
import callloops

REPS = int(sys.argv[1])
PERF = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else []
ONLY = (
    sys.argv[3] if len(sys.argv) > 3 else ""
)  # benchmarks whose name contains this (bench/run.py --only)
PB_N, PB_M = 1000, 1000  # perf_bench's parameters for a PC (run-perfbench.py 1000 1000)

out = {"timing": [], "ram": [], "errors": [], "notes": []}


def error(msg):
    out["errors"].append(msg)
    print("ERROR", msg)


def heap():
    gc.collect()
    return gc.mem_alloc()


def import_measured(name, label, call=None):
    a = heap()
    mod = __import__(name)
    b = heap()
    if call is not None:
        call(mod)
    c = heap()
    out["ram"].append({"module": label, "heap_after_import": b - a, "heap_after_call": c - a})
    return mod


# ---- RAM first (nothing else imported yet) ----
kernel_call = lambda m: m.fib_iter(10)
cy = import_measured("kernels", "kernels (cython)", kernel_call)
py = import_measured("kp_bytecode", "kernels (bytecode)", kernel_call)
c = import_measured("benchc", "kernels (c)", kernel_call)
benchc.set_emit(2)  # MP_EMIT_OPT_NATIVE_PYTHON
try:
    nat = import_measured("kp_native", "kernels (native)", kernel_call)
finally:
    benchc.set_emit(0)
vip = import_measured("kernels_viper", "kernels (viper)", kernel_call)

pb_mods = {}
for name in PERF:
    for variant, mname in (
        ("cython", "pb_" + name),
        ("bytecode", name),
        ("native", "nat_" + name),
    ):
        if variant == "native":
            benchc.set_emit(2)
        try:
            m = import_measured(mname, "%s (%s)" % (name, variant))
            pb_mods[(name, variant)] = m
        except Exception as e:
            if variant == "bytecode":
                error("%s: import failed: %r" % (mname, e))
            else:
                out["notes"].append("%s %s: not importable: %r" % (name, variant, e))
        finally:
            benchc.set_emit(0)


# CPU time of the thread (benchc.cpu_us): on a shared machine wall time
# counts whatever else runs.
clock = benchc.cpu_us


def timeit(f, *args):
    gc.collect()
    t0 = clock()
    r = f(*args)
    t1 = clock()
    return (t1 - t0) * 1e-6, r


def run_group(bench, variants, reference):
    """variants: list of (variant, callable, args); all timed REPS times, interleaved."""
    if ONLY not in bench:
        return
    times = {v: [] for v, _, _ in variants}
    results = {}
    for rep in range(REPS):
        for v, f, args in variants:
            try:
                t, r = timeit(f, *args)
            except Exception as e:
                error("%s/%s raised %r" % (bench, v, e))
                return
            times[v].append(t)
            if rep == 0:
                results[v] = r
    ref = results[reference]
    for v in results:
        if results[v] != ref:
            error(
                "%s/%s: result %s differs from %s's %s"
                % (bench, v, repr(results[v])[:80], reference, repr(ref)[:80])
            )
    for v, _, _ in variants:
        ts = sorted(times[v])
        out["timing"].append(
            {"benchmark": bench, "variant": v, "median_s": ts[len(ts) // 2], "runs_s": ts}
        )


# ---- a. typed kernels ----
data = bytearray((i * 7 + (i >> 8)) & 255 for i in range(1000000))
words = " ".join("w%d" % ((i * i) % 1013) for i in range(30000))
KERNELS = [
    ("fib_iter", (3000000,)),
    ("fib_rec", (32,)),
    ("nbody", (50000,)),
    ("checksum", (data,)),
    ("strbuild", (20000,)),
    ("wordcount", (words,)),
]
for name, args in KERNELS:
    vs = [
        ("cython", getattr(cy, name), args),
        ("bytecode", getattr(py, name), args),
        ("native", getattr(nat, name), args),
    ]
    if hasattr(vip, name):
        vs.append(("viper", getattr(vip, name), args))
    vs.append(("c", getattr(benchc, name), args))
    run_group(name, vs, "bytecode")

# ---- c. call overhead: MicroPython bytecode calling each kind of callable ----
NCALL = 200000

for bench, loop, of in callloops.CALLS:
    run_group(
        bench,
        [
            ("cython", loop, (of(cy), NCALL)),
            ("c", loop, (of(benchc), NCALL)),
            ("python", loop, (of(py), NCALL)),
        ],
        "python",
    )

# ---- f. coroutines: asyncio.run of a loop awaiting asyncio.sleep(0) ----
NSLEEP = 100000

run_group(
    "await asyncio.sleep(0)",
    [
        ("cython", callloops.run_coro, (cy.sleep_loop, NSLEEP)),
        ("bytecode", callloops.run_coro, (py.sleep_loop, NSLEEP)),
    ],
    "bytecode",
)

# ---- b. perf_bench programs, their own parameters and result() ----


def pick_params(m):
    cur = (0, 0)
    param = None
    for nm, p in m.bm_params.items():
        if 10 * nm[0] <= 12 * PB_N and nm[1] <= PB_M and nm > cur:
            cur = nm
            param = p
    return param


for name in PERF:
    if ONLY not in "pb:" + name:
        continue
    vs = []
    for variant in ("cython", "bytecode", "native"):
        m = pb_mods.get((name, variant))
        if m is None:
            continue
        param = pick_params(m)

        def go(m=m, param=param):
            run, result = m.bm_setup(param)
            t0 = clock()
            run()
            t1 = clock()
            return t1 - t0, result()

        vs.append((variant, go))
    times = {v: [] for v, _ in vs}
    results = {}
    failed = False
    for rep in range(REPS):
        for v, go in vs:
            gc.collect()
            try:
                us, r = go()
            except Exception as e:
                if v == "native":  # the emitter's limits: reported, not an error
                    out["notes"].append("%s native: raised %r" % (name, e))
                    vs = [x for x in vs if x[0] != "native"]
                    continue
                error("perf_bench %s/%s raised %r" % (name, v, e))
                failed = True
                break
            times[v].append(us * 1e-6)
            if rep == 0:
                results[v] = r
        if failed:
            break
    if failed:
        continue
    for v in results:
        if results[v] != results["bytecode"]:
            error(
                "perf_bench %s/%s: result %r differs from bytecode's %r"
                % (name, v, results[v], results["bytecode"])
            )
    for v, ts in times.items():
        if len(ts) == REPS:
            ts = sorted(ts)
            out["timing"].append(
                {
                    "benchmark": "pb:" + name,
                    "variant": v,
                    "median_s": ts[len(ts) // 2],
                    "runs_s": ts,
                }
            )

print(json.dumps(out))
sys.exit(1 if out["errors"] else 0)
