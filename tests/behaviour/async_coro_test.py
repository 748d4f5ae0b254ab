# Cython coroutines driven by asyncio, and asyncio's objects awaited by them
import asyncio

import async_coro as m
from checks import check, check_type

# asyncio.sleep_ms is MicroPython's; the same wait on CPython
sleep_ms = getattr(asyncio, "sleep_ms", None) or (lambda ms: asyncio.sleep(ms / 1000))


async def py_double(x):
    await asyncio.sleep(0)
    return 2 * x


async def py_fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def py_awaits(coro):
    # the script's coroutine awaits a Cython coroutine
    return await coro


async def py_catch(coro):
    try:
        await coro
    except ValueError as e:
        return "script caught " + str(e)


print("run")
check(asyncio.run, m.add(1, 2))
check(asyncio.run, m.sleeper(5))
check(asyncio.run, m.nap(sleep_ms, 2))
check(asyncio.run, m.chain())
print("both directions")
check(asyncio.run, m.call(py_double, 21))
check(asyncio.run, py_awaits(m.add(20, 22)))
check(asyncio.run, py_awaits(m.sleeper(4)))
print("tasks")
check(asyncio.run, m.spawn())
check(asyncio.run, m.event_order())
check(asyncio.run, m.lock_order())
check(asyncio.run, m.gather_mixed(py_double(4)))
check(asyncio.run, m.gather_error())
check(asyncio.run, m.many_tasks(50))
print("exceptions")
check(asyncio.run, m.fail_after(2, "uncaught"))
check(asyncio.run, m.catch_from(m.fail_after(1, "from cython")))
check(asyncio.run, m.catch_from(py_fail("from the script")))
check(asyncio.run, py_catch(m.fail_after(2, "into the script")))
check(asyncio.run, m.await_bad(5))
print("cancellation")
check(asyncio.run, m.timeout(0.01))
check(asyncio.run, m.in_time())
check(asyncio.run, m.cancel_task())
check(asyncio.run, m.cancel_swallowed())
print("closures, comprehensions")
check(asyncio.run, m.with_lambda([1, 2, 3]))
check(asyncio.run, m.comprehension(4))
check(asyncio.run, m.nested_closure(5))
print("methods")
c = m.Counter()
check(asyncio.run, c.bump(2))
check(asyncio.run, c.bump(3))
p = m.PyCounter()
check(asyncio.run, p.bump(4))
check(asyncio.run, m.PyCounter.static(1))
print("awaitable classes changed between awaits")


def immediately(value):
    # an __await__ whose iterator ends at once with VALUE
    def aw(self):
        return value
        yield

    return aw


class Later:
    pass


class Sub(Later):
    pass


def await_it(o):
    return asyncio.run(m.call(lambda _: o, None))


# refused: only the type (CPython names the class without `__main__.`)
check_type(await_it, Later())
Later.__await__ = immediately("added")
check(await_it, Later())
check(await_it, Sub())
del Later.__await__
check_type(await_it, Sub())
Sub.__await__ = immediately("in the subclass")
check(await_it, Sub())
Later.__await__ = immediately("in the base")
check(await_it, Sub())
check(await_it, Later())
# a key removed and another added between two awaits: the dict keeps its size
Later.x = 1
check(await_it, Later())
del Later.__await__
Later.y = 2
check_type(await_it, Later())
del Later.x
Later.__await__ = immediately("back")
check(await_it, Later())
