# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: MicroPython has no weak references (its garbage collector
# cannot clear them), so every weakref object raises when made.  The module
# exists so that a test that only imports weakref can run its other parts;
# what needs a weak reference fails with this clear error.


def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError("weakref.%s: MicroPython has no weak references" % name)

    return f


for _name in (
    "ref",
    "proxy",
    "getweakrefcount",
    "getweakrefs",
    "WeakValueDictionary",
    "WeakKeyDictionary",
    "WeakSet",
    "WeakMethod",
    "finalize",
):
    globals()[_name] = _unsupported(_name)
del _name
ReferenceType = ref  # noqa: F821 - defined just above
