#!/usr/bin/env python3
"""make demo: build the examples into MicroPython and run examples/demo.py."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ex = os.path.join(ROOT, "examples")
mods = [os.path.join(ex, m) for m in ("fib.pyx", "shapes.pyx", "checks.pyx")]
cmd = [os.path.join(ROOT, "mpcython"), "run"] + mods + ["--", os.path.join(ex, "demo.py")]
print(
    "$ ./mpcython run examples/fib.pyx examples/shapes.pyx examples/checks.pyx -- examples/demo.py",
    flush=True,
)
sys.exit(subprocess.call(cmd, cwd=ROOT))
