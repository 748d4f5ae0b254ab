# Cython coroutines for the embedding program main.c, run by asyncio there.
import asyncio


async def tick(name, int n, list log):
    cdef int i
    for i in range(n):
        log.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return n


async def slow(list log):
    try:
        await asyncio.sleep(10)
    finally:
        log.append("slow cancelled")


async def count(int n, twice):
    log = []
    done = await asyncio.gather(tick("a", n, log), tick("b", n, log))
    doubled = await twice(n)
    task = asyncio.create_task(tick("c", 2, log))
    await task
    try:
        await asyncio.wait_for(slow(log), 0.05)
    except asyncio.TimeoutError:
        log.append("timeout")
    return done, doubled, log
