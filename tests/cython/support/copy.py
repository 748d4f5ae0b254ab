# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: CPython's copy.copy/deepcopy in pure Python, because MicroPython
# has no copy module.  Covered as CPython does: immutable atoms (returned
# as is), list/dict/set/bytearray (and tuple/frozenset deeply), __copy__ and
# __deepcopy__, exceptions (rebuilt from their args, as BaseException.__reduce__
# does) and instances with a __dict__ (a new instance without __init__, the
# state copied).  CPython reaches the last two through __reduce_ex__, which
# MicroPython lacks; anything else raises TypeError as an unpicklable object
# does in CPython (generators, coroutines, modules, ...).


class Error(Exception):
    pass


error = Error

_NoneType = type(None)
# Returned as they are by both copy and deepcopy (CPython's _copy_immutable).
_ATOMIC = {
    _NoneType,
    int,
    float,
    bool,
    complex,
    str,
    bytes,
    type,
    range,
    type(Ellipsis),
    type(NotImplemented),
    type(len),
    type(lambda: 0),
    property,
}
# Functions of all kinds (MicroPython has several function types).
_FUNCTION_TYPES = (
    "function",
    "closure",
    "builtin_function_or_method",
    "cython_function_or_method",
    "fused_cython_function",
    "method_descriptor",
    "wrapper_descriptor",
)
_NATIVE_BASES = (list, dict, set, frozenset, tuple, bytearray, str, bytes, int, float)


def _atomic(cls):
    return cls in _ATOMIC or cls.__name__ in _FUNCTION_TYPES or issubclass(cls, type)


def _new_instance(x):
    # object.__new__(cls) without __init__, as copyreg.__newobj__ does.
    cls = type(x)
    if isinstance(x, _NATIVE_BASES):
        raise TypeError(
            "copy: a %s subclass instance cannot be made without __init__ on MicroPython"
            % cls.__name__
        )
    return object.__new__(cls)


def _instance_state(x):
    if type(x).__name__ == "module":
        raise TypeError("cannot pickle 'module' object")
    try:
        state = x.__dict__
    except AttributeError:
        raise TypeError("cannot pickle '%s' object" % type(x).__name__) from None
    return state


def _set_state(y, state):
    # CPython: y.__setstate__(state), else y.__dict__.update(state); a MicroPython
    # instance __dict__ is read-only, so attribute by attribute.
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    for key, value in state.items():
        setattr(y, key, value)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _atomic(cls) or cls is tuple or cls is frozenset:
        return x
    if cls in (list, dict, set, bytearray):
        return cls(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if isinstance(x, BaseException):
        y = cls(*x.args)
        state = getattr(x, "__dict__", None)
    else:
        state = _instance_state(x)
        y = _new_instance(x)
    if state:
        _set_state(y, state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _atomic(cls):
        return x
    if cls is list:
        y = memo[d] = []
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # The tuple itself if nothing in it changed (or it was copied meanwhile).
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = memo[d] = {}
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        elif isinstance(x, BaseException):
            y = cls(*deepcopy(x.args, memo))
            memo[d] = y
            state = getattr(x, "__dict__", None)
            if state:
                _set_state(y, deepcopy(state, memo))
        else:
            state = _instance_state(x)
            y = memo[d] = _new_instance(x)
            if state:
                _set_state(y, deepcopy(state, memo))
    if y is not x:
        memo[d] = y
        # Keep x alive while the memo lives, so that its id stays unique.
        memo.setdefault(id(memo), []).append(x)
    return y
