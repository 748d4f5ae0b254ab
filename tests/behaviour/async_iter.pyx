# async with, async for, async generators, and the coroutine object's own
# methods (send, throw, close) in Cython.
import asyncio


class PyContext:
    # an asynchronous context manager as a Python class
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append("enter")
        return "value"

    async def __aexit__(self, typ, exc, tb):
        self.log.append("exit " + (typ.__name__ if typ is not None else "None"))
        return typ is KeyError


cdef class CContext:
    cdef public list log

    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        self.log.append("c enter")
        return self

    async def __aexit__(self, typ, exc, tb):
        self.log.append("c exit " + (typ.__name__ if typ is not None else "None"))
        return False


class PyRange:
    # an asynchronous iterator as a Python class
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


cdef class CRange:
    cdef int i, n

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10


async def use_context(ctx, raise_what=None):
    async with ctx as v:
        if raise_what is not None:
            raise raise_what
        return v if isinstance(v, str) else type(v).__name__


async def run_context(make, raise_what=None):
    log = []
    try:
        r = await use_context(make(log), raise_what)
        log.append("returned " + repr(r))
    except Exception as e:
        log.append("raised " + type(e).__name__)
    return log


async def collect(aiterable):
    out = []
    async for x in aiterable:
        out.append(x)
    return out


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


async def agen_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("agen finally")


async def agen_break():
    log = []
    g = agen_finally(log)
    async for x in g:
        log.append(x)
        break
    await g.aclose()
    return log


async def async_comprehension(n):
    return [x async for x in agen(n) if x % 2 == 0]


async def await_in_comprehension(aws):
    return [await a for a in aws]


class Step:
    # an awaitable that yields once to whoever drives the coroutine
    def __await__(self):
        v = yield "tick"
        return v

    __iter__ = __await__


async def two_steps(log):
    try:
        v = await Step()
        log.append("got " + repr(v))
        return v
    except ValueError as e:
        log.append("caught " + str(e))
        return "handled"
    finally:
        log.append("finally")
