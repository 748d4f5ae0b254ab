# Exceptions with Cython tracebacks raised and caught in four threads at
# once (a crash, or a lost or wrong exception, shows as a different result).
# Each thread reports when it ends, through a lock; the results are printed
# in thread order.
import _thread
import tracebacks_mod as m

print("tracebacks in threads")
N_THREADS = 4
results = [None] * N_THREADS
done = _thread.allocate_lock()
left = [N_THREADS]
done.acquire()


def worker(k):
    try:
        results[k] = m.raise_many(300, 3 + k)
    except Exception as e:
        results[k] = repr(e)
    with count_lock:
        left[0] -= 1
        if left[0] == 0:
            done.release()


count_lock = _thread.allocate_lock()
for k in range(N_THREADS):
    _thread.start_new_thread(worker, (k,))
done.acquire()
for k in range(N_THREADS):
    print(" ", k, results[k])
