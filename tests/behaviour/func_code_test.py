# __code__ of Cython functions (binding=True, the default): what CodeType(...)
# was given is shown back, and tracebacks still name the function.
import func_code as m

ATTRS = (
    "co_name",
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_varnames",
    "co_consts",
    "co_names",
    "co_firstlineno",
)

for f in (m.plain, m.shapes, m.gen, m.outer, m.outer(1), m.typed, m.C.method, m.lam):
    c = f.__code__
    print([getattr(c, a) for a in ATTRS])
    # the flags Cython sets (CO_OPTIMIZED ... CO_VARKEYWORDS, CO_GENERATOR)
    print(c.co_flags & 0x2F)
    print(type(c.co_code).__name__, len(c.co_code) % 2, c.co_filename.endswith("func_code.pyx"))
    print(c.co_code == bytes(len(c.co_code)))

print("writable function attributes (functools.wraps sets them)")
for f in (m.outer(2), m.plain):
    for a, v in (
        ("__module__", "mod"),
        ("__name__", "nm"),
        ("__qualname__", "q"),
        ("__doc__", "d"),
        ("extra", 1),
    ):
        setattr(f, a, v)
        print(a, getattr(f, a))
    print(sorted(f.__dict__.items()))
