#!/usr/bin/env python3
"""The nlr lint: no C API function of the layer may let an nlr jump escape.

MicroPython raises with nlr (a longjmp); the C code of Cython's and
hand-written modules has no nlr frame, so a jump through it would skip its
cleanup (docs/design.md, "Error boundaries"). Every function such code can
call must catch MicroPython's raises with MPCY_TRY or MPCY_CATCH
(runtime/mpcy_nlr.h) and return the CPython way. This script checks that.

How:
  * The layer and MicroPython's core are compiled as `./mpcython embed`
    builds them (MicroPython's embed port package, runtime/mpconfigport_embed.h,
    every runtime/*.c), at -O0 so that no call is inlined away, with gcc's
    -fcallgraph-info: one call graph per file, each call with its source
    location (for a call inside a macro, the place the outermost macro is
    used). Each file's graph is cached in build/lint/nlr-*/obj by the
    content of the file and the headers it includes (build()).
  * A function may raise if it is nlr_jump, or calls a function that may
    raise, calls through a function pointer (anything may be behind it),
    or calls a function that is declared in MicroPython's headers but
    defined nowhere in the analysed code. C library functions never raise.
    MicroPython functions that catch internally are not trusted (their nlr
    frames are not seen), except the few listed in runtime/mpcy_mpprivate.h
    after "nlr-lint: never raises:", each with why.
  * In the layer's own code a call is protected if it is made at the
    location of an MPCY_TRY or MPCY_CATCH (calls inside the macro's statement
    get that location): it does not make its caller raise. A call marked
    with MPCY_NO_RAISE(...) (runtime/mpcy_nlr.h: a call that cannot raise
    with these arguments, each use says why) does not either.
  * Checked functions: every function declared in include/ (the C API as
    extension code sees it; include/mpcy_glue.h, the MicroPython-side entry
    point of the generated glue, is not), and the static CPython slots the
    layer hands to C code (named mpcy_slot_*). Each that may raise is a
    FAIL, with the unprotected call and the chain of calls down to nlr_jump.
  * Also checked: the self-test (tests/lint/nlr_selftest.c: functions that
    raise must be found, functions that do not must not); that the
    MicroPython functions include/'s macros expand to do not raise; that
    every API function the layer defines is declared in include/; that
    nlr_push appears only in MPCY_TRY and MPCY_CATCH, that no frame's
    statement leaves its frame early (a return there skips nlr_pop) and
    every MPCY_TRY fails with a constant (what makes -Wclobbered a false
    alarm there, runtime/mpcy_nlr.h); that
    each MPCY_NO_RAISE marks one call; and that the error indicator
    (MPCY_ERR) is written only in runtime/errors.c.

Not seen: code compiled only on other configurations than the embed port's
(the GIL and C-thread functions of runtime/pystate.c under MICROPY_PY_THREAD,
runtime/dynload.c, which holds no API function).

Prints PASS/FAIL lines and `N passed, N failed`; exits 1 on a failure.
-v also lists each checked function.
"""

import concurrent.futures
import glob
import os
import re
import subprocess
import sys

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path[:0] = [_ROOT, os.path.join(_ROOT, "tests")]
from driver import embed, layer  # noqa: E402
from lib import cache  # noqa: E402
from driver.common import ROOT, digest, micropy_dir  # noqa: E402

RUNTIME, INCLUDE = layer.RUNTIME, layer.INCLUDE
SELFTEST = os.path.join(ROOT, "tests", "lint", "nlr_selftest.c")
GLUE_HEADER = os.path.join(INCLUDE, "mpcy_glue.h")
PRIVATE_HEADER = os.path.join(RUNTIME, "mpcy_mpprivate.h")
SINK = "nlr_jump"
INDIRECT = "__indirect_call"

passed = failed = 0
VERBOSE = "-v" in sys.argv[1:]


def result(ok, text, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
    print("%s %s" % ("PASS" if ok else "FAIL", text), flush=True)
    if detail and (not ok or VERBOSE):
        print("  " + detail.replace("\n", "\n  "), flush=True)


def layer_code():
    """The layer's C files and headers."""
    return [f for f in layer.files() if f.endswith((".c", ".h"))]


def build():
    """Compile MicroPython's embed package and the layer with call graphs;
    the folder holding the .ci and .aux files (one pair per source).

    The folder is kept between runs and each file's call graph is cached by
    content (tests/lib/cache.py): it is compiled again only when the file,
    a header it includes or the flags changed, so that after an edit of one
    runtime/*.c only that file is compiled (unless the edit changes the
    layer's qstrs or root pointers: the package's generated headers, which
    every file includes, change then)."""
    out = os.path.join(
        ROOT,
        "build",
        "lint",
        "nlr-" + digest([os.path.join(ROOT, "driver", "embed.py")], micropy_dir()),
    )
    obj = os.path.join(out, "obj")
    os.makedirs(obj, exist_ok=True)
    print(
        "nlr lint: MicroPython's embed package with the layer (%s)" % os.path.relpath(out, ROOT),
        flush=True,
    )
    # The configuration, package and layer of an `./mpcython embed` program
    # (the package's make remakes its generated headers when the layer changed).
    sources = embed.package(out) + layer.sources() + [SELFTEST]
    includes = embed.include_flags(out)
    flags = ["-std=gnu99", "-O0", "-fcallgraph-info", "-w"] + includes
    key = cache.compile_key("gcc", flags)

    def stem(src):
        return os.path.relpath(src, out if under(src, out) else ROOT)[:-2].replace(os.sep, "_")

    bases = [os.path.join(obj, stem(s)) for s in sources]
    # results of files that are no longer compiled would still be read
    wanted = {os.path.basename(b) for b in bases}
    for f in os.listdir(obj):
        if f.rsplit(".", 1)[0] not in wanted:
            os.unlink(os.path.join(obj, f))
    todo = [
        (s, b)
        for s, b in zip(sources, bases)
        if not (os.path.exists(b + ".ci") and cache.compile_fresh(b, key))
    ]

    def compile_one(src_base):
        src, base = src_base
        cmd = ["gcc"] + flags + ["-aux-info", base + ".aux", "-MD", "-MF", base + ".d"]
        cmd += ["-c", src, "-o", base + ".o"]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode == 0:
            cache.compile_done(base, key)
        return src, p.returncode, p.stdout

    print(
        "nlr lint: compiling %d of %d files with -fcallgraph-info (the others unchanged)"
        % (len(todo), len(sources)),
        flush=True,
    )
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        for src, rc, text in ex.map(compile_one, todo):
            if rc != 0:
                sys.stdout.write(text[-6000:])
                raise SystemExit("nlr lint: compiling %s failed" % src)
    return out


# ---- the call graph ---------------------------------------------------------------
NODE = re.compile(
    r'^node: \{ title: "([^"]*)" label: "([^"\\]*)\\n([^"]*)"( shape : ellipse)? \}$'
)
EDGE = re.compile(r'^edge: \{ sourcename: "([^"]*)" targetname: "([^"]*)" label: "([^"]*)" \}$')


def location(text):
    """'file:line:col' as (file, line, col)."""
    path, line, col = text.rsplit(":", 2)
    return os.path.normpath(path), int(line), int(col)


class Graph:
    def __init__(self):
        self.defined = {}  # title -> (name, (file, line, col)) of a definition
        self.declared = {}  # title -> (name, location) of a declaration only
        self.calls = {}  # title -> [(callee title, (file, line, col))]

    def read(self, path):
        for line in open(path):
            line = line.rstrip("\n")
            m = NODE.match(line)
            if m:
                title, name, loc, ellipse = m.groups()
                if ellipse:
                    self.declared.setdefault(title, (name, loc))
                else:
                    self.defined[title] = (name, location(loc))
                continue
            m = EDGE.match(line)
            if m:
                src, dst, loc = m.groups()
                self.calls.setdefault(src, []).append((dst, location(loc)))


def is_system(loc):
    """A declaration of the C library or the compiler."""
    return loc.startswith(("/usr/", "<built-in>")) or "/gcc/" in loc


def under(path, folder):
    return os.path.normpath(path).startswith(folder + os.sep)


# ---- protected locations and markers in the layer's source ---------------------------
# MPCY_TRY's failure values: nothing, a number, NULL, an enum constant, a cast number.
CONSTANT = re.compile(r"^\s*(|NULL|PYGEN_ERROR|-?\d+(\.\d+)?|\(\w+( \w+)*\)\s*-?\d+)\s*$")
TOKEN = re.compile(r"\b(MPCY_TRY|MPCY_CATCH|MPCY_NO_RAISE)\s*\(")


def code_lines(path, defines=False):
    """(line number, text) of each line, with comments and string literals
    blanked (columns kept) and, unless `defines`, #define lines left out."""
    text = open(path).read()
    out = []
    i, n = 0, len(text)
    buf = []
    in_block = False
    while i < n:
        c = text[i]
        if in_block:
            if text.startswith("*/", i):
                buf.append("  ")
                i += 2
                in_block = False
            else:
                buf.append("\n" if c == "\n" else " ")
                i += 1
            continue
        if text.startswith("/*", i):
            in_block = True
            buf.append("  ")
            i += 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            buf.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            buf.append(c + " " * (j - i - 1) + c)
            i = j + 1
        else:
            buf.append(c)
            i += 1
    lines = "".join(buf).split("\n")
    in_define = False
    for no, line in enumerate(lines, 1):
        starts = line.lstrip().startswith("#")
        if defines or (not in_define and not starts):
            out.append((no, line))
        in_define = (starts or in_define) and line.rstrip().endswith("\\")
    return out


def markers(paths):
    """{(file, line, col): token} for the frames and NO_RAISE marks."""
    found = {}
    for path in paths:
        for no, line in code_lines(path):
            for m in TOKEN.finditer(line):
                found[(os.path.normpath(path), no, m.start() + 1)] = m.group(1)
    return found


def frame_exits(lines):
    """Lines where the statement of an MPCY_TRY or MPCY_CATCH leaves the
    frame without its nlr_pop: a return or goto, or a break or continue
    that is not inside a loop or switch of its own."""
    text = "\n".join(l for _, l in lines)
    numbers = [no for no, _ in lines]
    out = []
    for m in re.finditer(r"\b(MPCY_TRY|MPCY_CATCH)\s*\(", text):
        depth, i = 0, m.end() - 1
        while i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        body = text[m.end() : i]
        inner = re.search(r"\b(for|while|do|switch)\b", body)
        for k in re.finditer(r"\b(return|goto|break|continue)\b", body):
            if k.group(1) in ("break", "continue") and inner and inner.start() < k.start():
                continue
            out.append(numbers[text.count("\n", 0, m.end() + k.start())])
    return out


def never_raising():
    """MicroPython functions the layer takes as never raising (from
    mpcy_mpprivate.h: '// nlr-lint: never raises: name, name ...')."""
    names = set()
    for line in open(PRIVATE_HEADER):
        m = re.search(r"nlr-lint: never raises: (.*)$", line)
        if m:
            names.update(n.strip() for n in m.group(1).split(",") if n.strip())
    return names


# ---- the analysis ----------------------------------------------------------------------
def analyse(graph, marks, trusted):
    layer_files = (RUNTIME, INCLUDE)

    def in_layer(title):
        d = graph.defined.get(title)
        return d is not None and (
            any(under(d[1][0], f) for f in layer_files) or d[1][0] == SELFTEST
        )

    def effective_calls(title):
        """The calls of `title` that count: not protected by a frame, not marked."""
        layer = in_layer(title)
        for callee, loc in graph.calls.get(title, []):
            if layer and loc in marks:
                kind = marks[loc]
                if kind in ("MPCY_TRY", "MPCY_CATCH", "MPCY_NO_RAISE"):
                    continue
            yield callee, loc

    def callee_raises(callee):
        if callee in (INDIRECT, SINK):
            return True
        if callee in graph.defined:
            return callee in why
        decl = graph.declared.get(callee)
        # declared in MicroPython's headers but defined nowhere here: unknown
        return decl is None or not is_system(decl[1])

    # why[f] = (callee, location) of the call that makes f raise, the one
    # with the shortest chain down to a raise (for the report); dist[f] its length
    why = {SINK: None}
    dist = {SINK: 0}
    changed = True
    while changed:
        changed = False
        for title in graph.defined:
            if graph.defined[title][0] in trusted:
                continue
            for callee, loc in effective_calls(title):
                if not callee_raises(callee):
                    continue
                d = dist.get(callee, 0) + 1
                if d < dist.get(title, 1 << 30):
                    dist[title] = d
                    why[title] = (callee, loc)
                    changed = True
    return why


def chain(why, title, graph):
    out = []
    seen = set()
    while title in why and why[title] is not None and title not in seen:
        seen.add(title)
        callee, loc = why[title]
        name = (
            graph.defined.get(callee, (callee,))[0] if callee != INDIRECT else "a function pointer"
        )
        where = "%s:%d" % (os.path.relpath(loc[0], ROOT), loc[1]) if loc else ""
        out.append(
            "%s calls %s%s"
            % (graph.defined.get(title, (title,))[0], name, (" at " + where) if where else "")
        )
        title = callee
    return "\n".join(out)


def api_declarations(aux_files):
    """Names of the functions declared in include/ (but include/mpcy_glue.h):
    with a prototype, or through a function typedef (`extern T name;`)."""
    names = set()
    decl = re.compile(r"^/\* (.*):(\d+):N[CF] \*/ .*?(\w+)(?: \(|;$)")
    for path in aux_files:
        for line in open(path, errors="replace"):
            m = decl.match(line)
            if m and under(m.group(1), INCLUDE) and os.path.normpath(m.group(1)) != GLUE_HEADER:
                names.add(m.group(3))
    return names


def source_checks():
    """nlr_push only in the two frame macros; no early exit from a frame;
    MPCY_ERR written only in errors.c."""
    raw = []
    writes = []
    leaves = []
    variable = []
    for path in layer_code():
        rel = os.path.relpath(path, ROOT)
        leaves += ["%s:%d" % (rel, no) for no in frame_exits(code_lines(path))]
        for no, line in code_lines(path):
            for m in re.finditer(r"\bMPCY_TRY\s*\(([^,]*),", line):
                if not CONSTANT.match(m.group(1)):
                    variable.append("%s:%d" % (rel, no))
        for no, line in code_lines(path):
            if re.search(r"\bnlr_push\s*\(", line):
                raw.append("%s:%d" % (rel, no))
            if re.search(r"\bMPCY_ERR\s*=[^=]", line) and os.path.basename(path) != "errors.c":
                writes.append("%s:%d" % (rel, no))
    for found, ok, wrong in (
        (
            raw,
            "nlr frames: nlr_push is used only by MPCY_TRY and MPCY_CATCH (runtime/mpcy_nlr.h)",
            "nlr_push outside MPCY_TRY and MPCY_CATCH",
        ),
        (
            leaves,
            "no MPCY_TRY or MPCY_CATCH statement leaves its frame early (return, goto, break, continue)",
            "leaves its frame (nlr_pop skipped) at",
        ),
        (
            variable,
            "every MPCY_TRY fails with a constant (its failure path reads no local: -Wclobbered, runtime/mpcy_nlr.h)",
            "not a constant at",
        ),
        (
            writes,
            "the error indicator (MPCY_ERR) is written only in runtime/errors.c",
            "written at",
        ),
    ):
        result(not found, ok, wrong + ": " + ", ".join(found))


def main():
    out = build()
    graph = Graph()
    for ci in sorted(glob.glob(os.path.join(out, "obj", "*.ci"))):
        graph.read(ci)
    marks = markers(layer_code() + [SELFTEST])
    trusted = never_raising()
    why = analyse(graph, marks, trusted)

    # Each MPCY_NO_RAISE covers exactly one call (so it excuses no other).
    counts = {}
    for title in graph.defined:
        for callee, loc in graph.calls.get(title, []):
            if marks.get(loc) == "MPCY_NO_RAISE":
                # a static function of a header is compiled in many files: count callees
                counts.setdefault(loc, set()).add(callee.rsplit(":", 1)[-1])
    loose = [
        "%s:%d" % (os.path.relpath(l[0], ROOT), l[1])
        for l, k in marks.items()
        if k == "MPCY_NO_RAISE" and len(counts.get(l, ())) != 1
    ]
    result(
        not loose,
        "each MPCY_NO_RAISE marks exactly one call (%d marks)"
        % sum(1 for k in marks.values() if k == "MPCY_NO_RAISE"),
        "not one call at: " + ", ".join(sorted(loose)),
    )

    # Sanity: the analysis sees MicroPython raise where it obviously does.
    for name in ("mp_raise_msg", "m_malloc", "mp_call_function_n_kw"):
        result(name in why, "the analysis finds that MicroPython's %s raises" % name)

    # The self-test.
    selftest = {
        t: d for t, d in graph.defined.items() if d[1][0] == SELFTEST and d[0].startswith("PyLint")
    }
    wrong = [d[0] for t, d in selftest.items() if (t in why) != d[0].startswith("PyLintRaises_")]
    result(
        len(selftest) >= 6 and not wrong,
        "self-test: the %d functions of tests/lint/nlr_selftest.c are judged right"
        % len(selftest),
        "judged wrong: " + ", ".join(sorted(wrong)),
    )

    source_checks()

    # The macros and inline functions of include/ expand into extension code:
    # the MicroPython functions they call must not raise either.
    called = set()
    for path in sorted(glob.glob(os.path.join(INCLUDE, "*.h"))):
        for _, line in code_lines(path, defines=True):
            called.update(re.findall(r"\b(mp_\w+)\s*\(", line))
    # (those not in the graph are macros of MicroPython's headers, expanded there)
    raising = sorted(n for n in called if n in graph.defined and n in why)
    result(
        not raising,
        "the MicroPython functions that include/'s macros and inline functions call raise nothing (%d)"
        % sum(1 for n in called if n in graph.defined),
        "may raise: " + ", ".join(raising),
    )

    api = api_declarations(glob.glob(os.path.join(out, "obj", "*.aux")))
    # Every Py* function the layer defines is declared in include/.
    undeclared = sorted(
        d[0]
        for t, d in graph.defined.items()
        if under(d[1][0], RUNTIME)
        and re.match(r"_?Py[A-Z]", d[0])
        and d[0] not in api
        and ":" not in t
    )
    result(
        not undeclared,
        "every C API function the layer defines is declared in include/",
        "not declared: " + ", ".join(undeclared),
    )

    # The checked functions, by the file that defines them.
    by_file = {}
    for title, (name, loc) in graph.defined.items():
        if loc[0] == SELFTEST:
            continue
        if (name in api and ":" not in title) or (
            name.startswith("mpcy_slot_") and under(loc[0], RUNTIME)
        ):
            by_file.setdefault(loc[0], []).append((name, title, loc))
    for path in sorted(by_file):
        rel = os.path.relpath(path, ROOT)
        bad = []
        for name, title, loc in sorted(by_file[path], key=lambda x: x[2][1]):
            if title in why:
                bad.append(name)
                result(
                    False,
                    "%s: %s may let an nlr jump escape" % (rel, name),
                    chain(why, title, graph),
                )
            elif VERBOSE:
                print("  ok %s" % name)
        if not bad:
            result(
                True,
                "%s: %d functions C code can call, none lets an nlr jump escape"
                % (rel, len(by_file[path])),
            )

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
