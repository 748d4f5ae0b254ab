#!/usr/bin/env python3
"""Build and run the libFuzzer target over the layer (issue 7).

  tests/fuzz/run.py [--seconds N] [--runs N]

Builds a unix MicroPython with clang -fsanitize=fuzzer-no-link,address,undefined
holding the layer, fuzzmod.pyx and the target module mpcyfuzz.c (libFuzzer's
LLVMFuzzerRunDriver from libclang_rt.fuzzer_no_main), then runs fuzz_main.py
in it over a copy of the committed seed corpus (tests/fuzz/corpus).  Without
--seconds the seed corpus alone is run (each input once).  A crash, a
sanitizer report or a failed check in the target stops libFuzzer, which
saves the input under build/fuzz/artifacts/.

Prints `fuzz: N executions, N crashes, N seconds, corpus N inputs` and then
`N passed, N failed` (one result: no crash).
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "build", "fuzz")
SEEDS = os.path.join(HERE, "corpus")
sys.path.insert(0, ROOT)
from driver import unix  # noqa: E402

# nonnull-attribute: off as in MicroPython's CI (memcpy(dst, NULL, 0) in its core);
# pointer-overflow: clang's check reports MicroPython's core adding 0 to a NULL
# pointer at start-up (py/map.c:193, mp_map_lookup on an empty map), which gcc's
# UBSan (MicroPython's CI, and the ASan+UBSan step of check-reliability) accepts.
# shift: MicroPython's mpz_set_from_bytes (py/mpz.c:868, int.from_bytes) shifts a
# byte into the sign bit of an int.
SAN = "-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-sanitize=nonnull-attribute,pointer-overflow,shift"
# setjmp nlr: AddressSanitizer knows longjmp (it unpoisons the abandoned frames).
# -Wno-error: clang warns where gcc does not (the fuzz build is not the place to stop on it; see fuzz.log).
CFLAGS = (
    "-fsanitize=fuzzer-no-link "
    + SAN
    + " -fno-omit-frame-pointer -g -DMICROPY_NLR_SETJMP=1 -Wno-error"
    " -fsanitize-ignorelist=" + os.path.join(HERE, "asan-ignorelist.txt")
)
SAN_ENV = {
    "ASAN_OPTIONS": "detect_leaks=0:detect_stack_use_after_return=0:abort_on_error=1",
    "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
}


def clang_runtime(name):
    out = subprocess.run(
        ["clang", "-print-file-name=" + name], stdout=subprocess.PIPE, text=True
    ).stdout.strip()
    if os.path.isabs(out) and os.path.exists(out):
        return out
    rt = subprocess.run(
        ["clang", "-print-runtime-dir"], stdout=subprocess.PIPE, text=True
    ).stdout.strip()
    p = os.path.join(rt, name)
    if os.path.exists(p):
        return p
    sys.exit("fuzz: %s not found (tools/reliability-deps.sh installs libclang-rt-dev)" % name)


def build():
    """The fuzz build of MicroPython; returns its path."""
    outdir = os.path.join(OUT, "mp")
    mod = os.path.join(outdir, "usermods", "mpcyfuzz")
    os.makedirs(mod, exist_ok=True)
    shutil.copy(os.path.join(HERE, "mpcyfuzz.c"), os.path.join(mod, "mpcyfuzz.c"))
    mk = "SRC_USERMOD_C += $(USERMOD_DIR)/mpcyfuzz.c\n"
    path = os.path.join(mod, "micropython.mk")
    if not os.path.exists(path) or open(path).read() != mk:
        with open(path, "w") as f:
            f.write(mk)
    arch = "x86_64" if os.uname().machine == "x86_64" else os.uname().machine
    fuzzer = clang_runtime("libclang_rt.fuzzer_no_main-%s.a" % arch)
    os.environ["MPCY_MAKEFLAGS"] = (
        os.environ.get("MPCY_MAKEFLAGS", "") + " CC=clang STRIP=true"
    ).strip()
    os.environ["MPCY_CFLAGS"] = CFLAGS
    os.environ["MPCY_LDFLAGS"] = "%s %s -lstdc++" % (SAN, fuzzer)
    return unix.build([os.path.join(HERE, "fuzzmod.pyx")], outdir)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--seconds", type=int, default=0, help="fuzz this long (0: run the seed corpus once)"
    )
    ap.add_argument(
        "--runs", type=int, default=0, help="stop after this many executions (with --seconds)"
    )
    args = ap.parse_args()
    exe = build()
    corpus = os.path.join(OUT, "corpus")
    artifacts = os.path.join(OUT, "artifacts")
    os.makedirs(corpus, exist_ok=True)
    shutil.rmtree(artifacts, ignore_errors=True)  # only this run's findings count
    os.makedirs(artifacts, exist_ok=True)
    for f in glob.glob(os.path.join(SEEDS, "*")):
        shutil.copy(f, corpus)
    opts = [
        "-artifact_prefix=" + artifacts + "/",
        "-print_final_stats=1",
        "-max_len=512",
        "-timeout=60",
        "-rss_limit_mb=4096",
    ]
    if args.seconds:
        opts += ["-max_total_time=%d" % args.seconds, corpus]
        if args.runs:
            opts.append("-runs=%d" % args.runs)
    else:
        opts += ["-runs=0", corpus]  # each corpus input once
    env = dict(os.environ, **SAN_ENV)
    log = os.path.join(OUT, "fuzz.log")
    t0 = time.time()
    with open(log, "w") as f:
        rc = subprocess.call(
            [exe, "-X", "heapsize=16M", os.path.join(HERE, "fuzz_main.py")] + opts,
            cwd=OUT,
            env=env,
            stdout=f,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    secs = time.time() - t0
    text = open(log, errors="replace").read()
    m = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    execs = int(m[-1]) if m else 0
    crashed = rc != 0 or "==ERROR" in text or "runtime error:" in text or "mpcyfuzz: " in text
    crash_files = (
        glob.glob(os.path.join(artifacts, "crash-*"))
        + glob.glob(os.path.join(artifacts, "timeout-*"))
        + glob.glob(os.path.join(artifacts, "oom-*"))
    )
    crashes = max(len(crash_files), 1 if crashed else 0)
    ninputs = len(os.listdir(corpus))
    if crashed or execs == 0:
        print("\n".join(text.splitlines()[-60:]))
    print(
        "fuzz: %d executions, %d crashes, %d seconds, corpus %d inputs (log %s)"
        % (execs, crashes, secs, ninputs, os.path.relpath(log, ROOT))
    )
    ok = not crashed and execs > 0
    print(
        "%s fuzz (libFuzzer over conversions, Py_BuildValue, Cython argument parsing)"
        % ("PASS" if ok else "FAIL")
    )
    print("%d passed, %d failed" % (int(ok), int(not ok)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
