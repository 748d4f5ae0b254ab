"""Failed C builds as the user sees them: the tail of the compiler's output,
then one line saying why."""
import re
import sys

from .common import die

# Compiler command lines (make V=1) say nothing the error lines do not.
COMMAND_LINES = ("gcc ", "cc ")


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


def fail(output, otherwise, why=explain):
    """Shows the end of a failed build's OUTPUT and exits with why(OUTPUT), or OTHERWISE."""
    lines = [l for l in output.splitlines()[-200:] if not l.startswith(COMMAND_LINES)]
    sys.stderr.write("\n".join(lines)[-6000:] + "\n")
    die(why(output) or otherwise)
