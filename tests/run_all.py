#!/usr/bin/env python3
"""Entry point of `make test` and `make check`: runs the test suites, several
at a time, and adds up their closing lines.

  make test    every suite below (what CI runs, .ci/run), among them the
               behaviour tests on the RISC-V board and against the other
               MicroPython release (each cell of the matrix but Cython's
               full must-pass list) and as .mpy modules on the stock
               unix MicroPython and the stock qemu Cortex-M3 firmware;
  make check   the fast loop for someone editing the layer: the suites
               marked "check" (unix only: no qemu, no apt, no fuzzing),
               with CHECK_ARGS (the driver suite's --quick).
  make test-matrix (--matrix)  the behaviour tests on every supported
               architecture and MicroPython release (docs/embedded.md):
               unix with 1.26.1 and 1.25.0 (there also Cython's must-pass
               tests), the qemu Cortex-M3 and RISC-V boards with 1.26.1.

Each suite prints its own `N passed, N failed[, N skipped]` last line; its
output lines are shown as they come, each after `[suite] `.  At the end a
table shows each suite's counts and time, and the last line is the sum.
Exits non-zero if anything failed, or if a suite ended without a closing
line (counted as one failure).  tests/README.md describes every suite.

Suites that share a build run one after the other (`after`); the others
run side by side, at most -j at a time (default 3: on 2 cores much of a
suite's time is single-threaded: Cython, the qemu board, waiting on a test).

Usage: tests/run_all.py [--check | --matrix] [--only SUITE[,SUITE]] [-j N] [--list]
Environment: MPCY_SKIP_QEMU=1 leaves the qemu suites out;
MPCY_RATCHET_SAMPLE / MPCY_STRESS_SAMPLE: how many of Cython's must-pass
tests the ratchet and its gc-stress run take (a fixed sample; 0: all);
MPCY_MATRIX_SAMPLE: the same for the matrix's must-pass cells (default 0: all).
"""

import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import cli, report  # noqa: E402
from driver import qemu  # noqa: E402
from driver.common import micropy_release, other_releases  # noqa: E402

PY = sys.executable


# The MicroPython releases the matrix tests besides the default one (each
# fetched into deps/micropython-VERSION).
OTHER_RELEASES = other_releases()
RELEASE_ENV = {"MICROPY_VERSION": OTHER_RELEASES[0]}


def matrix():
    """make test-matrix: [(name, command, suites it must follow, in make check, environment)]"""
    default = micropy_release(os.path.join(ROOT, "deps", "micropython"))
    sample = os.environ.get("MPCY_MATRIX_SAMPLE", "0")
    out = []
    for v in [""] + OTHER_RELEASES:
        env = {"MICROPY_VERSION": v}  # "": the default release (deps/micropython)
        cell = "unix-" + (v or default)
        out += [
            ("behaviour@" + cell, ["tests/behaviour/run.py"], [], False, env),
            (
                "cython@" + cell,
                ["tests/cython/run.py", "--must-pass", "--sample", sample],
                [],
                False,
                env,
            ),
        ]
    for board in sorted(qemu.BOARDS):
        out.append(
            (
                "qemu@%s-%s" % (board, default),
                ["tests/qemu/run.py", "--board", board],
                [],
                False,
                {"MICROPY_VERSION": ""},
            )
        )
    return absolute(out)


def suites():
    """[(name, command, suites it must follow, in make check, environment)]"""
    ratchet = os.environ.get("MPCY_RATCHET_SAMPLE", "40")
    stress = os.environ.get("MPCY_STRESS_SAMPLE", "20")
    # In the order they start, the longest first, so that the last to start
    # are short (seconds per suite in a make test from a fresh clone, 3 at a
    # time on 2 cores: qemu 1473, qemu-rv32 1404, driver 1367, behaviour 1003
    # (then leaks 119), behaviour-small 882, behaviour-1.25.0 779, embed 739,
    # cython-ratchet 476 (then cython-gc-stress 39), fuzz 446, libs 209,
    # reliability 205, nlr-lint 119).
    out = [
        ("qemu", ["tests/qemu/run.py"], [], False, {}),
        # The matrix's other architecture (docs/embedded.md).
        ("qemu-rv32", ["tests/qemu/run.py", "--board", "VIRT_RV32"], [], False, {}),
        ("driver", ["tests/driver/run.py"], [], True, {}),
        ("behaviour", ["tests/behaviour/run.py"], [], True, {}),
        # The size profile (./mpcython build --small; tests/behaviour/SMALL).
        ("behaviour-small", ["tests/behaviour/run.py", "--small"], [], False, {}),
        # The matrix's other MicroPython release (its own build folders).
        ("behaviour-" + OTHER_RELEASES[0], ["tests/behaviour/run.py"], [], False, RELEASE_ENV),
        ("embed", ["tests/embed/run.py"], [], False, {}),
        # Cython's own tests that passed before must still pass (a fixed sample;
        # all of them: make cython-ratchet), then the same under gc stress.
        # One after the other: both use build/cython-tests' layer snapshot.
        (
            "cython-ratchet",
            ["tests/cython/run.py", "--must-pass", "--sample", ratchet],
            [],
            False,
            {},
        ),
        ("fuzz", ["tests/fuzz/run.py", "--seconds", "30"], [], False, {}),
        # Third-party Cython libraries from Debian (make test-libs, docs/libraries.md).
        ("libs", ["tests/libs/run.py"], [], False, {}),
        # Reliability (docs/reliability.md; all of it: make check-reliability).
        ("reliability", ["tests/reliability/run.py"], [], False, {}),
        # No exported C API function may raise through nlr (docs/design.md).
        ("nlr-lint", ["tests/lint/nlr.py"], [], True, {}),
        (
            "cython-gc-stress",
            ["tests/cython/run.py", "--must-pass", "--gc-stress", "--sample", stress],
            ["cython-ratchet"],
            False,
            {},
        ),
        # The behaviour tests as native .mpy modules on the stock unix
        # MicroPython (make test-mpy; tests/behaviour/MPY). After behaviour:
        # it reuses behaviour's CPython reference builds and runs.
        ("behaviour-mpy", ["tests/behaviour/run.py", "--mpy"], ["behaviour"], False, {}),
        # The same as armv7m .mpy modules on the stock qemu Cortex-M3 board
        # (make test-mpy-qemu; tests/behaviour/MPY.armv7m). After driver: both
        # build the stock qemu firmware in its default folder.
        (
            "behaviour-mpy-qemu",
            ["tests/behaviour/run.py", "--mpy", "--arch", "armv7m"],
            ["driver"],
            False,
            {},
        ),
        # leaks uses the behaviour build and the reliability build.
        (
            "leaks",
            ["tests/reliability/leaks.py", "-n", "1000"],
            ["behaviour", "reliability"],
            False,
            {},
        ),
    ]
    if os.environ.get("MPCY_SKIP_QEMU") == "1":
        out = [s for s in out if not s[0].startswith("qemu") and not s[0].endswith("-qemu")]
    return absolute(out)


# The arguments make check adds to a suite's command (make test runs it in full).
CHECK_ARGS = {"driver": ["--quick"]}


def absolute(entries):
    """ENTRIES with each command run by this Python, its scripts by full path."""
    return [
        (n, [PY] + [os.path.join(ROOT, c) if c.endswith(".py") else c for c in cmd], *rest)
        for n, cmd, *rest in entries
    ]


def main():
    ap = cli.parser(__doc__)
    ap.add_argument("--check", action="store_true", help="only the suites of make check")
    ap.add_argument(
        "--matrix", action="store_true", help="the supported matrix instead (make test-matrix)"
    )
    ap.add_argument("--only", metavar="SUITES", help="only these suites (comma-separated names)")
    ap.add_argument("-j", type=int, default=3, metavar="N", help="suites at a time (default 3)")
    ap.add_argument("--list", action="store_true", help="list the suites and their commands")
    args = ap.parse_args()

    todo = matrix() if args.matrix else suites()
    if args.check:
        todo = [(n, cmd + CHECK_ARGS.get(n, []), *rest) for n, cmd, *rest in todo if rest[1]]
    envs = {s[0]: dict(os.environ, **s[4]) for s in todo if s[4]}
    if args.only:
        names = args.only.split(",")
        unknown = set(names) - {s[0] for s in todo}
        if unknown:
            raise SystemExit("no such suite: %s" % ", ".join(sorted(unknown)))
        todo = [s for s in todo if s[0] in names]
    if args.list:
        for name, cmd, after, _, _ in todo:
            env = " ".join(
                "%s=%s" % kv
                for kv in sorted(envs.get(name, {}).items())
                if kv not in os.environ.items()
            )
            print(
                "%-17s %s%s"
                % (
                    name,
                    (env + " " if env else "") + " ".join(shown(cmd)),
                    "  (after %s)" % ", ".join(after) if after else "",
                )
            )
        return 0

    lock = threading.Lock()
    cond = threading.Condition(lock)
    done = {}  # name -> (passed, failed, skipped, seconds, note)
    running = set()
    selected = {s[0] for s in todo}
    pending = list(todo)

    def say(text):
        with lock:
            sys.stdout.write(text)
            sys.stdout.flush()

    def worker(name, cmd):
        say("==== %s: %s\n" % (name, " ".join(shown(cmd))))
        t0 = time.time()
        try:
            passed, failed, skipped, note, _ = report.run_suite(
                cmd,
                ROOT,
                env=envs.get(name),
                echo=lambda line: say(
                    "[%s] %s" % (name, line if line.endswith("\n") else line + "\n")
                ),
            )
        except Exception as e:  # the suite could not be run: one failure, and the others go on
            passed, failed, skipped, note = 0, 1, 0, "could not run: %r" % e
        secs = time.time() - t0
        if note:
            say("[%s] %s\n" % (name, note))
        say("==== %s: %s (%.0f s)\n" % (name, report.closing_line(passed, failed, skipped), secs))
        with cond:
            done[name] = (passed, failed, skipped, secs, note)
            running.discard(name)
            cond.notify_all()

    threads = []
    t_start = time.time()
    with cond:
        while pending or running:
            ready = [s for s in pending if all(a in done or a not in selected for a in s[2])]
            while ready and len(running) < max(1, args.j):
                name, cmd = ready[0][0], ready[0][1]
                pending.remove(ready.pop(0))
                running.add(name)
                th = threading.Thread(target=worker, args=(name, cmd))
                th.start()
                threads.append(th)
            cond.wait()
    for th in threads:
        th.join()

    total = [0, 0, 0]
    w = max([17] + [len(s[0]) for s in todo])  # the name column
    print("\n%-*s %7s %7s %8s %8s" % (w, "suite", "passed", "failed", "skipped", "seconds"))
    for name, *_ in todo:
        passed, failed, skipped, secs, note = done[name]
        print(
            "%-*s %7d %7d %8d %8.0f%s"
            % (w, name, passed, failed, skipped, secs, "  " + note if note else "")
        )
        for i, n in enumerate((passed, failed, skipped)):
            total[i] += n
    print(
        "%-*s %7d %7d %8d %8.0f  (wall time, %d at a time)"
        % (w, "all", total[0], total[1], total[2], time.time() - t_start, args.j)
    )
    print(report.closing_line(*total))
    return 1 if total[1] else 0


def shown(cmd):
    return ["python3"] + [os.path.relpath(c, ROOT) if os.path.isabs(c) else c for c in cmd[1:]]


if __name__ == "__main__":
    sys.exit(main())
