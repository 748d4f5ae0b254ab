#!/usr/bin/env python3
"""`make check-reliability` (issue 7): everything about reliability, with a
summary table at the end.

  1. the behaviour tests with their gc-stress runs (tests/behaviour/run.py);
  2. Cython's must-pass tests (tests/cython/must-pass.txt) with a garbage
     collection before every allocation (tests/cython/run.py --gc-stress);
  3. the hostile-input table against CPython, and its gc-stress run
     (tests/reliability/run.py);
  4. AddressSanitizer + UndefinedBehaviorSanitizer (gcc): a unix MicroPython
     and the layer built with -fsanitize=address,undefined run the behaviour
     tests (also under gc-stress) and the hostile table; every sanitizer
     report is written to build/reliability/sanitizer/ and counted;
  5. valgrind memcheck over the behaviour tests (without their gc-stress
     runs; an unstripped link of the normal build); valgrind.supp holds
     the one narrow suppression for MicroPython's conservative stack scan;
  6. the allocation-failure sweep: each behaviour module imported and its
     first test run with its N-th GC allocation failing, for every N
     (tests/reliability/failalloc.py): MemoryError or success, no crash;
  7. leaks: each behaviour test script run 10,000 times, heap after
     gc.collect() flat, PyMem blocks all returned, failing imports leave
     nothing behind (tests/reliability/leaks.py);
  8. libFuzzer over the layer's conversions, Py_BuildValue and Cython's
     argument parsing for 600 seconds (tests/fuzz/run.py).

Options: --fuzz-seconds N (default 600), --leak-runs N (default 10000),
--cython-time-box SEC (default: every must-pass test),
--skip STEP[,STEP] (behaviour, cython, hostile, failalloc, asan, valgrind, leaks, fuzz).
Exits 0 only if every step passed; the last line is `N passed, N failed`.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import (
    behaviour,
    cli,
    report,
)  # noqa: E402  (also puts ROOT, the driver package, on sys.path)
from driver import frozen, unix  # noqa: E402
from driver.common import micropy_dir  # noqa: E402

OUT = os.path.join(ROOT, "build", "reliability")
SAN_DIR = os.path.join(OUT, "sanitizer")
VG_DIR = os.path.join(OUT, "valgrind")
PY = sys.executable
BEHAVIOUR = os.path.join(ROOT, "tests", "behaviour", "run.py")

# gcc's sanitizers, with the options of MicroPython's own CI (tools/ci.sh:
# no use-after-return fake stacks, which the conservative stack scan cannot see).
# Two UBSan checks are off: behaviour tests compute C integer overflow on
# purpose (int32_bounds: `long long` wrap-around, int_ops: `<<` of negatives),
# undefined in C in their own generated code, on CPython's build as here.
SAN_FLAGS = (
    "-fsanitize=address,undefined -fno-sanitize=nonnull-attribute,signed-integer-overflow,shift "
    "-fno-omit-frame-pointer --param asan-use-after-return=0"
)


# Behaviour tests whose output valgrind itself changes (not memory errors).
VALGRIND_SKIP = {
    "capi_protocols": "prints a float whose repr MicroPython finds with long double arithmetic "
    "(py/misc.h mp_large_float_t), which valgrind runs at double precision: "
    "3.935305402391371e+20 comes out as 3.93530540239137088e+20",
}


def log(msg):
    print("check-reliability: " + msg, flush=True)


def run_suite(name, cmd, env=None):
    """Runs a suite, echoing its output; returns (passed, failed, output text)."""
    log(
        "%s: %s"
        % (name, " ".join(os.path.relpath(c, ROOT) if os.path.isabs(c) else c for c in cmd))
    )
    passed, failed, _, note, text = report.run_suite(cmd, ROOT, env)
    if note:
        log("%s: %s" % (name, note))
    return passed, failed, text


def sanitizer_build():
    """A unix MicroPython + layer + the behaviour and hostile modules, built with the sanitizers."""
    files = sorted(glob.glob(os.path.join(behaviour.TESTDIR, "*.pyx"))) + [
        os.path.join(HERE, n + ".pyx") for n in ("hostile", "failinit")
    ]
    env = dict(
        os.environ,
        MPCY_CFLAGS=SAN_FLAGS,
        MPCY_LDFLAGS="-fsanitize=address,undefined --param asan-use-after-return=0",
        MPCY_MAKEFLAGS="STRIP=true",
    )
    log("building the sanitizer MicroPython (%d modules)" % len(files))
    p = subprocess.run(
        [PY, os.path.join(ROOT, "mpcython"), "build"] + files + ["-o", os.path.join(OUT, "asan")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if p.returncode != 0:
        print(p.stdout[-4000:])
        return None
    return p.stdout.split()[-1]


def san_env():
    os.makedirs(SAN_DIR, exist_ok=True)
    # One file per report (log_path.PID); any report stops the process.
    return dict(
        os.environ,
        ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=0:abort_on_error=0:"
        "log_path=%s/asan" % SAN_DIR,
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=%s/ubsan" % SAN_DIR,
        LSAN_OPTIONS="suppressions=%s" % os.path.join(HERE, "lsan.supp"),
    )


def valgrind_exe():
    """The normal behaviour build, linked again without stripping (symbols for
    the suppression): copies build/tests/mp and relinks, nothing recompiles."""
    src = behaviour.MP_BUILD
    dst = os.path.join(OUT, "valgrind-mp")
    exe = os.path.join(src, "build-unix", "micropython")
    if not os.path.exists(exe):
        return None
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst, symlinks=True)
    os.unlink(os.path.join(dst, "build-unix", "micropython"))
    cmd = unix.make_command(
        micropy_dir(),
        os.path.join(dst, "build-unix"),
        os.path.join(dst, "usermods"),
        frozen.manifest_path(dst),
    ) + ["STRIP=true"]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        print(p.stdout[-3000:])
        return None
    return os.path.join(dst, "build-unix", "micropython")


def main():
    ap = cli.parser(__doc__)
    ap.add_argument("--fuzz-seconds", type=int, default=600)
    ap.add_argument("--leak-runs", type=int, default=10000)
    ap.add_argument("--skip", default="")
    ap.add_argument(
        "--valgrind-only",
        default="",
        help="behaviour tests to run under valgrind (tests/behaviour/run.py --only; default: all, without gc-stress)",
    )
    ap.add_argument(
        "--cython-time-box",
        type=int,
        default=0,
        help="start no new Cython test after SEC seconds (default: all of must-pass.txt)",
    )
    args = ap.parse_args()
    skip = set(s for s in args.skip.split(",") if s)
    t_start = time.time()
    rows = []  # (step, cases passed, failed, figure, seconds)
    total = [0, 0]
    figures = {
        "sanitizer reports": 0,
        "valgrind errors": 0,
        "fuzz executions": 0,
        "fuzz crashes": 0,
        "max heap growth": "n/a",
        "injected allocation failures": 0,
    }

    def step(name, passed, failed, figure, t0):
        rows.append((name, passed, failed, figure, time.time() - t0))
        total[0] += passed
        total[1] += failed

    if subprocess.call(["bash", os.path.join(ROOT, "tools", "reliability-deps.sh")]) != 0:
        step("set-up (tools/reliability-deps.sh)", 0, 1, "", t_start)

    if "behaviour" not in skip:
        t0 = time.time()
        p, f, _ = run_suite("behaviour + gc-stress", [PY, BEHAVIOUR])
        step("behaviour tests + gc-stress", p, f, "", t0)
    if "cython" not in skip:
        t0 = time.time()
        box = ["--time-box", str(args.cython_time_box)] if args.cython_time_box else []
        p, f, _ = run_suite(
            "Cython must-pass under gc-stress",
            [PY, os.path.join(ROOT, "tests", "cython", "run.py"), "--must-pass", "--gc-stress"]
            + box,
        )
        step(
            "Cython must-pass tests, gc-stress"
            + (" (%d s time box)" % args.cython_time_box if box else ""),
            p,
            f,
            "",
            t0,
        )
    if "hostile" not in skip:
        t0 = time.time()
        p, f, _ = run_suite("hostile input vs CPython", [PY, os.path.join(HERE, "run.py")])
        step("hostile-input table + gc-stress", p, f, "", t0)
    if "failalloc" not in skip:
        t0 = time.time()
        p, f, text = run_suite(
            "allocation-failure sweep", [PY, os.path.join(HERE, "failalloc.py")]
        )
        m = re.search(r"failalloc: \d+ tests, (\d+) injected failures, (\d+) crashes", text)
        figures["injected allocation failures"] = int(m.group(1)) if m else 0
        step(
            "allocation-failure sweep",
            p,
            f,
            "%s injected failures, %s crashes" % (m.groups() if m else ("?", "?")),
            t0,
        )
    if "asan" not in skip:
        t0 = time.time()
        shutil.rmtree(SAN_DIR, ignore_errors=True)
        exe = sanitizer_build()
        if exe is None:
            step("ASan+UBSan build", 0, 1, "build failed", t0)
        else:
            env = san_env()
            p1, f1, o1 = run_suite(
                "behaviour under ASan+UBSan",
                [PY, BEHAVIOUR, "--exe", exe, "--timeout", "600"],
                env,
            )
            p2, f2, o2 = run_suite(
                "hostile table under ASan+UBSan",
                [PY, os.path.join(HERE, "run.py"), "--exe", exe],
                env,
            )
            # Report files, and reports that reached stderr (shown in failure details).
            shown = len(re.findall(r"runtime error:|ERROR: (?:Address|Leak)Sanitizer", o1 + o2))
            reports = max(len(glob.glob(os.path.join(SAN_DIR, "*"))), shown)
            figures["sanitizer reports"] = reports
            for f in sorted(glob.glob(os.path.join(SAN_DIR, "*")))[:3]:
                print(open(f, errors="replace").read()[-3000:])
            step(
                "ASan+UBSan: behaviour (+gc-stress) and hostile table",
                p1 + p2 + (reports == 0),
                f1 + f2 + (reports != 0),
                "%d sanitizer reports" % reports,
                t0,
            )
    if "valgrind" not in skip:
        t0 = time.time()
        exe = valgrind_exe()
        if exe is None:
            step("valgrind", 0, 1, "no unstripped build (run the behaviour step first)", t0)
        else:
            shutil.rmtree(VG_DIR, ignore_errors=True)
            os.makedirs(VG_DIR)
            wrap = (
                "valgrind --tool=memcheck --error-exitcode=99 --track-origins=no --num-callers=30 "
                "--suppressions=%s --log-file=%s/vg.%%p"
                % (os.path.join(HERE, "valgrind.supp"), VG_DIR)
            )
            if args.valgrind_only:
                only = ["--only", args.valgrind_only]
            else:
                only = ["--only", ",".join(n for n in behaviour.names() if n not in VALGRIND_SKIP)]
                for n, why in sorted(VALGRIND_SKIP.items()):
                    log("valgrind: %s left out: %s" % (n, why))
            p, f, _ = run_suite(
                "valgrind memcheck",
                [PY, BEHAVIOUR, "--exe", exe, "--wrap", wrap, "--no-stress", "--timeout", "900"]
                + only,
            )
            errors = 0
            for log_file in glob.glob(os.path.join(VG_DIR, "vg.*")):
                m = re.search(
                    r"ERROR SUMMARY: (\d+) errors", open(log_file, errors="replace").read()
                )
                errors += int(m.group(1)) if m else 0
            figures["valgrind errors"] = errors
            step(
                "valgrind memcheck (%d processes)" % len(glob.glob(os.path.join(VG_DIR, "vg.*"))),
                p + (errors == 0),
                f + (errors != 0),
                "%d errors" % errors,
                t0,
            )
    if "leaks" not in skip:
        t0 = time.time()
        p, f, text = run_suite(
            "leaks", [PY, os.path.join(HERE, "leaks.py"), "-n", str(args.leak_runs)]
        )
        m = re.search(r"max heap growth ([-\d.]+%)", text)
        figures["max heap growth"] = m.group(1) if m else "n/a"
        step(
            "leaks: %d runs per test" % args.leak_runs,
            p,
            f,
            "max heap growth " + figures["max heap growth"],
            t0,
        )
    if "fuzz" not in skip:
        t0 = time.time()
        p, f, text = run_suite(
            "libFuzzer",
            [
                PY,
                os.path.join(ROOT, "tests", "fuzz", "run.py"),
                "--seconds",
                str(args.fuzz_seconds),
            ],
        )
        m = re.search(r"fuzz: (\d+) executions, (\d+) crashes", text)
        if m:
            figures["fuzz executions"], figures["fuzz crashes"] = int(m.group(1)), int(m.group(2))
        step(
            "libFuzzer %d s" % args.fuzz_seconds,
            p,
            f,
            "%s executions, %s crashes" % (figures["fuzz executions"], figures["fuzz crashes"]),
            t0,
        )

    print()
    print("| step | passed | failed | figure | seconds |")
    print("| --- | ---: | ---: | --- | ---: |")
    for name, p, f, fig, secs in rows:
        print("| %s | %d | %d | %s | %.0f |" % (name, p, f, fig, secs))
    print()
    print("cases run: %d (%d passed, %d failed)" % (total[0] + total[1], total[0], total[1]))
    print(
        "sanitizer reports: %d; valgrind errors: %d"
        % (figures["sanitizer reports"], figures["valgrind errors"])
    )
    print(
        "fuzz executions: %d, crashes: %d" % (figures["fuzz executions"], figures["fuzz crashes"])
    )
    print("heap growth (max over the leak checks): %s" % figures["max heap growth"])
    print("injected allocation failures: %d" % figures["injected allocation failures"])
    print("time: %.0f s" % (time.time() - t_start))
    print(report.closing_line(total[0], total[1]))
    return 1 if total[1] else 0


if __name__ == "__main__":
    sys.exit(main())
