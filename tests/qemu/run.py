#!/usr/bin/env python3
"""Behaviour tests on the emulated boards of MicroPython's qemu port
(`make test-qemu`: Cortex-M3; `--board VIRT_RV32`: RISC-V; both in `make test`).

The same tests/behaviour/X.pyx + X_test.py as tests/behaviour/run.py, with
the same reference (CPython, computed by tests/lib/behaviour.py: the module
built for CPython, its driver's stdout + exit status), but run on
MicroPython's qemu port, board MPS2_AN385 (Cortex-M3) or VIRT_RV32 (RISC-V
rv32imac); both 32 bit, no FPU, single-precision floats, 31-bit small ints,
140 KiB GC heap:

  * all modules are built into one firmware with
    `./mpcython build --port qemu --board B tests/behaviour/*.pyx
    --freeze tests/behaviour/checks.py -o build/tests/qemu[-BOARD][-mpVERSION][-HASH]`
    (one folder per board, MicroPython release and selection; groups of at
    most --group modules each if one image would not fit: all take about
    1.1 MiB);
  * each driver script runs on a fresh qemu-system-* through the raw REPL
    (driver/qemu.py), tests/behaviour/checks.py frozen into the firmware
    (`--freeze`: the board has no folder to import it from); its stdout and
    exit status must equal CPython's;
    EXPECT-TRACEBACK/EXCEPTION lines are checked as on unix (`X [traceback]`);
  * `X [gc-stress]`: again with gc.threshold(0) (a collection before every
    allocation, tests/lib/prelude.py), as on unix;
  * `soft-reset [...]`: a few drivers on one board, again after a soft reset
    (Ctrl-D) and after a second one (modules imported before a reset must be
    initialised again, not point into the freed heap);
  * `run --port qemu: ...`: `./mpcython run --port qemu` passes a script's
    stdout, sys.argv and exit status through (uncaught exception: 1).

Target differences are never hidden: tests/qemu/DIFFERENCES.md describes each
one, and tests/qemu/TARGET (the rules of both boards) and TARGET.BOARD (one
board's own, if any) list, per test, how it is handled:

    NAME  skip    REASON           cannot run on the board: reported SKIP with the reason
    NAME  line [K] 'CPY' => 'BOARD'
                                   on the board, the reference line CPY (a Python string
                                   literal, the whole line) reads BOARD. CPY must occur
                                   exactly once, or give K: its K-th occurrence (of at
                                   least K). A rule that no longer matches fails (stale)
    NAME  stderr  'LINE'           a line CPython prints to stderr: the board has one console,
                                   so it is in the board's stdout; it must be there (each
                                   rule once, in order; a line ending with LINE: a
                                   warning's location comes first) and is taken out
                                   before comparing
    NAME  heap    BYTES REASON     the test needs a GC heap of BYTES: on a board with less
                                   (MPCY_QEMU_HEAP), a run that fails with more MemoryErrors
                                   in its output than CPython's is reported SKIP with the
                                   reason, and the test is left out of the soft-reset run; a
                                   rule that no run needed fails (stale)
    NAME  expect                   the board's stdout is tests/qemu/expected/NAME.out (or
                                   expected/BOARD/NAME.out where the boards differ), whose
                                   first line records the sha256 of the CPython reference
                                   it was reviewed against: when the test changes, the
                                   file is stale and the test fails until it is reviewed
                                   and rewritten (--update-expected NAME)

Prints PASS/FAIL/SKIP per result and finally `N passed, N failed, N skipped`;
exits 1 on any failure.

Usage: tests/qemu/run.py [--board B] [--only PATTERN] [--no-stress] [-j N]
                         [--timeout SEC] [--group N] [-v]
"""

import concurrent.futures
import difflib
import hashlib
import os
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import behaviour, cli, rel, rules  # noqa: E402
from lib.proc import dec, rc_text, run, tail  # noqa: E402
from lib.report import Tally, diff  # noqa: E402
from driver import qemu  # noqa: E402
from driver.common import micropy_dir, micropy_variant  # noqa: E402

TARGET = os.path.join(HERE, "TARGET")
EXPECTED = os.path.join(HERE, "expected")
BOARD = qemu.DEFAULT_BOARD  # --board


def build_base():
    """build/tests/qemu[-BOARD][-mpVERSION]: one folder per board and release."""
    board = "" if BOARD == qemu.DEFAULT_BOARD else "-" + BOARD.lower()
    return os.path.join(ROOT, "build", "tests", "qemu" + board + micropy_variant())


def target_files():
    """TARGET (rules of every board: both are ILP32 with single-precision
    floats) and TARGET.BOARD (this board's own, if any)."""
    return [f for f in (TARGET, TARGET + "." + BOARD) if os.path.exists(f)]


def expected_path(name):
    """expected/BOARD/NAME.out where this board's output differs from the
    Cortex-M3's, else expected/NAME.out."""
    own = os.path.join(EXPECTED, BOARD, name + ".out")
    return own if os.path.exists(own) else os.path.join(EXPECTED, name + ".out")


def target_rules():
    return rules.read(target_files(), rules.BOARD_KINDS)


def ref_digest(rc, out):
    return hashlib.sha256(("%d\n" % rc + out).encode()).hexdigest()


def apply_rules(t, rule, update):
    """The board's expected (rc, stdout) for t, or (None, why) for a stale rule."""
    rc, out = t.ref
    if rule is None:
        return (rc, out), None
    if rule["expect"]:
        path = expected_path(t.name)
        head = "# cpython-sha256: %s\n" % ref_digest(rc, out)
        if update:
            return None, "update"
        if not os.path.exists(path):
            return None, "%s is missing (--update-expected %s, after review)" % (rel(path), t.name)
        text = open(path, encoding="utf-8").read()
        if not text.startswith(head):
            return None, (
                "%s is stale: the CPython reference changed since it was reviewed; compare\n"
                "    the board's output and rewrite it with --update-expected %s"
                % (rel(path), t.name)
            )
        return (rc, text[len(head) :]), None
    out, why = rules.apply_lines(out, rule["lines"], "tests/qemu/TARGET*")
    return (None, why) if why else ((rc, out), None)


def mpcython_build(tests, outdir, timeout):
    cmd = [sys.executable, os.path.join(ROOT, "mpcython"), "build", "--port", "qemu"]
    cmd += ["--board", BOARD]
    files = [rel(f) for f in behaviour.module_files(tests)]
    cmd += files + FREEZE + ["-o", rel(outdir)]
    print(
        "building: "
        + behaviour.shown_build("./mpcython build --port qemu --board " + BOARD, files, outdir),
        flush=True,
    )
    t0 = time.time()
    rc, out, err, to = run(cmd, cwd=ROOT, timeout=timeout)
    if to:
        return None, "build timed out after %ds\n%s" % (timeout, tail(dec(err), 30))
    if rc != 0:
        text = "\n".join(
            l for l in dec(out + err).splitlines() if not l.startswith(("CC ", "GEN ", "-e See"))
        )
        print("firmware build failed (%s):\n%s" % (rc_text(rc), tail(text, 40)), flush=True)
        return None, "the firmware build failed (see above)"
    fw = dec(out).strip().splitlines()[-1]
    text, data, bss = qemu.size(fw)
    print(
        "firmware: %s (text %d, data %d, bss %d bytes; built in %ds)"
        % (rel(fw), text, data, bss, time.time() - t0),
        flush=True,
    )
    return fw, None


def build_groups(tests, group, timeout):
    """[(firmware or None, error, tests)]: one firmware for all if group >= len(tests).
    One build folder per selection (as tests/behaviour/run.py)."""
    out = []
    for i in range(0, len(tests), group):
        chunk = tests[i : i + group]
        d = behaviour.build_dir(build_base(), chunk)
        fw, err = mpcython_build(chunk, d, timeout)
        out.append((fw, err, chunk))
        BUILT[fw] = (chunk, d)
    return out


BUILT = {}  # firmware -> (tests, build folder)


def driver_checks(fw, timeout):
    """`./mpcython run --port qemu` as a user meets it: a script's stdout, arguments
    and exit status pass through; an uncaught exception gives status 1 and its
    traceback on stderr. Uses the firmware already built (same modules, same folder)."""
    tests, outdir = BUILT[fw]
    cmd = [sys.executable, os.path.join(ROOT, "mpcython"), "run", "--port", "qemu"]
    cmd += ["--board", BOARD]
    # the very modules of the firmware (helpers named by USES too): another set would rebuild it
    cmd += [rel(f) for f in behaviour.module_files(tests)] + FREEZE + ["-o", rel(outdir), "--"]
    mod = tests[0].name
    cases = [
        (
            "run --port qemu: stdout, sys.argv, sys.exit(3)",
            "import sys, %s\nprint('argv', sys.argv[1:])\nprint(%s.__name__)\nsys.exit(3)\n"
            % (mod, mod),
            ["a", "b"],
            3,
            "argv ['a', 'b']\n%s\n" % mod,
            None,
        ),
        (
            "run --port qemu: uncaught exception",
            "print('before')\ndef f():\n    raise ValueError('boom')\nf()\n",
            [],
            1,
            "before\n",
            "ValueError: boom",
        ),
        (
            "run --port qemu: sys.exit('message')",
            "import sys\nsys.exit('bye')\n",
            [],
            1,
            "",
            "bye",
        ),
    ]
    res = []
    with tempfile.TemporaryDirectory(prefix="qemu-driver-") as tmp:
        for label, src, argv, want_rc, want_out, want_err in cases:
            path = os.path.join(tmp, "script.py")
            with open(path, "w") as f:
                f.write(src)
            rc, out, err, to = run(cmd + [path] + argv, cwd=ROOT, timeout=timeout)
            out, err = dec(out), dec(err)
            last = err.strip().splitlines()[-1] if err.strip() else None
            if (
                to
                or rc != want_rc
                or out != want_out
                or (want_err is not None and last != want_err)
            ):
                res.append(
                    (
                        "FAIL",
                        label,
                        "    got %s, stdout %r, last stderr line %r; expected exit %d, %r, %r"
                        % (rc_text(rc), out, last, want_rc, want_out, want_err),
                    )
                )
            else:
                res.append(("PASS", label, None))
    return res


# The board has no folder to import tests/behaviour/checks.py from: it is
# frozen into the firmware (`--freeze`), which spares each run sending and
# compiling it over the emulated UART (some 7000 characters a second).
CHECKS = os.path.join(behaviour.TESTDIR, "checks.py")
FREEZE = ["--freeze", rel(CHECKS)]


def board_driver(board, t, stress=False, timeout=None):
    """Runs t's driver on BOARD, for a gc-stress run after the prelude (which
    holds for the rest of the VM). Returns (status, stdout, stderr) as Board.run."""
    with open(t.script, encoding="utf-8") as f:
        return board.run(f.read(), os.path.basename(t.script), stress=stress, timeout=timeout)


# A firmware whose board does not start (it crashes or hangs before the
# raw REPL) would cost each of its runs the start-up timeout: once
# START_FAILURES boards of one firmware failed to start and none started,
# its remaining runs fail at once, with the first failure's reason.
START_FAILURES = 2
STARTS = {}  # firmware -> [boards started, boards that failed to start, first failure]
STARTS_LOCK = threading.Lock()


def open_board(fw, mp):
    """qemu.Board(fw, mp), or BoardError at once when the firmware's boards
    do not start (START_FAILURES)."""
    with STARTS_LOCK:
        started, failed, why = STARTS.setdefault(fw, [0, 0, None])
        if not started and failed >= START_FAILURES:
            raise qemu.BoardError(
                "not run: %d boards of this firmware did not start, the first: %s" % (failed, why)
            )
    try:
        board = qemu.Board(fw, mp)
    except qemu.BoardError as e:
        with STARTS_LOCK:
            STARTS[fw][1] += 1
            STARTS[fw][2] = STARTS[fw][2] or str(e)
        raise
    with STARTS_LOCK:
        STARTS[fw][0] += 1
    return board


def board_run(t, fw, mp, stress, timeout):
    """Returns list of (status, label, detail); status 'PASS'/'FAIL'."""
    label = t.name + (" [gc-stress]" if stress else "")
    try:
        with open_board(fw, mp) as board:
            rc, out, err = board_driver(board, t, stress, timeout)
    except qemu.BoardError as e:
        return [("FAIL", label, "    " + str(e))]
    return compare(t, label, rc, out, err, stress)


# Soft reset (Ctrl-D; mpremote does one on connecting): the heap is freed and a
# new VM starts while the firmware's static memory stays. These drivers run on
# one board, then again after a soft reset, and again after a second one.
SOFT_RESET = ["cclass_basic", "pysubclass", "tb_uncaught", "int32_bounds", "exc_raise"]


def soft_reset_run(tests, fw, mp, timeout):
    sel = [t for t in tests if t.name in SOFT_RESET]
    label = "soft-reset [%s]" % ", ".join(t.name for t in sel)
    try:
        with open_board(fw, mp) as board:
            for rnd in range(3):
                if rnd:
                    board.soft_reset()
                for t in sel:
                    rc, out, err = board_driver(board, t, timeout=timeout)
                    res = compare(t, t.name, rc, out, err, False)
                    bad = [r for r in res if r[0] != "PASS"]
                    if bad:
                        return [
                            (
                                "FAIL",
                                label,
                                "    after %d soft reset(s): %s\n%s" % (rnd, bad[0][1], bad[0][2]),
                            )
                        ]
    except qemu.BoardError as e:
        return [("FAIL", label, "    " + str(e))]
    return [("PASS", label, None)]


def compare(t, label, rc, out, err, stress):
    exp_rc, exp_out = t.ref
    res = []
    missing = []
    if t.console:
        # what CPython prints to stderr is on the board's one console (stdout)
        lines = out.split("\n")
        at = 0
        for want in t.console:
            i = next((k for k in range(at, len(lines)) if lines[k].endswith(want)), None)
            if i is None:
                missing.append(want)
                continue
            del lines[i]
            at = i
        out = "\n".join(lines)
    if missing:
        res.append(
            (
                "FAIL",
                label,
                "    console lines (stderr on CPython) not in the board's output:\n"
                + "\n".join("      %r" % l for l in missing),
            )
        )
    elif out == exp_out and rc == exp_rc:
        res.append(("PASS", label, None))
    else:
        d = diff(exp_out, out, exp_rc, rc, ("cpython", "qemu"))
        if t.expect_file:
            d = "    (expected: %s)\n" % rel(t.expect_file) + d
        if err.strip() and not t.expects_traceback:
            d += "\n  board stderr:\n" + tail(err, 10)
        if t.heap_rule and (out + err).count("MemoryError") > exp_out.count("MemoryError"):
            t.heap_needed = True
            need, why = t.heap_rule
            res.append(
                (
                    "SKIP",
                    label,
                    "    needs %d bytes of GC heap, the board has %s: %s"
                    % (need, qemu.heap_size(), why),
                )
            )
        else:
            res.append(("FAIL", label, d))
    if t.expects_traceback and not stress:
        tlabel = t.name + " [traceback]"
        if rc == 0:
            res.append(("FAIL", tlabel, "    exited 0, a traceback was expected"))
        else:
            why = behaviour.check_traceback(t, err)
            res.append(
                ("FAIL", tlabel, why + "\n  board stderr:\n" + tail(err, 15))
                if why
                else ("PASS", tlabel, None)
            )
    return res


def update_expected(work, mp, timeout):
    for t, fw, stress in work:
        with qemu.Board(fw, mp) as board:
            rc, out, err = board_driver(board, t, timeout=timeout)
        if rc != t.cpython[0]:
            print(
                "%s: exit status %d on the board, %d on CPython: not written\n%s"
                % (t.name, rc, t.cpython[0], err)
            )
            return 1
        path = (
            expected_path(t.name)
            if BOARD == qemu.DEFAULT_BOARD
            else os.path.join(EXPECTED, BOARD, t.name + ".out")
        )
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# cpython-sha256: %s\n" % ref_digest(*t.cpython) + out)
        print("wrote %s; CPython -> board:" % rel(path))
        for l in difflib.unified_diff(
            t.cpython[1].splitlines(), out.splitlines(), "cpython", "board", lineterm="", n=0
        ):
            print("    " + l)
    print("0 passed, 0 failed")
    return 0


def main():
    ap = cli.parser(__doc__)
    cli.add_behaviour_options(
        ap, "boards at once", 120, "seconds without output before a run fails"
    )
    ap.add_argument(
        "--board",
        default=qemu.DEFAULT_BOARD,
        choices=sorted(qemu.BOARDS),
        help="the qemu port's board (default %(default)s)",
    )
    ap.add_argument(
        "--group",
        type=int,
        default=1000,
        metavar="N",
        help="at most N modules per firmware image (default: all in one)",
    )
    ap.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show the diffs of expected target differences",
    )
    ap.add_argument(
        "--update-expected",
        metavar="NAME",
        help="write tests/qemu/expected/NAME.out from the board's output (review it first: "
        "the diff against CPython is shown)",
    )
    args = ap.parse_args()
    global BOARD
    BOARD = args.board

    target = target_rules()
    if args.update_expected:
        args.only = args.update_expected
        args.no_stress = True
    tests = behaviour.discover(args.only)
    rules.check_names(target, behaviour.TESTDIR, "tests/qemu/TARGET*")
    tally = Tally()
    report = tally.report

    qemu.ensure_toolchain(BOARD)
    runnable = []
    for t in tests:
        rule = target.get(t.name)
        if rule and rule["skip"]:
            report("SKIP", t.name, "    " + rule["skip"])
        else:
            runnable.append(t)

    # ---- reference (CPython), as tests/behaviour/run.py computes it
    cython = behaviour.prepare_reference()
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as ex:
        list(ex.map(lambda t: behaviour.reference(t, cython, 120), runnable))

    # Documented target differences: the board's expected stdout replaces CPython's.
    for t in runnable:
        t.expect_file = None
        t.cpython = t.ref
        rule = target.get(t.name)
        t.console = rule["stderr"] if rule else []
        heap = rule and rule["heap"]
        t.heap_rule = (
            heap if heap and qemu.heap_size() and int(qemu.heap_size()) < heap[0] else None
        )
        t.heap_needed = False
        if t.ref is None or rule is None:
            continue
        if rule["expect"]:
            t.expect_file = expected_path(t.name)
        ref, why = apply_rules(t, rule, args.update_expected)
        if why == "update":
            continue
        if why:
            t.ref, t.ref_error = None, why
            continue
        if args.verbose:
            print(
                "target difference %s (CPython -> board):\n%s"
                % (
                    t.name,
                    "\n".join(
                        "    " + l
                        for l in difflib.unified_diff(
                            t.ref[1].splitlines(),
                            ref[1].splitlines(),
                            "cpython",
                            "board",
                            lineterm="",
                            n=0,
                        )
                    ),
                ),
                flush=True,
            )
        t.ref = ref

    # ---- firmware
    mp = micropy_dir()
    work = []
    for fw, err, group in build_groups(runnable, args.group, args.build_timeout):
        for t in group:
            if t.ref_error:
                report(
                    "FAIL",
                    t.name,
                    "    reference step failed: " + t.ref_error.replace("\n", "\n    "),
                )
            elif fw is None:
                report("FAIL", t.name, "    no firmware: " + err)
            else:
                work.append((t, fw, False))
                if not args.no_stress:
                    work.append((t, fw, True))

    if args.update_expected:
        return update_expected(work, mp, args.timeout)

    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as ex:
        futs = [
            ex.submit(board_run, t, fw, mp, stress, args.timeout * (3 if stress else 1))
            for t, fw, stress in work
        ]
        fws = {}
        for t, fw, stress in work:
            if t.name in SOFT_RESET and not stress and not t.heap_rule:
                fws.setdefault(fw, []).append(t)
        for fw, ts in fws.items():
            futs.append(ex.submit(soft_reset_run, ts, fw, mp, args.timeout))
        if work:
            futs.append(ex.submit(driver_checks, work[0][1], args.build_timeout))
        for f in futs:
            for status, label, detail in f.result():
                report(status, label, detail)
    for t in {t for t, fw, stress in work if t.heap_rule and not t.heap_needed}:
        report(
            "FAIL",
            t.name + " [heap rule]",
            "    stale rule in tests/qemu/TARGET*: %s ran in %s bytes of GC heap, the rule says it needs %d"
            % (t.name, qemu.heap_size(), t.heap_rule[0]),
        )
    print("board runs: %d in %ds" % (len(work), time.time() - t0), flush=True)

    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
