# PyThread locks in one thread: blocking, non-blocking and timed acquire of a
# free and a held lock (a held lock is not re-entrant), the result codes;
# cython.pymutex / cython.pythread_type_lock `with` blocks (with and without
# the GIL, left by an exception); a thread id stable within the thread;
# thread-specific storage (PEP 539 and the old TLS keys): create, set, get,
# delete, a new key reads NULL.
import pythread_locks as m
from checks import check

print("locks")
check(m.lock_constants)
check(m.lock_states)
check(m.two_locks_independent)
check(lambda: m.ident() == m.ident() == m.ident_nogil() and m.ident() != 0)

print("cython locks")
check(m.count_with_module_mutex, 50)
check(m.count_with_module_mutex, 25)
c = m.Counter()
check(c.add, 10)
check(c.add_nogil, 10)
check(c.add_tlock, 10)
check(c.locked_raise)
check(c.mutex_free)
check(c.add, 1)

print("thread-specific storage")
check(m.tss_module_key)
check(m.tss_alloc_keys)
check(m.old_tls_keys)
