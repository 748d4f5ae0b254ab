"""Plumbing the test runners share (tests/README.md, "Shared code").

  proc       run a process with a timeout, decode and shorten its output
  report     PASS/FAIL/SKIP lines, the closing `N passed, N failed` line,
             running a suite and reading its closing line, diffs
  prelude    the gc-stress prelude (`gc.threshold(0)`) and running a script
             from `-c` code as if it were run by name
  cpython    the CPython reference build of a .pyx (Limited or full API)
  cli        the runners' argument parsers and the options they share
  behaviour  the behaviour tests (tests/behaviour): discovery, control lines,
             the CPython reference, the MicroPython build
  rules      the control files of known differences (tests/qemu/TARGET*,
             tests/behaviour/SMALL): reading them, applying `line` rules

The runners put tests/ on sys.path and import these as `lib.NAME`; the
build facts they share with ./mpcython (where Cython is, its options) come
from the driver package (driver/), which this puts on sys.path too.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build", "tests")
if ROOT not in sys.path:
    sys.path.insert(1, ROOT)


def rel(path):
    """PATH relative to the repository (for messages)."""
    return os.path.relpath(path, ROOT)
