# Two threads (the main one and a _thread) call a Cython function that
# waits for the other inside `with nogil:` (and one with
# Py_BEGIN_ALLOW_THREADS): both making progress shows the GIL was released.
import _thread
import time
import nogil_mod

lock = _thread.allocate_lock()
results = {}


def worker(me, fn):
    r = fn(me, 1 - me)
    with lock:
        results[me] = r


for fn, name in (
    (nogil_mod.meet, "with nogil"),
    (nogil_mod.meet_allow_threads, "Py_BEGIN_ALLOW_THREADS"),
):
    nogil_mod.reset()
    results.clear()
    _thread.start_new_thread(worker, (1, fn))
    worker(0, fn)
    while len(results) < 2:
        time.sleep(0.01)
    print(name, "- both threads got through:", results[0], results[1])

print("with gil inside with nogil:", nogil_mod.nested(7))
