"""What the layer's names reach in a natmod runtime: the bytes of the
sections each name keeps through relocations (-ffunction-sections), as
the shared runtime's --gc-sections link keeps them (docs/embedded.md, "A
runtime for a set of modules"). Fix functions (which the link adds for the
constant objects it keeps) are not followed: a type's slots count only
where a name reaches them directly.

    python3 tools/natmod_reach.py [--arch armv7m] [--top N] [NAME ...]

prints the size of each runtime object (allocated sections), then for each
NAME (default: every global function of the runtime, the N largest) the
bytes it reaches, and the bytes all of them reach together.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from driver import natmod  # noqa: E402


def section_sizes(tc, objs):
    """{(object, section): size} of OBJS's allocated sections."""
    out = {}
    for o in objs:
        for m in re.finditer(
            r"\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+(\S*)",
            natmod.sh([tc.readelf, "-SW", o]),
        ):
            if "A" in m.group(3):
                out[(o, m.group(1))] = int(m.group(2), 16)
    return out


def main():
    ap = argparse.ArgumentParser(prog="python3 tools/natmod_reach.py")
    ap.add_argument("--arch", default="armv7m", choices=sorted(natmod.ARCHES))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    tc = natmod.Toolchain(a.arch)
    _, objs, _ = natmod.runtime_build(tc, natmod.RUNTIME)
    sizes = section_sizes(tc, objs)
    sec_of, refs = natmod.section_refs(tc, objs)

    def reach(names):
        seen, todo = set(), [sec_of[(None, n)] for n in names if (None, n) in sec_of]
        while todo:
            s = todo.pop()
            if s in seen or s not in sizes:
                continue
            seen.add(s)
            todo.extend(refs.get(s, ()))
        return sum(sizes[s] for s in seen)

    per_obj = {}
    for (o, _), n in sizes.items():
        per_obj[o] = per_obj.get(o, 0) + n
    total = sum(sizes.values())
    print("%d bytes in %d objects (allocated sections), the largest:" % (total, len(objs)))
    for o, n in sorted(per_obj.items(), key=lambda x: -x[1])[: a.top]:
        print("%8d  %s" % (n, os.path.basename(o)))
    names = a.names or sorted(natmod.global_symbols(tc, objs, "[TW]"))
    rows = sorted(((reach([n]), n) for n in names), reverse=True)
    print("\nbytes reached, by name:")
    for n, name in rows[: a.top] if not a.names else rows:
        print("%8d  %s" % (n, name))
    print("%8d  together" % reach(names))


if __name__ == "__main__":
    main()
