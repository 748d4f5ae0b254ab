#!/usr/bin/env python3
"""Run Cython's own tests/run suite on MicroPython through the layer (issue 3).

  python3 tests/cython/run.py [--only PATTERN] [-j N] [--timeout SEC]
                              [--resume | --fresh] [--out DIR] [--rev REV]
  python3 tests/cython/run.py --must-pass [--sample N | --time-box SEC]  # the ratchet: must-pass.txt
  python3 tests/cython/run.py --update-must-pass   # after a full run: rewrite that list

Each .pyx/.py test in deps/cython/tests/run is handled the way Cython's
runtests.py handles it for the C backend: the header (`# mode:`, `# tag:`,
`# distutils:`, `# preparse:`) picks skips and variants; Cython compiles it
with runtests' options (language level 2 unless the file says otherwise,
autotestdict off, the test folder and tests/testsupport on the include path)
plus `auto_pickle=False` as ./mpcython does; gcc builds a loadable module
with the flags of a unix MicroPython built from a snapshot of the layer; the
module is imported in that MicroPython by tests/cython/mp_driver.py, which
runs its doctests (test_* modules: their unittest classes).  Doctest
examples are parsed and compared here with CPython's doctest; exception
details are ignored (IGNORE_EXCEPTION_DETAIL), exception types are not.

Results go to OUT/results.json (one entry per test, resumable) and
OUT/summary.md; the last line printed is "N passed, N failed, N skipped".
Layer snapshots and the generated C (which does not depend on the layer) are
kept in build/cython-tests/ for every OUT.
"""
import argparse
import ast
import collections
import concurrent.futures
import doctest
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lib import cli, prelude  # noqa: E402  (also puts ROOT, the driver package, on sys.path)
from driver import cython, extension, usermods  # noqa: E402
from driver.common import micropy_dir, micropy_release, micropy_variant  # noqa: E402

CYTHON_DIR = cython.source_dir()
RUN_DIR = os.path.join(CYTHON_DIR, "tests", "run")
SUPPORT_DIR = os.path.join(CYTHON_DIR, "tests", "testsupport")
DRIVER = os.path.join(HERE, "mp_driver.py")
# Modules the driver provides: a minimal unittest and the harness stand-ins for
# stdlib modules MicroPython lacks (README.md); results name the ones a test imported.
SUPPORT_MP = os.path.join(HERE, "support")
MUST_PASS = os.path.join(HERE, "must-pass.txt")
GC_STRESS_KNOWN = os.path.join(HERE, "gc-stress-known.txt")
# Tests whose doctests see MicroPython's own output of an older release
# (not the layer's): skipped on that release, each with its reason.
RELEASE_DIFFERENCES = os.path.join(HERE, "release-differences.txt")
# One output folder (and layer snapshots) per MicroPython release (MICROPY_VERSION).
DEFAULT_OUT = os.path.join(ROOT, "build", "cython-tests" + micropy_variant())
C_CACHE = os.path.join(ROOT, "build", "cython-tests", "c-cache")  # shared by all output folders
MARK = "\x1eMPCY:"
# Bump when the harness changes what a result means (invalidates results.json).
HARNESS_VERSION = "1"
# MicroPython's default heap (2 MB) is far below what CPython offers a test.
MP_ARGS = ["-X", "heapsize=64M"]

OUTCOMES = ["pass", "fail", "cython-error", "compile-error", "link-error", "crash", "timeout"]

# Tags that make a test need something MicroPython cannot have.
SKIP_TAGS = {
    "numpy": "needs numpy (third-party package)",
    "pythran": "needs pythran (third-party package)",
    "pstats": "needs cProfile/pstats (CPython-only modules)",
    "trace": "needs sys.settrace line tracing (CPython-only)",
    "monitoring": "needs sys.monitoring (CPython-only)",
    "coverage": "needs coverage (third-party package)",
}
# A test whose first failure is an ImportError for one of these is skipped.
THIRD_PARTY = "third-party package"
CPYTHON_ONLY = "CPython-only module"
UNAVAILABLE_MODULES = {
    "numpy": THIRD_PARTY,
    "scipy": THIRD_PARTY,
    "pythran": THIRD_PARTY,
    "cffi": THIRD_PARTY,
    "pyperf": THIRD_PARTY,
    "setuptools": THIRD_PARTY,
    "Cython": "the Cython compiler package",
    "cython": "the Cython package's pure-Python shadow module",
    "_testcapi": CPYTHON_ONLY,
    "_testinternalcapi": CPYTHON_ONLY,
    "_testbuffer": CPYTHON_ONLY,
    "_testmultiphase": CPYTHON_ONLY,
    "ctypes": CPYTHON_ONLY,
    "_ctypes": CPYTHON_ONLY,
    "test": "CPython's regression test package",
    "distutils": CPYTHON_ONLY,
    "sysconfig": CPYTHON_ONLY,
    "cProfile": CPYTHON_ONLY,
    "pstats": CPYTHON_ONLY,
    "tracemalloc": CPYTHON_ONLY,
    "faulthandler": CPYTHON_ONLY,
}

API_RE = r"(_?Py[A-Za-z0-9_]+)"

# Cython's lists of tests runtests.py leaves out: bugs.txt always (they fail on
# CPython too), limited_api_bugs.txt in Limited API mode (the layer's mode).
# The issue counts these tests; results only note the listing.
CYTHON_LISTS = ("bugs.txt", "limited_api_bugs.txt")


def cython_lists():
    lists = {}
    for name in CYTHON_LISTS:
        with open(os.path.join(CYTHON_DIR, "tests", name)) as f:
            pats = [l.split()[0] for l in f if l.strip() and not l.lstrip().startswith("#")]
        lists[name] = [re.compile(p, re.I).search for p in pats if ":" not in p]
    return lists


def log(msg):
    print(msg, flush=True)


def sha(data):
    return hashlib.sha256(data).hexdigest()[:16]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


# Identifies the Cython in use (its version) for the cache of generated C.
CYTHON_ID = (
    sha(read_bytes(os.path.join(CYTHON_DIR, "Cython", "Shadow.py")))
    if os.path.isdir(CYTHON_DIR)
    else ""
)


# ---------------------------------------------------------------- discovery


def read_listed(path, keys):
    """The lines of a list file (# comments): KEYS words, then a reason;
    [(key, reason)], the key a word or, for several, a tuple of them."""
    out = []
    for line in open(path):
        if line.strip() and not line.startswith("#"):
            words = line.split(None, keys)
            key = words[0] if keys == 1 else tuple(words[:keys])
            out.append((key, words[keys].strip() if len(words) > keys else ""))
    return out


def parse_tags(path):
    """The header comments, exactly as runtests.py's parse_tags reads them."""
    tags = collections.defaultdict(list)
    parse_tag = re.compile(r"#\s*(\w+)\s*:(.*)$").match
    with open(path, encoding="ISO-8859-1", errors="ignore") as f:
        for line in f:
            if line[0] != "#":
                line = line.lstrip("\xef\xbb\xbf").strip()
                if not line:
                    if tags:
                        break
                    continue
                if line[0] != "#":
                    break
            m = parse_tag(line)
            if m is not None:
                tag, values = m.groups()
                tags[tag].extend(filter(None, [v.strip() for v in values.split(",")]))
            elif tags:
                break
    return tags


def runtests_function(name):
    """A helper function taken verbatim from Cython's runtests.py (def_to_cdef)."""
    src = open(os.path.join(CYTHON_DIR, "runtests.py"), encoding="utf-8").read()
    for node in ast.parse(src).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            ns = {"re": re}
            exec(compile(ast.Module([node], []), "runtests.py", "exec"), ns)
            return ns[name]
    raise SystemExit("runtests.py has no %s()" % name)


class Test:
    def __init__(self, path):
        self.path = path
        self.file = os.path.basename(path)
        self.name = os.path.splitext(self.file)[0]
        self.tags = parse_tags(path)
        tag = self.tags["tag"]
        mode = self.tags["mode"][0] if self.tags["mode"] else "run"
        self.skip = None
        self.release_difference = False  # skipped for RELEASE_DIFFERENCES
        # C++ only (runtests.py runs these in its C++ mode alone): built with
        # Cython's --cplus and the C++ compiler.
        self.cplus = "cpp" in tag or any(
            d.replace(" ", "") == "language=c++" for d in self.tags["distutils"]
        )
        if mode != "run":
            self.skip = "mode: %s" % mode
        else:
            for t, why in SKIP_TAGS.items():
                if t in tag:
                    self.skip = why
                    break
        self.unittest = self.name.startswith("test_")
        # runtests.py runs one test per preparse function and language level.
        self.variants = [
            (p, lvl)
            for p in (self.tags.get("preparse") or ["id"])
            for lvl in ([2, 3] if "all_language_levels" in tag else [None])
        ]
        deps = [path] + [os.path.join(RUN_DIR, self.name + ext) for ext in (".pxd", ".pxi", ".h")]
        data = HARNESS_VERSION.encode() + b"".join(
            read_bytes(p) for p in deps if os.path.exists(p)
        )
        self.hash = sha(data)


def discover(pattern=None):
    tests = []
    lists = cython_lists()
    for f in sorted(os.listdir(RUN_DIR)):
        if f.endswith((".pyx", ".py")) and not f.startswith("."):
            if pattern and not re.search(pattern, os.path.splitext(f)[0]):
                continue
            t = Test(os.path.join(RUN_DIR, f))
            t.listed = [n for n, pats in lists.items() if any(p("run." + t.name) for p in pats)]
            tests.append(t)
    return tests


# ---------------------------------------------------------------- the layer


class Layer:
    """A snapshot of the layer (mpcython, runtime/, include/) and the unix
    MicroPython built from it, so that edits to the working tree during a run
    do not change what is measured."""

    def __init__(self, out, rev=None):
        os.makedirs(out, exist_ok=True)
        tmp = os.path.join(out, "layer-new-%d" % os.getpid())
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        parts = ["mpcython", "driver", "runtime", "include"]
        if rev:
            # (a revision before driver/ has the whole driver in mpcython)
            parts = [
                p
                for p in parts
                if subprocess.run(
                    ["git", "-C", ROOT, "cat-file", "-e", "%s:%s" % (rev, p)],
                    stderr=subprocess.DEVNULL,
                ).returncode
                == 0
            ]
            data = subprocess.run(
                ["git", "-C", ROOT, "archive", rev] + parts, stdout=subprocess.PIPE, check=True
            ).stdout
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                if hasattr(tarfile, "data_filter"):
                    tar.extractall(tmp, filter="data")
                else:
                    tar.extractall(tmp)
        else:
            shutil.copy2(os.path.join(ROOT, "mpcython"), tmp)
            for d in parts[1:]:
                shutil.copytree(
                    os.path.join(ROOT, d),
                    os.path.join(tmp, d),
                    ignore=shutil.ignore_patterns("__pycache__"),
                )
        h = hashlib.sha256()
        for base, _, files in sorted(os.walk(tmp)):
            for f in sorted(files):
                p = os.path.join(base, f)
                h.update(os.path.relpath(p, tmp).encode() + b"\0" + read_bytes(p))
        h.update(read_bytes(os.path.join(CYTHON_DIR, "Cython", "Shadow.py")))  # Cython version
        self.hash = h.hexdigest()[:16]
        self.dir = os.path.join(out, "layer-" + self.hash)
        host = os.path.join(self.dir, "host")
        self.exe = os.path.join(host, "build-unix", "micropython")
        if os.path.exists(self.exe) and os.path.exists(os.path.join(host, "cflags.txt")):
            shutil.rmtree(tmp)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
            os.rename(tmp, self.dir)
            os.symlink(os.path.join(ROOT, "deps"), os.path.join(self.dir, "deps"))
            log("building the MicroPython host from the layer snapshot %s" % self.hash)
            p = subprocess.run(
                [sys.executable, os.path.join(self.dir, "mpcython"), "host", "-o", host],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            if p.returncode != 0:
                sys.stderr.write(p.stdout[-6000:])
                raise SystemExit("cython-tests: the layer does not build (output above)")
        # Keep the three most recently used snapshots (a concurrent run may use one).
        os.utime(self.dir)
        snaps = sorted(
            (os.path.join(out, d) for d in os.listdir(out) if re.match(r"layer-[0-9a-f]{16}$", d)),
            key=os.path.getmtime,
            reverse=True,
        )
        for d in snaps[3:]:
            shutil.rmtree(d, ignore_errors=True)
        self.cflags = open(os.path.join(host, "cflags.txt")).read().split()
        self.build_inc = os.path.join(host, "build-unix")
        # The .so wrapper (ABI version stamp, static object variables) exactly as ./mpcython writes it.
        self.so_wrapper = snapshot_driver(self.dir).so_wrapper
        out_nm = subprocess.run(
            ["nm", "-D", "--defined-only", self.exe], stdout=subprocess.PIPE, text=True
        ).stdout
        self.exported = {line.split()[-1] for line in out_nm.splitlines() if line.strip()}


def runner_hash():
    """What a result depends on besides the test and the layer: the driver and
    the support modules (a stand-in added or changed can change any outcome)."""
    files = [DRIVER] + sorted(
        os.path.join(SUPPORT_MP, f) for f in os.listdir(SUPPORT_MP) if f.endswith(".py")
    )
    return sha(b"".join(os.path.basename(p).encode() + b"\0" + read_bytes(p) for p in files))[:16]


def standins_of(out):
    """The support modules the driver reports the test imported."""
    for piece in out.split("\n" + MARK)[1:]:
        tag = piece.split("\n", 1)[0]
        if tag.startswith("STANDINS "):
            return json.loads(tag[9:])
    return []


def snapshot_driver(root):
    """The driver module that writes the .so wrapper, from the snapshot ROOT
    (driver/generate.py; before driver/ existed, the script mpcython)."""
    import importlib.machinery
    import importlib.util

    name = "mpcy_snapshot_" + re.sub(r"\W", "_", os.path.basename(root))
    pkg = os.path.join(root, "driver")
    if os.path.isdir(pkg):
        spec = importlib.util.spec_from_file_location(
            name, os.path.join(pkg, "__init__.py"), submodule_search_locations=[pkg]
        )
    else:
        spec = importlib.util.spec_from_loader(
            name, importlib.machinery.SourceFileLoader(name, os.path.join(root, "mpcython"))
        )
    sys.modules[name] = mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return importlib.import_module(name + ".generate") if os.path.isdir(pkg) else mod


# ---------------------------------------------------------------- building


def cythonize_main(spec):
    """Runs in a child process: Cython with runtests.py's compile options."""
    args = json.loads(spec)
    sys.path.insert(0, CYTHON_DIR)
    from Cython.Compiler import Options
    from Cython.Compiler.Main import compile as cython_compile, CompilationOptions, default_options
    from Cython.Build.Dependencies import DistutilsInfo

    tags = args["tags"]
    Options.clear_to_none = False  # CythonRunTestCase.setUp
    Options.warning_errors = "werror" in tags["tag"]
    if "allow_unknown_names" in tags["tag"]:
        Options.error_on_unknown_names = False
    options = CompilationOptions(
        default_options,
        include_path=[SUPPORT_DIR, RUN_DIR],
        output_file=args["c_file"],
        annotate=False,
        use_listing_file=False,
        cplus=args["cplus"],
        language_level=args["level"],
        generate_pxi=False,
        evaluate_tree_assertions=True,
        c_line_in_traceback=True,
        # autotestdict off as in runtests.py; the directives ./mpcython sets.
        compiler_directives=dict({"autotestdict": False}, **cython.DIRECTIVES),
    )
    result = cython_compile(args["source"], options=options, full_module_name=args["module"])
    if result.num_errors:
        return 1
    with open(args["source"], encoding="utf-8", errors="replace") as f:
        info = DistutilsInfo(f).values
    with open(args["c_file"] + ".json", "w") as f:
        json.dump(info, f)
    return 0


class Failed(Exception):
    """outcome, first differing line, detail, API names to blame, and a short
    cause used to group failures in the summary."""

    def __init__(self, outcome, first, detail="", api=(), cause=None):
        Exception.__init__(self, first)
        self.outcome, self.first, self.detail, self.api = outcome, first, detail, list(api)
        self.cause = cause or "%s: %s" % (outcome, first)
        self.module = None


def tail(text, n=4000):
    return text if len(text) <= n else "..." + text[-n:]


C_API_ERRORS = [
    re.compile(p)
    for p in (
        r"implicit declaration of function [‘'`]" + API_RE,
        r"[‘'`]" + API_RE + r"[’'`] undeclared",
        r"unknown type name [‘'`]" + API_RE,
        r"incomplete type [‘'`]" + API_RE,
    )
]
C_HEADER_ERROR = re.compile(r"fatal error: ([\w/]+\.h): No such file")
C_MEMBER_ERROR = re.compile(
    r"[‘'`]" + API_RE + r"[’'`](?: \{aka [^}]*\})? has no member named [‘'`](\w+)"
)


def c_errors(output):
    """The compiler's error lines and the CPython API names they mention
    (a missing struct member as Type.member, a missing header as <name.h>)."""
    errors = [
        line for line in output.splitlines() if ": error: " in line or "fatal error:" in line
    ]
    api = set()
    for line in errors:
        for pat in C_API_ERRORS:
            api.update(pat.findall(line))
        api.update("%s.%s" % m for m in C_MEMBER_ERROR.findall(line))
        api.update("<%s>" % h for h in C_HEADER_ERROR.findall(line))
    return errors, sorted(api)


def cythonize(test, workdir, preparse, level, cache_dir):
    """Cython: returns (C file, distutils options), or raises Failed.  The C
    does not depend on the layer, so it is kept (gzipped) in cache_dir."""
    variant = "%s_%s" % (preparse, level or 2)
    key = sha((test.hash + variant + CYTHON_ID + ("c++" if test.cplus else "")).encode())
    cached = os.path.join(cache_dir, "%s_%s-%s.c.gz" % (test.name, variant, key))
    c_file = os.path.join(workdir, test.name + (".cpp" if test.cplus else ".c"))
    if os.path.exists(cached):
        with gzip.open(cached, "rb") as f:
            info, data = f.read().split(b"\0", 1)
        with open(c_file, "wb") as f:
            f.write(data)
        return c_file, json.loads(info)
    source = test.path
    if preparse != "id":
        with open(test.path, encoding="ISO-8859-1") as f:
            text = runtests_function(preparse)(f.read())
        source = os.path.join(workdir, test.file)
        with open(source, "w", encoding="ISO-8859-1") as f:
            f.write(text)
    spec = json.dumps(
        {
            "source": source,
            "module": test.name,
            "c_file": c_file,
            "level": level or 2,
            "tags": test.tags,
            "cplus": test.cplus,
        }
    )
    try:
        p = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--cythonize", spec],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=900,
        )
    except subprocess.TimeoutExpired:
        raise Failed("cython-error", "Cython timed out")
    if p.returncode != 0:
        lines = [l for l in p.stdout.splitlines() if l.strip()]
        first = next(
            (l for l in lines if re.search(r":\d+:\d+: ", l)), lines[-1] if lines else "?"
        )
        raise Failed(
            "cython-error",
            first.strip(),
            tail(p.stdout),
            cause="cython-error: " + re.sub(r"^.*?:\d+:\d+: ", "", first.strip()),
        )
    with open(c_file + ".json") as f:
        info = f.read()
    os.unlink(c_file + ".json")
    os.makedirs(cache_dir, exist_ok=True)
    for old in os.listdir(cache_dir):
        if old.startswith("%s_%s-" % (test.name, variant)) and old.endswith(".c.gz"):
            os.unlink(os.path.join(cache_dir, old))
    tmp = "%s.%d.tmp" % (cached, os.getpid())
    with gzip.open(tmp, "wb", compresslevel=6) as f:
        f.write(info.encode() + b"\0" + read_bytes(c_file))
    os.replace(tmp, cached)
    return c_file, json.loads(info)


def build(test, layer, workdir, preparse, level, times, cache_dir):
    """Cython + gcc: returns the folder holding NAME.so, or raises Failed.
    Adds the seconds each step took to times."""
    t0 = time.time()
    os.makedirs(workdir, exist_ok=True)
    c_file, info = cythonize(test, workdir, preparse, level, cache_dir)
    times["cython"] = round(times.get("cython", 0) + time.time() - t0, 2)
    t0 = time.time()
    wrapper = os.path.join(workdir, test.name + "_so" + os.path.splitext(c_file)[1])
    with open(wrapper, "w") as f:
        f.write(layer.so_wrapper(c_file, os.path.basename(c_file), test.name))
    so = os.path.join(workdir, test.name + ".so")
    extra = ["-I" + RUN_DIR]
    for d in info.get("include_dirs", []):
        extra.append("-I" + os.path.join(RUN_DIR, d))
    macros = [] if "traceback" in test.tags["tag"] else [("CYTHON_CLINE_IN_TRACEBACK", "1")]
    for m in macros + [tuple(m) for m in info.get("define_macros", [])]:
        extra.append("-D%s" % m[0] if m[1] is None else "-D%s=%s" % (m[0], m[1]))
    extra += ["-U" + m for m in info.get("undef_macros", [])]
    extra += info.get("extra_compile_args", [])
    if "c11" in test.tags["tag"]:
        extra.append("-std=gnu11")
    # runtests.py's tag:openmp: gcc's OpenMP, compiled and linked in
    openmp = ["-fopenmp"] if "openmp" in test.tags["tag"] else []
    extra += openmp
    # runtests.py's language standards for C++ tests (tag:cpp11 ... tag:cpp20)
    for std in ("11", "17", "20"):
        if "cpp" + std in test.tags["tag"]:
            extra.append("-std=c++" + std)
    sources = [os.path.join(RUN_DIR, s) for s in info.get("sources", [])]
    libs = ["-l" + l for l in info.get("libraries", [])] + info.get("extra_link_args", [])
    cmd = (
        ["gcc"]
        + extension.flags_for(wrapper, layer.cflags)
        + ["-fPIC", "-shared", "-w", "-I" + layer.build_inc]
        + extra
        + [wrapper]
        + sources
        + ["-o", so]
        + libs
        + openmp
        + (usermods.CXX_RUNTIME if test.cplus else [])
    )
    try:
        p = subprocess.run(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900
        )
    except subprocess.TimeoutExpired:
        raise Failed("compile-error", "the C compiler timed out")
    if p.returncode != 0:
        errors, api = c_errors(p.stdout)
        first = errors[0] if errors else (p.stdout.strip().splitlines() or ["?"])[-1]
        first = first.replace(workdir + "/", "")
        cause = re.sub(r"^.*?(?:fatal )?error: ", "", first)
        raise Failed("compile-error", first, tail(p.stdout), api, "compile-error: " + cause)
    # The layer must define every CPython API symbol the module needs (the
    # loader uses RTLD_NOW, so one missing name fails the import).
    nm = subprocess.run(
        ["nm", "-D", "--undefined-only", so], stdout=subprocess.PIPE, text=True
    ).stdout
    missing = sorted(
        {line.split()[-1] for line in nm.splitlines() if line.strip()} - layer.exported
    )
    api = [s for s in missing if re.match(API_RE + "$", s)]
    if api:
        raise Failed(
            "link-error",
            "missing CPython API: " + ", ".join(api),
            api=api,
            cause="link-error: missing " + ", ".join(api),
        )
    times["cc"] = round(times.get("cc", 0) + time.time() - t0, 2)
    return workdir


# ---------------------------------------------------------------- running


def strip_exc(msg):
    """doctest's IGNORE_EXCEPTION_DETAIL: the exception name without module
    path or message."""
    name = msg.split(":", 1)[0].strip()
    return name.rsplit(".", 1)[-1]


def first_diff(want, got):
    w, g = want.splitlines(), got.splitlines()
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<nothing>"
        b = g[i] if i < len(g) else "<nothing>"
        if a != b:
            return "expected %r, got %r" % (a, b)
    return "expected %r, got %r" % (want, got)


# --gc-stress: the driver runs behind a collection before every allocation
# (tests/lib/prelude.py, as the behaviour tests do) in a smaller heap, since
# each collection walks the whole heap.
GC_STRESS = {"on": False}
STRESS_ARGS = ["-X", "heapsize=4M"]


def run_mp(layer, args, stdin_fn, timeout):
    """Runs the driver; stdin_fn(first output) gives the line to send after the
    FOUND marker (or None).  Returns (stdout, stderr, returncode, timed_out)."""
    # only the frozen modules (asyncio, enum): no ~/.micropython/lib
    env = dict(os.environ, MICROPYPATH=".frozen")
    if GC_STRESS["on"]:
        cmd = prelude.gc_stress_command(layer.exe, DRIVER, args, STRESS_ARGS)
    else:
        cmd = [layer.exe] + MP_ARGS + [DRIVER] + args
    p = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    killed = []
    timer = threading.Timer(timeout, lambda: (killed.append(True), p.kill()))
    timer.start()
    err = []
    err_thread = threading.Thread(target=lambda: err.append(p.stderr.read()))
    err_thread.start()
    out = []
    try:
        if stdin_fn is not None:
            for raw in iter(p.stdout.readline, b""):
                out.append(raw)
                if raw.startswith((MARK + "FOUND ").encode()):
                    line = stdin_fn(raw.decode("utf-8", "replace")[len(MARK) + 6 :])
                    try:
                        p.stdin.write(line.encode() + b"\n")
                        p.stdin.flush()
                    except OSError:
                        pass
                    break
        try:
            p.stdin.close()
        except OSError:
            pass
        out.append(p.stdout.read())
        p.wait()
    finally:
        timer.cancel()
        err_thread.join()
    return (
        b"".join(out).decode("utf-8", "replace"),
        b"".join(err).decode("utf-8", "replace"),
        p.returncode,
        bool(killed),
    )


def option_flags(example):
    flags = 0
    for flag, on in example.options.items():
        flags = flags | flag if on else flags & ~flag
    return flags


def check_doctests(test, layer, sodir, timeout, standins):
    """Runs the module's doctests on MicroPython; raises Failed unless all pass."""
    parser = doctest.DocTestParser()
    plan = {}  # test index -> (name, examples to run)
    state = {}

    def make_plan(found_json):
        found = json.loads(found_json)
        tests = []
        for i, (name, doc) in enumerate(found):
            try:
                examples = parser.get_examples(doc, name)
            except ValueError as e:
                state["parse_error"] = "%s: %s" % (name, e)
                examples = []
            examples = [e for e in examples if not e.options.get(doctest.SKIP)]
            if examples:
                tests.append((name, i, examples))
        tests.sort(key=lambda t: t[0])  # DocTestSuite runs them sorted by name
        for name, i, examples in tests:
            plan[i] = (name, examples)
        return json.dumps([[i, [e.source for e in plan[i][1]]] for _, i, _ in tests])

    out, err, rc, timed_out = run_mp(
        layer, ["doctest", test.name, sodir, SUPPORT_MP], make_plan, timeout
    )
    standins.update(standins_of(out))
    return judge(test, out, err, rc, timed_out, plan, state)


def judge(test, out, err, rc, timed_out, plan, state):
    """Compares the driver's output with the examples; raises Failed unless all pass."""
    pieces = out.split("\n" + MARK)
    events = [p.split("\n", 1) for p in pieces[1:]]
    events = [(e[0], e[1] if len(e) > 1 else "") for e in events]
    done = any(tag == "DONE" for tag, _ in events)
    current = None  # (test index, example index, output so far, exception)
    results = []
    for tag, text in events:
        if tag.startswith("IMPORT "):
            msg = json.loads(tag[7:])
            raise import_failure(msg, err)
        if tag.startswith("EX "):
            if current:
                results.append(current)
            ti, ei = map(int, tag[3:].split())
            current = [ti, ei, text, None]
        elif tag.startswith("EXC ") and current:
            current[3] = json.loads(tag[4:])
            current[2] += text  # output after the exception (none expected)
        elif tag == "DONE" and current:
            results.append(current)
            current = None
        elif current and not tag.startswith(("FOUND", "DONE", "STANDINS ")):
            current[2] += text
    if current:
        results.append(current)
    if "parse_error" in state:
        raise Failed("fail", "doctest cannot parse " + state["parse_error"])
    running = ""
    if results:
        ti, ei = results[-1][:2]
        running = " while running %s example %d: %s" % (
            plan[ti][0],
            ei + 1,
            plan[ti][1][ei].source.strip()[:200],
        )
    if timed_out:
        raise Failed("timeout", "timed out" + running, cause="timeout")
    if not done:
        why = "killed by signal %d" % -rc if rc < 0 else "exited with status %d" % rc
        shown = re.sub(re.escape(MARK) + "FOUND .*", "", out).replace(
            MARK, ""
        )  # without the docstrings
        raise Failed(
            "crash",
            "MicroPython " + why + running,
            tail(err + "\n" + shown[-2000:]),
            cause="crash: " + why,
        )
    if not plan and ">>>" in open(test.path, encoding="utf-8", errors="replace").read():
        raise Failed("fail", "no doctest examples found in the module (the source has '>>>')")
    checker = doctest.OutputChecker()
    api = set()
    failures = []
    for ti, ei, got, exc in results:
        name, examples = plan[ti]
        ex = examples[ei]
        flags = option_flags(ex)
        if got and not got.endswith("\n"):
            got += "\n"
        if exc is None:
            ok = checker.check_output(ex.want, got, flags)
            if ok:
                diff = None
            elif ex.exc_msg is not None:
                diff = "expected %s, no exception raised (output %r)" % (
                    ex.exc_msg.strip(),
                    got[:200],
                )
            else:
                diff = first_diff(ex.want, got)
        else:
            for m in re.finditer(r"NotImplementedError: " + API_RE, exc):
                api.add(m.group(1))
            if ex.exc_msg is None:
                ok = False
                diff = "unexpected exception %s" % exc
            else:
                ok = checker.check_output(ex.exc_msg, exc + "\n", flags) or strip_exc(
                    ex.exc_msg
                ) == strip_exc(exc)
                diff = None if ok else "expected %s, got %s" % (ex.exc_msg.strip(), exc)
        if not ok:
            failures.append((name, ei, ex, got, exc, diff))
    planned = sum(len(p[1]) for p in plan.values())
    if len(results) != planned:
        raise Failed("fail", "the driver ran %d of %d examples" % (len(results), planned))
    if failures:
        name, ei, ex, got, exc, diff = failures[0]
        first = "%s example %d >>> %s: %s" % (
            name,
            ei + 1,
            ex.source.strip().splitlines()[0][:120],
            diff,
        )
        detail = "\n".join(
            "%s[%d] >>> %s\nexpected:\n%s\ngot:\n%s%s"
            % (
                n,
                i + 1,
                e.source.rstrip(),
                e.exc_msg or e.want,
                g,
                ("exception: " + x) if x else "",
            )
            for n, i, e, g, x, _ in failures[:10]
        )
        raise exception_failure(first, tail(detail, 6000), api, exc)
    return len(results)


def exception_failure(first, detail, api, exc):
    """A fail; its cause is the exception (if one was raised), else 'wrong output'."""
    f = Failed(
        "fail", first, detail, api, "fail: exception " + exc if exc else "fail: wrong output"
    )
    f.module = missing_module(exc)
    return f


def missing_module(exc):
    """The module a failed import names: MicroPython's ImportError, or the
    layer's ModuleNotFoundError for an import in Cython code."""
    m = re.match(
        r"(?:ImportError: no module named|ModuleNotFoundError: No module named) '([\w.]+)'",
        exc or "",
    )
    return m.group(1) if m else None


def import_failure(msg, err):
    m = re.search(r"undefined symbol: (\w+)", msg)
    if m:
        return Failed("link-error", "missing symbol: " + m.group(1), tail(err), [m.group(1)])
    api = re.findall(r"NotImplementedError: " + API_RE, msg)
    return exception_failure("import failed: " + msg, tail(err), api, msg)


def check_unittests(test, layer, sodir, timeout, standins):
    out, err, rc, timed_out = run_mp(
        layer, ["unittest", test.name, sodir, SUPPORT_MP], None, timeout
    )
    standins.update(standins_of(out))
    events = [p.split("\n", 1)[0] for p in out.split("\n" + MARK)[1:]]
    for tag in events:
        if tag.startswith("IMPORT "):
            raise import_failure(json.loads(tag[7:]), err)
    if timed_out:
        raise Failed("timeout", "timed out", cause="timeout")
    if "DONE" not in events:
        why = "killed by signal %d" % -rc if rc < 0 else "exited with status %d" % rc
        raise Failed(
            "crash", "MicroPython " + why, tail(err + "\n" + out[-2000:]), cause="crash: " + why
        )
    ran = [json.loads(t[3:]) for t in events if t.startswith("UT ")]
    bad = [b for b in ran if not b[1]]
    if bad:
        api = {m for b in bad for m in re.findall(r"NotImplementedError: " + API_RE, b[2])}
        exc = (
            bad[0][2]
            if re.match(r"\w+(: |$)", bad[0][2]) and "Error" in bad[0][2].split(":")[0]
            else None
        )
        raise exception_failure(
            "%s: %s" % (bad[0][0], bad[0][2][:300]),
            tail("\n".join("%s: %s" % (b[0], b[2]) for b in bad), 6000),
            api,
            exc,
        )
    if not ran:
        raise Failed("fail", "no unittest test cases found")
    return len(ran)


def run_test(test, layer, out, timeout, runner):
    """Builds and runs every variant of one test; returns its result entry."""
    t0 = time.time()
    times = {}
    standins = set()  # support modules the test imported (any variant)
    entry = {"hash": test.hash, "layer": layer.hash, "runner": runner, "times": times}
    try:
        for preparse, level in test.variants:
            suffix = ("" if preparse == "id" else "_" + preparse) + (
                "" if level is None else "_cy%d" % level
            )
            workdir = os.path.join(out, "work", test.name + suffix)
            shutil.rmtree(workdir, ignore_errors=True)
            sodir = build(test, layer, workdir, preparse, level, times, C_CACHE)
            check = check_unittests if test.unittest else check_doctests
            t1 = time.time()
            try:
                entry["examples"] = entry.get("examples", 0) + check(
                    test, layer, sodir, timeout, standins
                )
            finally:
                times["run"] = round(times.get("run", 0) + time.time() - t1, 2)
            shutil.rmtree(workdir, ignore_errors=True)
        entry["outcome"] = "pass"
    except Failed as f:
        entry.update(outcome=f.outcome, first=f.first, detail=f.detail, api=f.api, cause=f.cause)
        if f.module:
            entry["module"] = f.module
        if len(test.variants) > 1:
            entry["variant"] = "%s/%s" % (preparse, level or 2)
    except Exception as e:  # a harness bug must not stop the run
        entry.update(outcome="crash", first="harness error: %r" % e, cause="harness error")
    entry["seconds"] = round(time.time() - t0, 1)
    if standins:
        entry["standins"] = sorted(standins)
    if test.listed:
        entry["listed"] = test.listed
    return classify(entry)


def classify(entry):
    """A test whose first failure is the import of a module MicroPython cannot
    have is skipped (also applied to stored results when the list changes)."""
    if not entry.get("module") and entry.get("cause", "").startswith("fail: exception "):
        entry["module"] = missing_module(entry["cause"][len("fail: exception ") :])
    top = (entry.get("module") or "").split(".")[0]
    if entry["outcome"] in ("fail", "skip") and top:
        if top in UNAVAILABLE_MODULES:
            entry.update(outcome="skip", reason="needs %s (%s)" % (top, UNAVAILABLE_MODULES[top]))
        elif entry["outcome"] == "skip":
            entry["outcome"] = "fail"
            entry.pop("reason", None)
    return entry


# ---------------------------------------------------------------- reporting


def cause_of(r):
    """A short signature of why a test did not pass, to group failures."""
    if r.get("module"):
        return "missing module %s" % r["module"]
    cause = r.get("cause") or "%s: %s" % (r["outcome"], r.get("first", ""))
    return re.sub(r"0x[0-9a-f]+|\d+", "N", cause)[:160]


def standin_lines(considered, results, passed):
    """The passing tests that imported a harness stand-in (support/), by module."""
    by_module = collections.defaultdict(list)
    users = set()
    for t in considered:
        r = results[t.name]
        if r["outcome"] == "pass":
            for m in r.get("standins") or []:
                by_module[m].append(t.name)
                users.add(t.name)
    lines = ["", "## Stand-in modules", ""]
    lines.append(
        "%d of the %d passing tests imported a harness stand-in from tests/cython/support/ "
        "(pure-Python modules for what MicroPython lacks; %d of them only `unittest`):"
        % (
            len(users),
            passed,
            sum(1 for n in users if results[n].get("standins") == ["unittest"]),
        )
    )
    lines.append("")
    for m in sorted(by_module):
        names = by_module[m]
        lines.append("- `%s` (%d): %s" % (m, len(names), ", ".join(sorted(names))))
    return lines


def summarize(tests, results, elapsed, full, ran):
    considered = [t for t in tests if results[t.name]["outcome"] != "skip"]
    skipped = [t for t in tests if results[t.name]["outcome"] == "skip"]
    counts = collections.Counter(results[t.name]["outcome"] for t in considered)
    passed = counts["pass"]
    lines = ["# Cython tests/run on MicroPython", ""]
    if full:
        srctree = [f for f in os.listdir(RUN_DIR) if f.endswith(".srctree")]
        lines.append(
            "Tests: %d .pyx/.py files in deps/cython/tests/run (the %d .srctree end-to-end "
            "tests are not run tests of a module and are not counted)."
            % (len(tests), len(srctree))
        )
    reused = sum(1 for t in tests if not t.skip and t.name not in ran)
    lines.append(
        "Considered %d, passed %d (%.1f%%), skipped %d; wall time %.0f s for the %d tests run "
        "now (%d results reused)."
        % (
            len(considered),
            passed,
            100.0 * passed / max(1, len(considered)),
            len(skipped),
            elapsed,
            len(ran),
            reused,
        )
    )
    for lang, cplus in (("C", False), ("C++", True)):
        part = [t for t in considered if t.cplus == cplus]
        ok = sum(1 for t in part if results[t.name]["outcome"] == "pass")
        lines.append(
            "- %s tests: considered %d, passed %d (%.1f%%)."
            % (lang, len(part), ok, 100.0 * ok / max(1, len(part)))
        )
    phases = collections.Counter()
    for t in considered:
        phases.update(results[t.name].get("times") or {})
    if phases:
        lines.append(
            "Time spent per step, summed over tests: Cython %.0f s, C compiler %.0f s, "
            "MicroPython %.0f s." % (phases["cython"], phases["cc"], phases["run"])
        )
    lines += ["", "## Outcomes", "", "| outcome | tests |", "| --- | --- |"]
    lines += ["| %s | %d |" % (o, counts[o]) for o in OUTCOMES]
    lines += standin_lines(considered, results, passed)
    reasons = collections.Counter(results[t.name]["reason"] for t in skipped)
    lines += ["", "## Skipped", "", "| reason | tests |", "| --- | --- |"]
    lines += ["| %s | %d |" % (r, n) for r, n in reasons.most_common()]
    lines += ["", "Cython's runtests.py leaves out the tests in its lists; here they count:", ""]
    for name in CYTHON_LISTS:
        listed = [t for t in considered if name in t.listed]
        lines.append(
            "- `tests/%s`: %d considered tests, %d pass"
            % (name, len(listed), sum(1 for t in listed if results[t.name]["outcome"] == "pass"))
        )
    api = collections.Counter()
    for t in considered:
        for a in set(results[t.name].get("api") or []):
            api[a] += 1
    lines += ["", "## Triage: missing or failing API functions (tests blocked)", ""]
    lines += ["%d. `%s`: %d" % (i + 1, a, n) for i, (a, n) in enumerate(api.most_common())] or [
        "(none)"
    ]
    causes = collections.Counter(
        cause_of(results[t.name]) for t in considered if results[t.name]["outcome"] != "pass"
    )
    lines += ["", "## Failure causes (tests)", ""]
    lines += ["%d. %s: %d" % (i + 1, c, n) for i, (c, n) in enumerate(causes.most_common(40))]
    lines += ["", "## Tests that did not pass", ""]
    for t in considered:
        r = results[t.name]
        if r["outcome"] != "pass":
            note = " [%s]" % ", ".join(t.listed) if t.listed else ""
            lines.append(
                "- `%s` %s%s: %s"
                % (t.name, r["outcome"], note, r.get("first", "").replace("\n", " ")[:300])
            )
    lines += ["", "## Skipped tests", ""]
    lines += ["- `%s`: %s" % (t.name, results[t.name]["reason"]) for t in skipped]
    return "\n".join(lines) + "\n", passed, len(considered) - passed, len(skipped)


# ---------------------------------------------------------------- main


def main(argv):
    ap = argparse.ArgumentParser(description="Run Cython's tests/run on MicroPython.")
    cli.add_run_options(
        ap,
        "regex: run only tests whose name matches",
        "parallel tests",
        60,
        "seconds per test run on MicroPython",
        float,
    )
    ap.add_argument(
        "--resume",
        action="store_true",
        help="keep earlier results of unchanged tests even if the layer, the driver or the "
        "support modules changed",
    )
    ap.add_argument("--fresh", action="store_true", help="rerun every test")
    ap.add_argument("--out", default=None, help="output folder (default build/cython-tests)")
    ap.add_argument(
        "--rev", help="measure the layer of this git revision instead of the working tree"
    )
    ap.add_argument(
        "--must-pass",
        action="store_true",
        help="run the tests in tests/cython/must-pass.txt; fail if any does not pass",
    )
    ap.add_argument(
        "--time-box",
        type=float,
        metavar="SEC",
        help="start no new test after SEC seconds (a fixed spread of tests runs first)",
    )
    ap.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="run a fixed sample: the first N tests of that spread (the same N on every run)",
    )
    ap.add_argument(
        "--update-must-pass",
        action="store_true",
        help="write the passing tests of a full run to tests/cython/must-pass.txt",
    )
    ap.add_argument(
        "--gc-stress",
        action="store_true",
        help="collect before every allocation (gc.threshold(0), 4 MB heap); results go to OUT-gc-stress",
    )
    ap.add_argument(
        "--cpp-only", action="store_true", help="run only the C++ tests (tag cpp, language c++)"
    )
    ap.add_argument("--cythonize", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.cythonize:
        return cythonize_main(args.cythonize)
    GC_STRESS["on"] = args.gc_stress

    out = os.path.abspath(
        args.out or (DEFAULT_OUT + "-must-pass" if args.must_pass else DEFAULT_OUT)
    )
    if args.gc_stress and not args.out:
        out += "-gc-stress"
    os.makedirs(out, exist_ok=True)
    tests = discover(args.only)
    if args.cpp_only:
        tests = [t for t in tests if t.cplus]
    if args.must_pass:
        wanted = {l.strip() for l in open(MUST_PASS) if l.strip() and not l.startswith("#")}
        tests = [t for t in tests if t.name in wanted]
        missing = wanted - {t.name for t in tests}
        if missing:
            raise SystemExit("must-pass.txt names unknown tests: " + ", ".join(sorted(missing)))
        if args.gc_stress:
            # known gc-stress failures (open layer bugs, each with its reason)
            known = {name: why for name, why in read_listed(GC_STRESS_KNOWN, 1)}
            for name in sorted(known):
                log("known gc-stress failure, not run: %s (%s)" % (name, known[name]))
            tests = [t for t in tests if t.name not in known]
    release = micropy_release(micropy_dir())
    for (rel, name), why in read_listed(RELEASE_DIFFERENCES, 2):
        for t in tests:
            if rel == release and t.name == name and not t.skip:
                t.skip = "MicroPython %s itself: %s" % (release, why)
                t.release_difference = True
    full = not args.only and not args.must_pass and not args.cpp_only
    t0 = time.time()
    layer = Layer(DEFAULT_OUT, args.rev)  # snapshots are shared by all output folders
    runner = runner_hash()
    res_file = os.path.join(out, "results.json")
    old = {}
    if os.path.exists(res_file) and not args.fresh and not args.must_pass:
        old = {k: classify(v) for k, v in json.load(open(res_file)).get("tests", {}).items()}
    results = dict(old)
    todo = []
    for t in tests:
        r = old.get(t.name)
        if t.skip:
            results[t.name] = {"outcome": "skip", "reason": t.skip, "hash": t.hash}
        elif (
            r
            and r.get("hash") == t.hash
            and (args.resume or (r.get("layer") == layer.hash and r.get("runner") == runner))
        ):
            pass
        else:
            todo.append(t)
    log(
        "%d tests: %d to run, %d skipped, %d from earlier results (layer %s, %s)"
        % (
            len(tests),
            len(todo),
            sum(1 for t in tests if t.skip),
            len(tests) - len(todo) - sum(1 for t in tests if t.skip),
            layer.hash,
            layer.exe,
        )
    )
    planned = len(todo)
    if args.time_box or args.sample:
        # A spread of features first: a fixed order by name hash.
        todo.sort(key=lambda t: hashlib.sha256(t.name.encode()).hexdigest())
    if args.sample and args.sample < len(todo):
        log(
            "a fixed sample of %d of these %d tests runs (all of them: without --sample)"
            % (args.sample, len(todo))
        )
        sampled = set(t.name for t in todo[args.sample :])
        todo = todo[: args.sample]
        tests = [t for t in tests if t.name not in sampled]
        full = False

    def save():
        tmp = res_file + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"layer": layer.hash, "tests": results}, f, indent=1, sort_keys=True)
        os.replace(tmp, res_file)

    save()
    pending, running, completed = list(todo), {}, set()
    t_tests = time.time()  # the time box counts from here (not the host build)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:

        def submit_more():
            while pending and len(running) < max(1, args.j):
                if args.time_box and time.time() - t_tests > args.time_box:
                    del pending[:]
                    break
                t = pending.pop(0)
                running[pool.submit(run_test, t, layer, out, args.timeout, runner)] = t

        submit_more()
        while running:
            finished, _ = concurrent.futures.wait(
                running, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for fut in finished:
                t = running.pop(fut)
                r = results[t.name] = fut.result()
                completed.add(t.name)
                save()
                info = r.get("reason") or r.get("first", "")
                log(
                    "[%d/%d] %-13s %s (%.1fs)%s"
                    % (
                        len(completed),
                        len(todo),
                        r["outcome"],
                        t.name,
                        r["seconds"],
                        ": " + info[:150] if info else "",
                    )
                )
            submit_more()
    if len(completed) < len(todo):
        log(
            "time box of %.0f s used up: %d of %d tests ran"
            % (args.time_box, len(completed), len(todo))
        )
        tests = [t for t in tests if t.name in completed or t not in todo]
        full = False
    if len(completed) < planned:
        # Coverage never shrinks unseen: how many of the tests due ran.
        log(
            "ran %d of %d tests (%s)"
            % (
                len(completed),
                planned,
                "time box" if args.time_box and len(completed) < len(todo) else "fixed sample",
            )
        )
    elapsed = time.time() - t0
    text, passed, failed, skipped = summarize(tests, results, elapsed, full, completed)
    if full:
        with open(os.path.join(out, "summary.md"), "w") as f:
            f.write(text)
    log(text.split("\n## Tests that did not pass")[0].rstrip())
    if args.update_must_pass:
        if not full:
            raise SystemExit("--update-must-pass needs a full run (no --only)")
        with open(MUST_PASS, "w") as f:
            f.write(
                "# Cython tests/run tests that pass on MicroPython (tests/cython/run.py --update-must-pass)\n"
            )
            f.write("".join(t.name + "\n" for t in tests if results[t.name]["outcome"] == "pass"))
    bad = []
    if args.must_pass:
        # Any listed test that no longer passes (a skip included, but for a
        # difference of the MicroPython release) is a regression.
        bad = [
            t.name
            for t in tests
            if results[t.name]["outcome"] != "pass" and not t.release_difference
        ]
        if bad:
            log("must-pass regressions: " + " ".join(bad))
    # the closing line last (tests/lib/report.py reads it)
    log("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
