#!/usr/bin/env python3
"""Entry point of `make test`: runs every test suite and sums the results.

  1. tests/capi/run.py, if it exists (C-API unit tests of the layer);
  2. tests/driver/run.py (./mpcython's own behaviour and error messages);
     tests/embed/run.py (C programs embedding MicroPython, hand-written
     extension modules, threads; compared with the same C on CPython);
  3. tests/qemu/run.py (the behaviour tests on a Cortex-M3 under qemu;
     MPCY_SKIP_QEMU=1 leaves it out);
  4. tests/cython/run.py --must-pass --sample 40: Cython's own tests that
     passed before (tests/cython/must-pass.txt, a fixed sample) must still pass;
  5. tests/behaviour/run.py (Cython modules compared between CPython and
     MicroPython); any arguments given to this script are passed on to it
     (e.g. --no-stress, --only PATTERN, -j N);
  6. reliability (docs/reliability.md): tests/reliability/run.py (hostile
     input vs CPython), tests/reliability/leaks.py -n 1000, Cython's
     must-pass tests under gc-stress (a fixed sample), tests/fuzz/run.py for 30 s.

Each suite prints its own `N passed, N failed` last line; they are added up
and printed as the very last line. Exits non-zero if anything failed, or if
a suite crashed without a summary line (counted as one failure).
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = re.compile(r"^(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$")


def run_suite(name, cmd):
    shown = ["python3"] + [os.path.relpath(c, ROOT) if os.path.isabs(c) else c for c in cmd[1:]]
    print("==== %s: %s" % (name, " ".join(shown)), flush=True)
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL)
    last = None
    for raw in p.stdout:
        line = raw.decode("utf-8", "replace")
        sys.stdout.write(line)
        sys.stdout.flush()
        if line.strip():
            last = line.strip()
    rc = p.wait()
    m = SUMMARY.match(last or "")
    if not m:
        print("%s: no summary line (exit %d), counted as 1 failure" % (name, rc), flush=True)
        return 0, 1, 0
    passed, failed, skipped = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if rc != 0 and failed == 0:
        print("%s: exited %d although nothing failed, counted as 1 failure" % (name, rc), flush=True)
        failed = 1
    return passed, failed, skipped


def main():
    suites = []
    capi = os.path.join(ROOT, "tests", "capi", "run.py")
    if os.path.exists(capi):
        suites.append(("capi", [sys.executable, capi]))
    suites.append(("driver", [sys.executable, os.path.join(ROOT, "tests", "driver", "run.py")]))
    # Embedding, hand-written extension modules, threads (compared with CPython).
    suites.append(("embed", [sys.executable, os.path.join(ROOT, "tests", "embed", "run.py")]))
    if os.environ.get("MPCY_SKIP_QEMU") != "1":
        suites.append(("qemu", [sys.executable, os.path.join(ROOT, "tests", "qemu", "run.py")]))
    # The ratchet: a fixed sample of Cython's tests that passed before must
    # still pass (all of them: make cython-ratchet).
    suites.append(("cython-ratchet", [sys.executable, os.path.join(ROOT, "tests", "cython", "run.py"),
                                      "--must-pass", "--sample", os.environ.get("MPCY_RATCHET_SAMPLE", "40")]))
    suites.append(("behaviour", [sys.executable, os.path.join(ROOT, "tests", "behaviour", "run.py")] + sys.argv[1:]))
    # Reliability (issue 7; all of it: make check-reliability): the hostile-input
    # table against CPython, leak checks on the behaviour build, a fixed sample
    # of Cython's must-pass tests under gc-stress, and a short libFuzzer run.
    suites.append(("reliability", [sys.executable, os.path.join(ROOT, "tests", "reliability", "run.py")]))
    suites.append(("leaks", [sys.executable, os.path.join(ROOT, "tests", "reliability", "leaks.py"), "-n", "1000"]))
    suites.append(("cython-gc-stress", [sys.executable, os.path.join(ROOT, "tests", "cython", "run.py"),
                                        "--must-pass", "--gc-stress", "--sample",
                                        os.environ.get("MPCY_STRESS_SAMPLE", "20")]))
    suites.append(("fuzz", [sys.executable, os.path.join(ROOT, "tests", "fuzz", "run.py"), "--seconds", "30"]))

    total = [0, 0, 0]
    for name, cmd in suites:
        for i, n in enumerate(run_suite(name, cmd)):
            total[i] += n

    line = "%d passed, %d failed" % (total[0], total[1])
    if total[2]:
        line += ", %d skipped" % total[2]
    print(line)
    return 1 if total[1] else 0


if __name__ == "__main__":
    sys.exit(main())
