# Test-harness stand-in for the Cython suite (tests/cython/run.py), not part of
# the product: CPython's contextlib (contextmanager, ContextDecorator,
# suppress, ExitStack, nullcontext, closing) in pure Python with CPython's
# semantics, because MicroPython has no contextlib.  Differences MicroPython
# forces: its functions take no attributes, so the function contextmanager
# returns does not carry the generator function's __name__/__doc__; it has no
# __context__ chaining, so ExitStack does not rewrite it; redirect_stdout and
# redirect_stderr raise (MicroPython's sys.stdout/stderr cannot be replaced).


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A context manager that can also decorate a function (runs it inside)."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)

        return inner


class _GeneratorContextManager(ContextDecorator):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def _recreate_cm(self):
        # A fresh generator for each use as a decorator.
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # Suppressed unless it is the StopIteration passed in.
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            # PEP 479: a StopIteration raised in the body may come back wrapped.
            if isinstance(value, StopIteration) and getattr(exc, "__cause__", None) is value:
                return False
            raise
        except BaseException as exc:
            # The exception passed in, re-raised by the generator: not suppressed.
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager: a generator function that yields once becomes a
    factory of context managers (and of decorators)."""

    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)

    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target

    def __enter__(self):
        raise NotImplementedError(
            "contextlib.redirect_%s: MicroPython's sys.%s cannot be replaced"
            % (self._stream, self._stream)
        )


class redirect_stdout(_RedirectStream):
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    _stream = "stderr"


def _special(cls, obj, name):
    # type(obj).name as CPython looks it up; MicroPython's built-in types may
    # only show it on the instance.
    try:
        return getattr(cls, name)
    except AttributeError:
        bound = getattr(obj, name)
        return lambda _self, *args: bound(*args)


class ExitStack(AbstractContextManager):
    """Callbacks and context-manager exits run in reverse order on exit; an
    exit returning true suppresses the exception."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        try:
            exit_method = _special(type(exit), exit, "__exit__")
        except AttributeError:
            self._exit_callbacks.append(exit)  # not a context manager: a callable
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        try:
            _enter = _special(cls, cm, "__enter__")
            _exit = _special(cls, cm, "__exit__")
        except AttributeError:
            raise TypeError(
                "'%s.%s' object does not support the context manager protocol"
                % (getattr(cls, "__module__", "builtins"), cls.__name__)
            ) from None
        result = _enter(cm)
        self._push_cm_exit(cm, _exit)
        return result

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)

        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        self._exit_callbacks.append(lambda exc_type, exc, tb: cm_exit(cm, exc_type, exc, tb))

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:  # the newest exception replaces the old one
                exc_details = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed_exc

    def close(self):
        self.__exit__(None, None, None)
