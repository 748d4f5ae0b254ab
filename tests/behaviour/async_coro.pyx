# Cython coroutines (async def) on the interpreter's asyncio: functions,
# methods, closures, awaiting asyncio's awaitables and other coroutines,
# tasks, Event, Lock, gather, wait_for, cancellation, exceptions.
import asyncio


async def add(a, b):
    return a + b


async def sleeper(n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0)
        total += i
    return total


async def nap(sleep_ms, ms):
    # asyncio.sleep_ms (MicroPython) or its stand-in (the test script)
    await sleep_ms(ms)
    await asyncio.sleep(0.001)
    return ms


async def chain():
    return await add(1, 2) + await sleeper(4)


async def call(coro_fn, x):
    # awaits a coroutine written in the script
    return await coro_fn(x)


async def spawn():
    t = asyncio.create_task(sleeper(5))
    await asyncio.sleep(0)
    return await t


async def event_order():
    ev = asyncio.Event()
    log = []

    async def waiter(name):
        log.append(name + " waits")
        await ev.wait()
        log.append(name + " woken")

    t1 = asyncio.create_task(waiter("a"))
    t2 = asyncio.create_task(waiter("b"))
    await asyncio.sleep(0)
    log.append("set")
    ev.set()
    await t1
    await t2
    return log


async def lock_order():
    lock = asyncio.Lock()
    log = []

    async def worker(name):
        async with lock:
            log.append(name + " in")
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            log.append(name + " out")

    await asyncio.gather(worker("a"), worker("b"), worker("c"))
    return log


async def gather_mixed(py_coro):
    return await asyncio.gather(add(1, 2), sleeper(3), py_coro)


async def gather_error():
    try:
        await asyncio.gather(add(1, 1), fail_after(1, "in gather"))
    except ValueError as e:
        return "caught " + str(e)


async def fail_after(n, what):
    for i in range(n):
        await asyncio.sleep(0)
    raise ValueError(what)


async def catch_from(coro):
    # an exception raised in a coroutine it awaits
    try:
        await coro
    except ValueError as e:
        return "caught " + str(e)
    return "nothing"


async def slow(log, seconds):
    try:
        log.append("slow starts")
        await asyncio.sleep(seconds)
        log.append("slow done")
        return "done"
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise
    finally:
        log.append("slow finally")


async def timeout(seconds):
    log = []
    try:
        r = await asyncio.wait_for(slow(log, 10), seconds)
        log.append("result " + r)
    except asyncio.TimeoutError:
        log.append("TimeoutError")
    return log


async def in_time():
    log = []
    r = await asyncio.wait_for(slow(log, 0), 10)
    log.append("result " + r)
    return log


async def cancel_task():
    log = []
    t = asyncio.create_task(slow(log, 10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("awaiting the task: CancelledError")
    return log


async def swallow_cancel(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancel swallowed")
    return "returned after cancel"


async def cancel_swallowed():
    log = []
    t = asyncio.create_task(swallow_cancel(log))
    await asyncio.sleep(0)
    t.cancel()
    log.append(await t)
    return log


async def with_lambda(xs):
    double = lambda v: v * 2
    out = []
    for x in xs:
        out.append(double(await add(x, 1)))
    return out


async def comprehension(n):
    return [await add(i, i) for i in range(n)]


async def nested_closure(k):
    async def inner(x):
        await asyncio.sleep(0)
        return x * k

    return [await inner(i) for i in range(3)]


async def await_bad(x):
    return await x


cdef class Counter:
    cdef public int n

    def __init__(self):
        self.n = 0

    async def bump(self, by):
        await asyncio.sleep(0)
        self.n += by
        return self.n


class PyCounter:
    def __init__(self):
        self.n = 0

    async def bump(self, by):
        await asyncio.sleep(0)
        self.n += by
        return self.n

    @staticmethod
    async def static(x):
        return x + 100


async def many_tasks(n):
    # tasks created and finished in a loop (the leak check runs this script)
    total = 0
    for i in range(n):
        total += await asyncio.create_task(add(i, 1))
    return total
