"""Control files that say, test by test, how a known difference from the
CPython reference is handled: tests/qemu/TARGET* (the boards) and
tests/behaviour/SMALL (the size profile, mpcython --small). One rule a line:

    NAME  skip    REASON           cannot run: reported SKIP with the reason
    NAME  line [K] 'CPY' => 'NEW'  the reference line CPY (a Python string literal,
                                   the whole line) reads NEW. CPY must occur exactly
                                   once, or give K: its K-th occurrence (of at least
                                   K). A rule that no longer matches fails (stale)
    NAME  stderr  'LINE'           (boards) a line CPython prints to stderr is in stdout
    NAME  expect                   (boards) the whole output is a reviewed file
    NAME  heap    BYTES REASON     (boards) the test needs a GC heap of BYTES
    NAME  error   'TEXT'           the run fails at once (the module cannot be imported, its
                                   first line raises): it prints nothing, exits 1 and has
                                   TEXT in its stderr

Each runner says which kinds it reads; its docstring says what they do there.
"""
import ast
import os
import re

from . import rel

LINE_RULE = re.compile(
    r"""^(?:(\d+)\s+)?('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*=>\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")$"""
)

BOARD_KINDS = ("skip", "line", "stderr", "expect", "heap")


def read(paths, kinds):
    """{name: {"skip": reason, "lines": [(k, cpython, new)], "expect": bool,
    "stderr": [line], "heap": (bytes, reason), "error": text}} of the files
    PATHS; a rule of another kind than KINDS, or one that cannot be read,
    stops the run."""
    rules = {}
    for path in paths:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2) + ["", ""]
            name, kind, rest = parts[:3]
            r = rules.setdefault(
                name,
                {
                    "skip": None,
                    "lines": [],
                    "expect": False,
                    "stderr": [],
                    "heap": None,
                    "error": None,
                },
            )
            m = LINE_RULE.match(rest)
            if kind not in kinds:
                pass  # not read by this runner: an error below
            elif kind == "skip" and rest:
                r["skip"] = rest
                continue
            elif kind == "line" and m:
                r["lines"].append(
                    (
                        int(m.group(1) or 0),
                        ast.literal_eval(m.group(2)),
                        ast.literal_eval(m.group(3)),
                    )
                )
                continue
            elif kind == "stderr" and re.match(r"""^('.*'|".*")$""", rest):
                r["stderr"].append(ast.literal_eval(rest))
                continue
            elif kind == "expect" and not rest:
                r["expect"] = True
                continue
            elif kind == "heap" and re.match(r"^\d+\s+\S", rest):
                need, why = rest.split(None, 1)
                r["heap"] = (int(need), why)
                continue
            elif kind == "error" and re.match(r"""^('.+'|".+")$""", rest):
                r["error"] = ast.literal_eval(rest)
                continue
            raise SystemExit("%s:%d: cannot read this rule: %s" % (rel(path), n, line))
    return rules


def check_names(rules, tests_dir, what):
    """Stops the run when a rule names no test (a .pyx in TESTS_DIR)."""
    for name in rules:
        if not os.path.exists(os.path.join(tests_dir, name + ".pyx")):
            raise SystemExit("%s name %s, which is no test" % (what, name))


def apply_lines(out, lines, what):
    """OUT (the reference's stdout) with the `line` rules LINES applied:
    (new stdout, None), or (None, why) for a stale rule (in the file WHAT)."""
    orig = out.split("\n")
    new = list(orig)
    for k, cpy, repl in lines:
        hits = [i for i, l in enumerate(orig) if l == cpy]  # rules match the reference itself
        if (k == 0 and len(hits) != 1) or (k > 0 and len(hits) < k):
            return None, (
                "stale rule in %s: the reference has %d line(s) %r (the rule expects %s)"
                % (what, len(hits), cpy, "one" if k == 0 else "at least %d" % k)
            )
        new[hits[max(k, 1) - 1]] = repl
    return "\n".join(new), None
