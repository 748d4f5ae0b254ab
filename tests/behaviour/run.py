#!/usr/bin/env python3
"""Behaviour tests: the same Cython module, run on CPython and on MicroPython.

For every tests/behaviour/X.pyx with a driver script tests/behaviour/X_test.py:

  * reference: X.pyx is compiled with Cython for CPython (full API, cached
    by content in build/tests/cpython), `python3 X_test.py` is run and its
    stdout + exit status are the expected result (nothing is stored in the
    repo);
  * MicroPython: all modules are built once with
    `./mpcython build tests/behaviour/*.pyx -o build/tests/mp` (one executable
    holding all of them, its path is the last line of stdout), then
    `<exe> X_test.py` must print the same stdout and exit with the same status;
  * gc-stress: the same again with a garbage collection before every heap
    allocation (tests/lib/prelude.py);
  * helper modules: a .pyx without a driver script is not run itself; a
    driver that needs it (a cimport across modules, say) names it with
    `# USES: helper [helper ...]`, and it is built next to the test (for
    CPython first, and into the same MicroPython executable);
  * traceback: a driver script may contain lines
        # EXPECT-TRACEBACK: File "X.pyx", line N, in func
        # EXPECT-EXCEPTION: ValueError: message
    Tracebacks are formatted differently by CPython and MicroPython, so stderr
    is never compared; instead these lines are searched for in the stderr of
    both runs (on CPython they validate the expectation itself), and the
    MicroPython run is reported as its own result `X [traceback]`;
  * KNOWN_FAILURES: a listed test that fails is XFAIL (counted as skipped);
  * --mpy: each module (and its helpers) is built as a native .mpy
    (`./mpcython build --mpy`, x64, into build/tests/mpy-x64) and the driver
    runs on the stock unix MicroPython (`./mpcython stock`) with that folder
    first on sys.path, compared with the same CPython reference; the tests
    the natmod flavour cannot pass are listed with their reasons in
    tests/behaviour/MPY (each still built and run: XFAIL, or XPASS when it
    passes);
  * --mpy --arch armv7m: the modules built for armv7m (build/tests/mpy-armv7m)
    and each driver run on a fresh stock qemu Cortex-M3 board (`./mpcython
    stock --port qemu`) with that folder mounted over its serial link (as
    `run --stock --port qemu --mount`; checks.py sent as bytecode), the
    test's modules imported before the script runs (the heap must hold a
    module's text in one piece); no gc-stress run. A board run takes up to a
    minute (the module crosses the link), so the tests left out there, those
    of tests/behaviour/MPY.armv7m and the whole-test lines of MPY, are SKIP
    lines, run (XFAIL, or XPASS) only when --only is given;
  * --small: the modules are built with mpcython's size profile (`./mpcython
    build --small`, into build/tests/mp-small) and compared with the same
    CPython reference (Cython's default options): what the profile gives up
    is listed test by test in tests/behaviour/SMALL (tests/lib/rules.py:
    `line` rules change a reference line, `error` rules say the module
    cannot be imported and with which message; a stale rule fails).

Usage:
  tests/behaviour/run.py [--only PATTERN] [--no-stress] [-j N]
                         [--small | --mpy [--arch x64|armv7m]]
                         [--timeout SEC] [--cpython-only] [-v]
                         [--exe MICROPYTHON] [--wrap COMMAND]

--exe runs an already built MicroPython (holding all selected modules, e.g. a
sanitizer build, see tests/reliability/all.py) instead of building one;
--wrap runs each MicroPython process under a command (e.g. valgrind).

Environment: CYTHON (cython executable or Cython source folder), MICROPY_DIR
(both passed through to ./mpcython), PYTHON (CPython for the reference,
default the interpreter running this script), MPCYTHON (the build driver,
default ./mpcython).

Prints `PASS name` / `FAIL name` (+ a short diff) per result and finally
`N passed, N failed`; exits 1 on any failure.
"""

import concurrent.futures
import os
import shlex
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from lib import ROOT, behaviour, cli, prelude, rel, rules  # noqa: E402
from lib.proc import dec, run, tail  # noqa: E402
from lib.report import Tally, diff  # noqa: E402
from driver import frozen, qemu, unix  # noqa: E402
from driver.common import micropy_dir  # noqa: E402


def mp_run(t, exe, stress, timeout, wrap=(), env=None):
    """Returns list of (ok, label, detail)."""
    if stress:
        cmd = list(wrap) + prelude.gc_stress_command(exe, t.script)
    else:
        cmd = list(wrap) + [exe, t.script]
    with tempfile.TemporaryDirectory(prefix="beh-mp-") as scratch:
        rc, out, err, to = run(cmd, cwd=scratch, env=env, timeout=timeout)
    return judge(t, stress, timeout, rc, dec(out), dec(err), to)


def judge(t, stress, timeout, rc, out, err, to):
    """The results of one MicroPython run of t (exit status RC, stdout OUT,
    stderr ERR; TO: timed out): list of (ok, label, detail)."""
    label = t.name + (" [gc-stress]" if stress else "")
    results = []
    exp_rc, exp_out = t.ref
    if to:
        detail = "timed out after %ds" % timeout
        if out or err:
            detail += "\n  stdout (last lines):\n%s\n  stderr:\n%s" % (tail(out, 5), tail(err, 10))
        results.append((False, label, detail))
    elif out == exp_out and rc == exp_rc and (t.error is None or t.error in err):
        results.append((True, label, None))
    else:
        detail = diff(exp_out, out, exp_rc, rc)
        if t.error is not None and t.error not in err:
            detail += "\n  expected in stderr (tests/behaviour/SMALL): %r" % t.error
        if err.strip() and not t.expects_traceback:
            detail += "\n  micropython stderr:\n" + tail(err, 10)
        results.append((False, label, detail))
    if t.expects_traceback and not stress and not to and t.error is None:
        tlabel = t.name + " [traceback]"
        if rc == 0:
            results.append((False, tlabel, "exited 0, a traceback was expected"))
        else:
            why = behaviour.check_traceback(t, err)
            if why:
                results.append((False, tlabel, why + "\n  micropython stderr:\n" + tail(err, 15)))
            else:
                results.append((True, tlabel, None))
    return results


def board_run(t, firmware, mount, timeout):
    """t's driver on a fresh stock board (--mpy --arch armv7m), the .mpy
    folder MOUNT mounted over the serial link (driver/qemu.py). The test's
    modules are imported first, on a heap that holds only the mount: the
    loader needs the module's text block in one piece, and a script compiled
    before it splits the heap. Returns list of (ok, label, detail)."""
    imports = "".join("import %s\n" % m for m in t.uses + [t.name])
    with open(t.script, encoding="utf-8") as f:
        source = f.read()
    out = err = ""
    rc, to = 0, False
    try:
        with qemu.Board(firmware, micropy_dir(), mount) as board:
            rc, out, err = board.run(imports, "imports.py", timeout=timeout)
            if rc == 0:
                rc, more, err = board.run(source, os.path.basename(t.script), timeout=timeout)
                out += more
    except qemu.BoardError as e:
        rc, err = 1, str(e)
        to = "no answer from the board" in err
    return judge(t, False, timeout, rc, out, err, to)


SMALL = os.path.join(behaviour.TESTDIR, "SMALL")


def apply_small_rules(tests):
    """The reference of each test as the size profile changes it (SMALL)."""
    small = rules.read([SMALL], ("line", "error"))
    rules.check_names(small, behaviour.TESTDIR, rel(SMALL))
    for t in tests:
        rule = small.get(t.name)
        if rule is None or t.ref is None:
            continue
        if rule["error"] is not None:
            t.ref, t.error = (1, ""), rule["error"]
            continue
        out, why = rules.apply_lines(t.ref[1], rule["lines"], rel(SMALL))
        if why:
            t.ref, t.ref_error = None, why
        else:
            t.ref = (t.ref[0], out)


def main():
    ap = cli.parser(__doc__)
    cli.add_behaviour_options(ap, "parallel jobs", 60, "per-test timeout in seconds")
    ap.add_argument(
        "--cpython-only",
        action="store_true",
        help="only build and run the CPython reference (checks the tests themselves)",
    )
    ap.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show the reference output of each test (--cpython-only) and the diffs of XFAIL tests",
    )
    ap.add_argument(
        "--small",
        action="store_true",
        help="build with mpcython's size profile (--small); the differences it brings are "
        "the rules of tests/behaviour/SMALL",
    )
    ap.add_argument(
        "--mpy",
        action="store_true",
        help="each module as a native .mpy (build --mpy) on the stock unix MicroPython; "
        "what the natmod flavour cannot pass is listed in tests/behaviour/MPY",
    )
    ap.add_argument(
        "--arch",
        default="x64",
        choices=sorted(behaviour.MPY_PORTS),
        help="with --mpy: the .mpy architecture (x64: the stock unix MicroPython; armv7m: "
        "the stock qemu Cortex-M3 firmware, one board per test, no gc-stress; the tests "
        "left out there are listed in tests/behaviour/MPY.armv7m)",
    )
    ap.add_argument(
        "--runtime",
        choices=["shared", "copy"],
        help="with --mpy: the modules with the shared runtime .mpy (build --mpy's default) or "
        "each with a copy of the layer (build --mpy --runtime copy; its own build folder)",
    )
    ap.add_argument(
        "--exe",
        metavar="MICROPYTHON",
        help="run this MicroPython (built with every selected module) instead of building one",
    )
    ap.add_argument(
        "--wrap",
        metavar="COMMAND",
        help="run MicroPython under this command (split like a shell), e.g. valgrind",
    )
    args = ap.parse_args()
    jobs = max(1, args.j)
    board = args.mpy and args.arch != "x64"
    if args.arch != "x64" and not args.mpy:
        ap.error("--arch is for --mpy")
    if args.runtime and not args.mpy:
        ap.error("--runtime is for --mpy")
    if args.runtime:
        os.environ["MPCY_MPY_RUNTIME"] = args.runtime  # (./mpcython and mpy_build_dir read it)
    if board:
        args.no_stress = True  # one boot per test: the board's run is slow enough without it

    tests = behaviour.discover(args.only)
    tally = Tally()
    if not tests:
        print("no tests match")
        tally.finish()
        return 1 if args.only else 0

    known = behaviour.known_failures()
    listed_in = dict.fromkeys(known, behaviour.KNOWN_FAILURES)  # for XPASS's note
    if args.mpy:
        left_out = behaviour.mpy_left_out()
        all_names = behaviour.names()
        board_rules = behaviour.MPY_RULES + "." + args.arch
        board_out = behaviour.mpy_board_rules(args.arch)
        for path, names in ((behaviour.MPY_RULES, left_out), (board_rules, board_out)):
            for name in sorted(names):
                if name.split(" [")[0] not in all_names:
                    tally.report(False, "%s: %s is no test" % (rel(path), name))
        known = dict(known, **left_out)
        listed_in = dict.fromkeys(left_out, behaviour.MPY_RULES)
        if board:
            # A board run takes seconds to a minute (the module crosses the
            # serial link): a test left out there, or whole in MPY, is not
            # run (SKIP) unless --only selects it (XFAIL, or XPASS).
            skipped = dict({n: w for n, w in left_out.items() if " [" not in n}, **board_out)
            if args.only:
                known.update(skipped)
                listed_in.update(dict.fromkeys(board_out, board_rules))
            else:
                for t in [t for t in tests if t.name in skipped]:
                    tally.report("SKIP", "%s (%s)" % (t.name, skipped[t.name]))
                tests = [t for t in tests if t.name not in skipped]

    def report(ok, label, detail=None):
        base = label if label in known else label.split(" [")[0]
        if not ok and base in known:
            # Listed in KNOWN_FAILURES with its reason: reported, not hidden.
            tally.report(
                "XFAIL", "%s (%s)" % (label, known[base]), detail if args.verbose else None
            )
            return
        if ok and base in known:
            print(
                "XPASS %s: remove it from %s" % (label, rel(listed_in[base])),
                flush=True,
            )
        tally.report(ok, label, None if ok else detail)

    # ---- reference (CPython)
    cython = behaviour.prepare_reference()
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        list(ex.map(lambda t: behaviour.reference(t, cython, args.timeout), tests))

    if args.small:
        apply_small_rules(tests)
    if args.cpython_only:
        for t in tests:
            if t.ref_error:
                report(False, t.name + " [cpython]", "  " + t.ref_error)
            else:
                report(True, t.name + " [cpython]")
                if args.verbose:
                    print(tail(t.ref[1], 1000))
        return tally.finish()

    # ---- MicroPython build (once, for all selected modules)
    env = None
    mpy_errors = {}
    if args.mpy:
        exe, build_error = behaviour.mpy_stock(args.build_timeout, args.arch)
        if exe:
            env = behaviour.mpy_env(unix.DEFAULT_PATH)
            mpy_errors = behaviour.mpy_build(tests, jobs, args.build_timeout, args.arch)
        if exe and board:
            # the helper module the scripts import, as bytecode: compiled
            # on the board it would take some 8 KB more of its heap
            mount = behaviour.mpy_build_dir(args.arch)
            cross = [frozen.mpy_cross(micropy_dir()), "-o", os.path.join(mount, "checks.mpy")]
            rc, out, err, _ = run(cross + [os.path.join(behaviour.TESTDIR, "checks.py")], ROOT)
            if rc != 0:
                exe, build_error = None, "mpy-cross checks.py failed:\n" + tail(dec(out + err), 20)
    elif args.exe:
        exe, build_error = os.path.abspath(args.exe), None
    else:
        exe, build_error = behaviour.mp_build(tests, args.build_timeout, args.small)
    if build_error:
        print("MicroPython build error (every MicroPython-side test fails):")
        print("  " + build_error.replace("\n", "\n  "), flush=True)
    else:
        print("executable: %s" % rel(exe), flush=True)

    work = []  # (test, stress)
    for t in tests:
        if t.ref_error:
            for label in behaviour.labels(t, not args.no_stress):
                report(
                    False, label, "  reference step failed: " + t.ref_error.replace("\n", "\n  ")
                )
            continue
        if exe is None:
            for label in behaviour.labels(t, not args.no_stress):
                report(False, label, "  no MicroPython executable (build failed, see above)")
            continue
        failed = [m for m in t.uses + [t.name] if mpy_errors.get(m)]
        if failed:
            for label in behaviour.labels(t, not args.no_stress):
                report(False, label, "  " + mpy_errors[failed[0]].replace("\n", "\n  "))
            continue
        work.append((t, False))
        if not args.no_stress:
            work.append((t, True))

    if work:
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            wrap = shlex.split(args.wrap) if args.wrap else []
            futs = [
                ex.submit(board_run, t, exe, mount, args.timeout * 5)
                if board
                else ex.submit(
                    mp_run, t, exe, stress, args.timeout * (3 if stress else 1), wrap, env
                )
                for t, stress in work
            ]
            for f in futs:  # report in a stable order
                for ok, label, detail in f.result():
                    report(ok, label, detail)
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
