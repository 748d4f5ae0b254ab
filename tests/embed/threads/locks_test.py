# Several threads and the PyThread API from Cython code: mutual exclusion of
# a stretched read-modify-write (PyThread lock, cython.pymutex without the
# GIL, cython.pythread_type_lock with it), a lock released by another thread
# than the one that took it, blocking and timed waits that end when another
# thread releases, a timed wait that runs out, a mutex held by a thread
# that needs the GIL while another waits for it, distinct thread ids equal
# to _thread.get_ident(), a thread-specific value per thread.
import _thread
import time
import locks_mod as m

THREADS = 4
N = 300

done_lock = _thread.allocate_lock()
done = []


def run_threads(fn, args_list):
    del done[:]
    for args in args_list:
        _thread.start_new_thread(fn, args)
    while True:
        with done_lock:
            if len(done) == len(args_list):
                break
        time.sleep(0.01)
    return sorted(done)


def finish(result):
    with done_lock:
        done.append(result)


# ---- mutual exclusion
m.reset_counts()
plock = m.Lock()
g = m.Guarded()


def worker(i):
    m.add_pythread(plock, N)
    g.add_pymutex_nogil(N)
    g.add_tlock_gil(N)
    finish(i)


run_threads(worker, [(i,) for i in range(THREADS)])
print("counts", m.get_counts(), "expected", THREADS * N)

# ---- release by another thread; waits that end when another thread releases
events = []
lk = m.Lock()
print("main acquires", lk.acquire())


def releaser():
    time.sleep(0.05)
    events.append("other releases")
    lk.release()
    finish(0)


del done[:]
_thread.start_new_thread(releaser, ())
print("blocking acquire while held elsewhere", lk.acquire(True))
events.append("main got it")
print(events)
while not done:  # the releaser has finished
    time.sleep(0.01)

gate = m.Lock()
gate.acquire()


def holder():
    lk2.acquire()
    events.append("holder has it")
    gate.acquire()  # until main says
    events.append("holder releases")
    lk2.release()
    finish(0)


lk2 = m.Lock()
del events[:]
del done[:]
_thread.start_new_thread(holder, ())
while not events:
    time.sleep(0.01)
print("non-blocking while held elsewhere", lk2.acquire(False))
print("timed 20 ms while held elsewhere", lk2.acquire_timed(20000))
gate.release()
print("timed 60 s, released meanwhile", lk2.acquire_timed(60000000))
print(events)
lk2.release()
while not done:
    time.sleep(0.01)

# ---- a mutex held while the holder runs Python code, another thread waits with the GIL
del events[:]
step = m.Lock()
step.acquire()


def slow_callback():
    events.append("holder in callback")
    step.acquire()  # until the waiter is about to wait
    time.sleep(0.05)
    events.append("holder leaves")


def mutex_holder():
    g.hold_mutex(slow_callback)
    finish(0)


del done[:]
_thread.start_new_thread(mutex_holder, ())
while not events:
    time.sleep(0.01)
step.release()
print("waiter took the mutex", g.take_mutex())
events.append("waiter done")
print(events)
while not done:
    time.sleep(0.01)

# ---- thread ids and thread-specific storage
print("tss create", m.tss_setup())
ids = []


def ident_worker(i):
    r = m.tss_roundtrip(i)
    time.sleep(0.02)  # the others set theirs meanwhile
    ids.append(m.ident())
    finish((i, r, m.tss_mine(i), m.ident() == _thread.get_ident()))


print("main", m.tss_roundtrip(15))
for r in run_threads(ident_worker, [(i,) for i in range(THREADS)]):
    print(r)
ids.append(m.ident())
print("main still its own", m.tss_mine(15), "ids distinct", len(set(ids)) == THREADS + 1)
