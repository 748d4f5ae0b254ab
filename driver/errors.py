"""Failed C builds as the user sees them: the first compiler or linker errors
(file:line, the source line and its caret), then one line saying why."""
import re
import sys

from .common import die

# How many errors to show: the first ones are the cause, the rest follow from them.
SHOWN = 3
# gcc's error (`file:line:col: error: text`), the lines it prints before one
# (`In file included from`, `In function`) and after one (the source line, the caret,
# notes); the linker's errors.
NOTE = re.compile(r"^(\S.*?):(\d+)(?::\d+)?: note: ")
ERROR = re.compile(r"^(\S.*?):(\d+)(?::\d+)?: (fatal error|error): ")
CONTEXT_BEFORE = re.compile(r"^(In file included from |\s+from |\S.*: In (function|member) )")
SOURCE_LINE = re.compile(r"^\s*\d*\s*\|")
LINK_ERROR = re.compile(
    r"(undefined reference to|multiple definition of|cannot find -l|ld: .*error|"
    r"ld returned \d+ exit status)"
)


def missing_names(output):
    """Functions the C compiler or the linker did not find."""
    return sorted(
        set(
            re.findall(r"implicit declaration of function [‘'`](\w+)", output)
            + re.findall(r"undefined reference to [‘'`](\w+)", output)
        )
    )


def explain(output):
    """Why a build of the layer and generated C failed, in one line, or None."""
    api = [m for m in missing_names(output) if m.startswith(("Py", "_Py"))]
    if api:
        return "the generated C uses CPython API the layer does not provide: " + ", ".join(api)
    return None


def first_errors(output, shown=SHOWN):
    """The first SHOWN compiler errors of OUTPUT, each with the lines gcc
    prints around it, or else the first linker errors; '' if there are none."""
    lines = output.splitlines()
    blocks = []
    i = 0
    while i < len(lines) and len(blocks) < shown:
        if not ERROR.match(lines[i]):
            i += 1
            continue
        start = i
        while start > 0 and CONTEXT_BEFORE.match(lines[start - 1]):
            start -= 1
        end = i + 1
        while end < len(lines) and (SOURCE_LINE.match(lines[end]) or NOTE.match(lines[end])):
            end += 1
        blocks.append("\n".join(lines[start:end]))
        i = end
    if blocks:
        return "\n".join(blocks)
    link = [l for l in lines if LINK_ERROR.search(l)]
    return "\n".join(link[: shown * 2])


def fail(output, otherwise, why=explain):
    """Shows the first errors of a failed build's OUTPUT (or, when none is
    recognised, its end) and exits with why(OUTPUT), or OTHERWISE."""
    shown = first_errors(output)
    if not shown:
        lines = [l for l in output.splitlines()[-200:] if not l.startswith(("gcc ", "cc "))]
        shown = "\n".join(lines)[-6000:]
    sys.stderr.write(shown + "\n")
    die(why(output) or otherwise)
