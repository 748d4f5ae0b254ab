# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: MicroPython has no pickle module.  CPython's pickling protocol
# in pure Python, for what Cython's tests pickle: atoms, containers (shared
# and recursive ones too), functions and classes by reference (module and
# qualified name, checked to be the same object), and every other object
# through __reduce_ex__ / __reduce__ (Cython's generated __reduce_cython__,
# __setstate__, copyreg-style reconstruction of plain instances, exceptions
# as BaseException.__reduce__ does).  The byte format is this module's own
# (the repr of a tree of literals), not CPython's opcodes: dumps/loads round
# trip within one interpreter, which is what the tests check.
import struct
import sys

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


_ATOMS = (type(None), bool, int, str, bytes)
_FunctionTypes = (type(len), type(lambda: 0))


def _whichmodule(obj, name):
    # CPython's: __module__, else the loaded module that has it
    mod = getattr(obj, "__module__", None)
    if mod is not None:
        return mod
    for mod, m in list(sys.modules.items()):
        try:
            if _getattribute(m, name) is obj:
                return mod
        except AttributeError:
            pass
    return "__main__"


def _getattribute(obj, dotted):
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _import(module):
    __import__(module)
    return sys.modules[module]


class _Pickler:
    def __init__(self, protocol):
        self.proto = DEFAULT_PROTOCOL if protocol is None else protocol
        if self.proto < 0:
            self.proto = HIGHEST_PROTOCOL
        if self.proto > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        self.memo = {}

    def save(self, obj):
        t = type(obj)
        if t in _ATOMS:
            return ("a", obj)
        if t is float:
            return ("f", struct.pack("<d", obj))
        if id(obj) in self.memo:
            return ("m", self.memo[id(obj)][0])
        if t is tuple:
            return ("t", [self.save(x) for x in obj])
        n = len(self.memo)
        # kept alive so that its id() is not reused while pickling
        self.memo[id(obj)] = (n, obj)
        if t is list:
            return ("l", n, [self.save(x) for x in obj])
        if t is dict:
            return ("d", n, [(self.save(k), self.save(v)) for k, v in obj.items()])
        if t in (set, frozenset, bytearray):
            return ("c", n, t.__name__, [self.save(x) for x in obj])
        if isinstance(obj, type) or isinstance(obj, _FunctionTypes) or _is_cyfunction(obj):
            return self.save_global(obj, n)
        return self.save_reduce(obj, n)

    def save_global(self, obj, n, name=None):
        if name is None:
            name = getattr(obj, "__qualname__", None) or obj.__name__
        module = _whichmodule(obj, name)
        try:
            found = _getattribute(_import(module), name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError("Can't pickle %r: it's not found as %s.%s" % (obj, module, name))
        if found is not obj:
            raise PicklingError(
                "Can't pickle %r: it's not the same object as %s.%s" % (obj, module, name)
            )
        return ("g", n, module, name)

    def save_reduce(self, obj, n):
        reduce = getattr(obj, "__reduce_ex__", None)
        rv = reduce(self.proto) if reduce is not None else None
        if rv is None:
            reduce = getattr(obj, "__reduce__", None)
            rv = reduce() if reduce is not None else _reduce_object(obj)
        if isinstance(rv, str):
            return self.save_global(obj, n, rv)
        if not isinstance(rv, tuple) or not 2 <= len(rv) <= 6:
            raise PicklingError("__reduce__ must return a string or a tuple of 2 to 6 items")
        rv = rv + (None,) * (6 - len(rv))
        func, args, state, listitems, dictitems = rv[:5]
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        return (
            "r",
            n,
            self.save(func),
            self.save(args),
            self.save(state),
            None if listitems is None else [self.save(x) for x in listitems],
            None if dictitems is None else [(self.save(k), self.save(v)) for k, v in dictitems],
        )


def _is_cyfunction(obj):
    return type(obj).__name__ in ("cython_function_or_method", "fused_cython_function")


def _reduce_object(obj):
    # object.__reduce_ex__ for what MicroPython's objects lack it: exceptions
    # as BaseException.__reduce__, instances of Python classes as copyreg's
    # reconstruction (a new instance, its __dict__ or __getstate__() set)
    cls = type(obj)
    state = (
        obj.__getstate__()
        if hasattr(obj, "__getstate__")
        else getattr(obj, "__dict__", None) or None
    )
    if isinstance(obj, BaseException):
        return cls, tuple(obj.args), state
    if not hasattr(obj, "__dict__"):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    return _newobj, (cls,), state


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return repr(_Pickler(protocol).save(obj)).encode()


def dump(obj, file, protocol=None, **kw):
    file.write(dumps(obj, protocol, **kw))


class _Unpickler:
    def __init__(self):
        self.memo = {}

    def load(self, node):
        tag = node[0]
        if tag == "a":
            return node[1]
        if tag == "f":
            return struct.unpack("<d", node[1])[0]
        if tag == "m":
            return self.memo[node[1]]
        if tag == "t":
            return tuple(self.load(x) for x in node[1])
        if tag == "l":
            obj = self.memo[node[1]] = []
            obj.extend(self.load(x) for x in node[2])
            return obj
        if tag == "d":
            obj = self.memo[node[1]] = {}
            for k, v in node[2]:
                obj[self.load(k)] = self.load(v)
            return obj
        if tag == "c":
            obj = self.memo[node[1]] = {
                "set": set,
                "frozenset": frozenset,
                "bytearray": bytearray,
            }[node[2]](self.load(x) for x in node[3])
            return obj
        if tag == "g":
            obj = self.memo[node[1]] = _getattribute(_import(node[2]), node[3])
            return obj
        if tag == "r":
            _, n, func, args, state, listitems, dictitems = node
            obj = self.memo[n] = self.load(func)(*self.load(args))
            if listitems is not None:
                for x in listitems:
                    obj.append(self.load(x))
            if dictitems is not None:
                for k, v in dictitems:
                    obj[self.load(k)] = self.load(v)
            state = self.load(state)
            if state is not None:
                _setstate(obj, state)
            return obj
        raise UnpicklingError("invalid load key, %r." % tag)


def _setstate(obj, state):
    # CPython's BUILD: __setstate__, else the dict (and slot state) set
    setstate = getattr(obj, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        for k, v in state.items():
            setattr(obj, k, v)
    if slotstate:
        for k, v in slotstate.items():
            setattr(obj, k, v)


def loads(data, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        tree = eval(bytes(data).decode(), {})
    except Exception:
        raise UnpicklingError("invalid pickle data")
    return _Unpickler().load(tree)


def load(file, **kw):
    return loads(file.read(), **kw)
