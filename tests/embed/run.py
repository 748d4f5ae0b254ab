#!/usr/bin/env python3
"""Embedding tests: the same C code built against CPython and through mpcython.

  * extension modules: tests/embed/X.c (a hand-written CPython extension
    module) with its driver X_test.py; the .pyx files at the top of
    tests/embed are built with them (a Cython module next to C ones). Reference: X.c compiled as a CPython
    extension on this machine, `python3 X_test.py`. MicroPython:
    `./mpcython build X.c` (all of them in one executable), the same script,
    then again with a garbage collection before every allocation. Stdout and
    exit status must match.
  * embedding programs: each folder tests/embed/NAME/ holds main.c or main.cpp (more C or C++
    files and .pyx modules may follow). Reference: the .pyx compiled by Cython
    for CPython and everything linked with `python3-config --embed`.
    MicroPython: `./mpcython embed main.c ... -o PROGRAM` (extra arguments,
    e.g. --freeze, from the line `// EMBED-ARGS: ...` of main.c). Stdout and
    exit status must match, also for the program built with --gc-stress
    (a collection before every allocation); both run with the folder on PYTHONPATH (CPython
    finds there the .py files that mpcython freezes) and PYTHONUNBUFFERED=1.
    Lines `// EXPECT-STDERR: text` of main.c must appear in the stderr of
    both runs (tracebacks are formatted differently, so stderr is not
    compared as a whole).
    A program whose main.c has `// MPCY-ONLY: why` has no CPython run (say,
    what CPython does is undefined): its stdout must equal the lines
    `// EXPECT-STDOUT: text` and its exit status `// EXPECT-EXIT: N`
    (a negative N is a signal, as subprocess reports it).
  * Cython's own embedding example (its documentation's embedded.pyx and
    embedded_main.c, from the Cython source in deps/), unchanged, the same way.
  * thread tests: tests/embed/threads/*_test.py run on a unix MicroPython
    built with MicroPython's GIL and on one without it (and on CPython for
    the reference) with the modules tests/embed/threads/*.pyx
    (docs/embedding.md, Threads).

Usage: tests/embed/run.py [--only PATTERN]
Prints PASS/FAIL per result and last `N passed, N failed`.
"""

import fnmatch
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import BUILD, cli, cpython, prelude, proc  # noqa: E402
from lib.report import Tally, diff  # noqa: E402

BUILD = os.path.join(BUILD, "embed")
MPCYTHON = os.environ.get("MPCYTHON", os.path.join(ROOT, "mpcython"))
TIMEOUT = 120

tally = Tally()


def report(ok, name, detail=""):
    tally.report(
        ok, name, "    " + detail.rstrip().replace("\n", "\n    ") if not ok and detail else None
    )


def run(cmd, cwd=None, env=None):
    """(exit status, stdout, stderr); the status is None after TIMEOUT seconds."""
    rc, out, err, to = proc.run(cmd, cwd=cwd, env=dict(os.environ, **(env or {})), timeout=TIMEOUT)
    return rc, proc.dec(out), proc.dec(err) + ("timeout after %ds" % TIMEOUT if to else "")


def compare(name, ref, got, expect_stderr=()):
    rc0, out0, err0 = ref
    rc1, out1, err1 = got
    problems = []
    if out0 != out1 or rc0 != rc1:
        problems.append(diff(out0, out1, rc0, rc1, most=60))
    for line in expect_stderr:
        if line not in err0:
            problems.append("EXPECT-STDERR not in CPython's stderr (test bug?): " + line)
        if line not in err1:
            problems.append("EXPECT-STDERR not in stderr: " + line)
    if problems:
        problems.append("stderr:\n" + err1[-1500:])
    report(not problems, name, "\n".join(problems))


def python_config(*what):
    cfg = shutil.which("python3-config") or "python3-config"
    r = subprocess.run([cfg] + list(what), stdout=subprocess.PIPE, text=True, check=True)
    return r.stdout.split()


def build_mp(args, label):
    r = subprocess.run(
        [sys.executable, MPCYTHON] + args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if r.returncode != 0:
        report(False, label, "build failed:\n" + r.stderr[-3000:])
        return None
    return r.stdout.strip().splitlines()[-1]


def cpython_modules(pyx, outdir, label, cflags=()):
    """The .pyx files as CPython modules in OUTDIR; False (reported) if one fails.
    Full API: they sit next to hand-written modules and C programs that use
    CPython's full API."""
    for p in pyx:
        err = cpython.build_module(p, outdir, cpython.FULL, cflags=["-w"] + list(cflags))
        if err:
            report(False, label, "CPython build of %s failed:\n%s" % (os.path.basename(p), err))
            return False
    return True


# ---------------------------------------------------------------- extension modules


def ext_tests(only):
    mods = sorted(
        f for f in glob.glob(os.path.join(HERE, "*.c")) if os.path.exists(f[:-2] + "_test.py")
    )
    mods = [m for m in mods if fnmatch.fnmatch(os.path.basename(m)[:-2], only)]
    if not mods:
        return
    cpy = os.path.join(BUILD, "cpython-ext")
    os.makedirs(cpy, exist_ok=True)
    includes, suffix, _ = cpython.config(cpython.python())
    for m in mods:
        so = os.path.join(cpy, os.path.basename(m)[:-2] + suffix)
        r = subprocess.run(
            ["gcc", "-shared", "-fPIC", "-O1"] + ["-I" + i for i in includes] + [m, "-o", so],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if r.returncode != 0:
            report(False, os.path.basename(m), "CPython build failed:\n" + r.stdout[-3000:])
            return
    # Cython modules built next to them (a .pyx at the top of tests/embed).
    pyx = sorted(glob.glob(os.path.join(HERE, "*.pyx")))
    if not cpython_modules(pyx, cpy, "extension modules"):
        return
    exe = build_mp(
        ["build"] + mods + pyx + ["-o", os.path.join(BUILD, "mp-ext")], "extension modules"
    )
    if exe is None:
        return
    for m in mods:
        name = os.path.basename(m)[:-2]
        script = m[:-2] + "_test.py"
        ref = run([cpython.python(), script], cwd=cpy, env={"PYTHONPATH": cpy})
        compare("ext " + name, ref, run([exe, script], cwd=cpy))
        compare(
            "ext %s [gc-stress]" % name, ref, run(prelude.gc_stress_command(exe, script), cwd=cpy)
        )


# ---------------------------------------------------------------- embedding programs


def directives(path, key):
    return re.findall(r"^\s*//\s*%s:\s?(.*?)\s*$" % key, open(path).read(), re.M)


def embed_test(folder, main_name="main.c", name=None):
    name = name or os.path.basename(folder)
    main = os.path.join(folder, main_name)
    c_files = [main] + sorted(
        f for f in glob.glob(os.path.join(folder, "*.c*")) if f != main and not f.endswith("~")
    )
    pyx = sorted(glob.glob(os.path.join(folder, "*.pyx")))
    extra = " ".join(directives(main, "EMBED-ARGS")).split()
    extra = [os.path.join(folder, a) if a.endswith(".py") else a for a in extra]
    out = os.path.join(BUILD, "prog", name)
    os.makedirs(out, exist_ok=True)
    env = {"PYTHONPATH": folder, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    prog = build_mp(
        ["embed"] + c_files + pyx + extra + ["-o", os.path.join(out, "mp-" + name)],
        "embed " + name,
    )
    if prog is None:
        return
    got = run([prog], cwd=out, env=env)
    expect_stderr = directives(main, "EXPECT-STDERR")
    if directives(main, "MPCY-ONLY"):
        # No CPython reference: the expected output is in the directives.
        ref = (
            int((directives(main, "EXPECT-EXIT") or ["0"])[0]),
            "".join(l + "\n" for l in directives(main, "EXPECT-STDOUT")),
            "\n".join(expect_stderr),
        )
    else:
        ref = cpython_reference(name, out, c_files, pyx, env)
        if ref is None:
            return
    compare("embed " + name, ref, got, expect_stderr)
    # Again with a collection before every allocation.
    prog = build_mp(
        ["embed", "--gc-stress"]
        + c_files
        + pyx
        + extra
        + ["-o", os.path.join(out, "mp-stress-" + name)],
        "embed %s [gc-stress]" % name,
    )
    if prog is not None:
        compare("embed %s [gc-stress]" % name, ref, run([prog], cwd=out, env=env), expect_stderr)


def cpython_reference(name, out, c_files, pyx, env):
    """(exit code, stdout, stderr) of the same sources against CPython (linked
    into the program: the full API, as python3-config --embed gives it), or
    None after reporting why it could not be built."""
    cdir = os.path.join(out, "cpython")
    os.makedirs(cdir, exist_ok=True)
    srcs = list(c_files)
    cython = cpython.find_cython()
    for p in pyx:
        c = os.path.join(
            cdir, os.path.basename(p)[:-4] + (".cpp" if cpython.is_cplus(p) else ".c")
        )
        err = cpython.cythonize(p, c, cython) if cython else "Cython not found"
        if err:
            report(False, "embed " + name, "Cython (for CPython) failed:\n" + err)
            return None
        srcs.append(c)
    ref_prog = os.path.join(cdir, "cpy-" + name)
    cmd = (
        ["gcc", "-O1", "-w", "-I" + cdir]
        + python_config("--cflags", "--embed")
        + srcs
        + ["-o", ref_prog]
        + python_config("--ldflags", "--embed")
        + (["-lstdc++"] if any(s.endswith(".cpp") for s in srcs) else [])
    )
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        report(False, "embed " + name, "CPython build failed:\n" + r.stdout[-3000:])
        return None
    return run([ref_prog], cwd=out, env=env)


# Cython's documentation example of embedding, used as it is (`make embed-demo`).
CYTHON_DOC_EXAMPLE = os.path.join(
    ROOT, "deps", "cython", "docs", "examples", "tutorial", "embedding"
)


def embed_tests(only):
    if fnmatch.fnmatch("cython_docs_example", only) and os.path.exists(CYTHON_DOC_EXAMPLE):
        embed_test(CYTHON_DOC_EXAMPLE, "embedded_main.c", "cython_docs_example")
    for main in sorted(glob.glob(os.path.join(HERE, "*", "main.c*"))):
        folder = os.path.dirname(main)
        if fnmatch.fnmatch(os.path.basename(folder), only):
            embed_test(folder, os.path.basename(main))


# ---------------------------------------------------------------- threads


def thread_tests(only):
    tdir = os.path.join(HERE, "threads")
    scripts = sorted(glob.glob(os.path.join(tdir, "*_test.py")))
    scripts = [
        s
        for s in scripts
        if fnmatch.fnmatch("threads/" + os.path.basename(s)[:-8], only)
        or fnmatch.fnmatch(os.path.basename(s)[:-8], only)
    ]
    if not scripts:
        return
    mods = sorted(glob.glob(os.path.join(tdir, "*.pyx")))
    cpy = os.path.join(BUILD, "cpython-threads")
    if not cpython_modules(mods, cpy, "threads", ["-pthread"]):
        return
    builds = [
        ("gil", {"MPCY_MAKEFLAGS": "MICROPY_PY_THREAD_GIL=1"}),
        ("no-gil", {"MPCY_MAKEFLAGS": "MICROPY_PY_THREAD_GIL=0"}),
    ]
    for label, env in builds:
        old = dict(os.environ)
        os.environ.update(env)
        try:
            exe = build_mp(
                ["build"] + mods + ["-o", os.path.join(BUILD, "mp-threads-" + label)],
                "threads " + label,
            )
        finally:
            os.environ.clear()
            os.environ.update(old)
        if exe is None:
            continue
        for s in scripts:
            ref = run([cpython.python(), s], cwd=cpy, env={"PYTHONPATH": cpy})
            name = os.path.basename(s)[:-8]
            compare("threads %s [%s]" % (name, label), ref, run([exe, s], cwd=cpy))
            if label == "gil":
                compare(
                    "threads %s [%s, gc-stress]" % (name, label),
                    ref,
                    run(prelude.gc_stress_command(exe, s), cwd=cpy),
                )


def main():
    ap = cli.parser(__doc__)
    ap.add_argument(
        "--only",
        default="*",
        help="a glob over the test names (extension modules: X; programs: "
        "the folder; threads: threads/X)",
    )
    a = ap.parse_args()
    os.makedirs(BUILD, exist_ok=True)
    ext_tests(a.only)
    embed_tests(a.only)
    thread_tests(a.only)
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
