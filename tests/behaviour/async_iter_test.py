# async with / async for / async generators written in Cython, used from
# Cython and from the script; send/throw/close on a Cython coroutine
import asyncio

import async_iter as m
from checks import check


class ScriptContext:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        self.log.append("script enter")
        return "script value"

    async def __aexit__(self, typ, exc, tb):
        self.log.append("script exit")
        return False


class ScriptRange:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return -self.i


async def script_for(aiterable):
    out = []
    async for x in aiterable:
        out.append(x)
    return out


async def script_with(ctx):
    async with ctx as v:
        return type(v).__name__


print("async with")
check(asyncio.run, m.run_context(m.PyContext))
check(asyncio.run, m.run_context(m.PyContext, KeyError("swallowed")))
check(asyncio.run, m.run_context(m.PyContext, ValueError("passes")))
check(asyncio.run, m.run_context(m.CContext))
check(asyncio.run, m.run_context(m.CContext, ValueError("passes")))
check(asyncio.run, m.run_context(ScriptContext))
log = []
check(asyncio.run, script_with(m.CContext(log)))
print(log)
log = []
check(asyncio.run, script_with(m.PyContext(log)))
print(log)
print("async for")
check(asyncio.run, m.collect(m.PyRange(3)))
check(asyncio.run, m.collect(m.CRange(3)))
check(asyncio.run, m.collect(ScriptRange(3)))
check(asyncio.run, script_for(m.CRange(2)))
check(asyncio.run, script_for(m.PyRange(2)))
print("async generators")
check(asyncio.run, m.collect(m.agen(4)))
check(asyncio.run, script_for(m.agen(3)))
check(asyncio.run, m.agen_break())
check(asyncio.run, m.async_comprehension(5))
check(asyncio.run, m.await_in_comprehension([m.collect(m.agen(2)), m.collect(m.CRange(1))]))
print("send, throw, close")
log = []
c = m.two_steps(log)
check(c.send, None)
check(c.send, 7)
print(log)
log = []
c = m.two_steps(log)
check(c.send, None)
check(c.throw, ValueError("thrown"))
print(log)
log = []
c = m.two_steps(log)
check(c.send, None)
check(c.close)
print(log)
check(c.send, None)
