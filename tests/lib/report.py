"""Results of the test runners: one line per result, one closing line.

Every runner prints `PASS label` / `FAIL label` (and `SKIP`, `XFAIL`) lines,
details indented below a failure, and last `N passed, N failed` (with
`, N skipped` when some were skipped); it exits 1 when anything failed.
tests/run_all.py adds these closing lines up."""
import difflib
import re
import subprocess
import sys
import threading

from .proc import rc_text

SUMMARY = re.compile(r"^(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$")
COUNTED = {"PASS": 0, "FAIL": 1, "SKIP": 2, "XFAIL": 2}


class Tally:
    """Counts results and prints their lines (from several threads too: a
    result line and its detail stay together)."""

    def __init__(self):
        self.counts = [0, 0, 0]  # passed, failed, skipped
        self.lock = threading.Lock()

    def report(self, status, label, detail=None):
        """status: True (PASS), False (FAIL) or one of COUNTED's words.
        detail is printed as given, under the result line."""
        if status is True or status is False:
            status = "PASS" if status else "FAIL"
        with self.lock:
            self.counts[COUNTED[status]] += 1
            print("%s %s" % (status, label) + ("\n" + detail if detail else ""), flush=True)

    @property
    def failed(self):
        return self.counts[1]

    def line(self):
        return closing_line(*self.counts)

    def finish(self):
        """Prints the closing line; returns the exit status."""
        print(self.line(), flush=True)
        return 1 if self.failed else 0


def closing_line(passed, failed, skipped=0):
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    return line


def counts(last_line, rc):
    """(passed, failed, skipped, note) from a suite's last line and exit status.
    No closing line counts as one failure, as does a non-zero exit status
    when nothing failed."""
    m = SUMMARY.match(last_line or "")
    if not m:
        return 0, 1, 0, "no closing line (%s), counted as 1 failure" % rc_text(rc)
    passed, failed, skipped = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if rc != 0 and failed == 0:
        return passed, 1, skipped, "%s although nothing failed, counted as 1 failure" % rc_text(rc)
    return passed, failed, skipped, None


def run_suite(cmd, cwd, env=None, echo=None):
    """Runs a suite; each output line goes to echo (default: our stdout).
    Returns (passed, failed, skipped, note, output text)."""
    p = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    lines = []
    last = None
    for raw in p.stdout:
        line = raw.decode("utf-8", "replace")
        lines.append(line)
        if echo:
            echo(line)
        else:
            sys.stdout.write(line)
            sys.stdout.flush()
        if line.strip():
            last = line.strip()
    rc = p.wait()
    passed, failed, skipped, note = counts(last, rc)
    return passed, failed, skipped, note, "".join(lines)


def diff(expected, got, exp_rc, got_rc, labels=("cpython", "micropython"), most=20):
    """A short unified diff of two outputs and their exit statuses, indented."""
    d = list(
        difflib.unified_diff(
            expected.splitlines(), got.splitlines(), labels[0], labels[1], lineterm="", n=1
        )
    )
    if exp_rc != got_rc:
        d.append(
            "exit status: %s %s, %s %s" % (labels[0], rc_text(exp_rc), labels[1], rc_text(got_rc))
        )
    if len(d) > most:
        d = d[:most] + ["... (%d more diff lines)" % (len(d) - most)]
    return "\n".join("    " + l for l in d)
