# The MicroPython side of `make bench`'s table g: the call loops of
# callloops.py against bench/kernels.pyx, run once per process by
# bench/run.py, alternately in the benchmark executable (kernels linked in,
# the static build) and in a stock MicroPython (kernels.mpy and the shared
# runtime .mpy from the folder given). The bytecode variant (kp_bytecode)
# runs in both: it shows what differs between the two interpreters.
# Prints one JSON object: {benchmark: {variant: [seconds, result]}}.
import sys
import gc
import json
import callloops

MPY_DIR = sys.argv[1]  # "": the static build
ONLY = sys.argv[2] if len(sys.argv) > 2 else ""
if MPY_DIR:
    sys.path.insert(0, MPY_DIR)
import kernels  # noqa: E402
import kp_bytecode  # noqa: E402

# Longer than table c's loops: this clock advances by the scheduler's tick
# on some kernels (4 ms here), so a loop takes 100 ms or more.
NCALL = 1000000
NSLEEP = 50000


# CPU time of this thread in ns (Linux): the same clock in both builds (a
# stock MicroPython has no benchc.cpu_us); wall time would count whatever
# else runs on a shared machine.
def clock():
    with open("/proc/thread-self/schedstat") as f:
        return int(f.read().split()[0])


def timeit(f, *args):
    gc.collect()
    t0 = clock()
    r = f(*args)
    return (clock() - t0) * 1e-9, r


out = {}
runs = [(b, loop, of, NCALL) for b, loop, of in callloops.CALLS]
runs.append(("await asyncio.sleep(0)", callloops.run_coro, lambda m: m.sleep_loop, NSLEEP))
for bench, loop, of, n in runs:
    if ONLY in bench:
        out[bench] = {
            "cython": timeit(loop, of(kernels), n),
            "python": timeit(loop, of(kp_bytecode), n),
        }
print(json.dumps(out))
