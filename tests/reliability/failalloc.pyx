# The allocation-failure hook of the sweep (tests/reliability/failalloc.py):
# built only into the sweep's MicroPython, linked with -Wl,--wrap=gc_alloc,
# so every gc_alloc call from outside py/gc.c (m_malloc and friends, the
# layer, the ports) comes here first. arm(n) makes the n-th call from then
# on return NULL, as a full heap does after its collection: m_malloc raises
# MemoryError (m_malloc_fail), the *_maybe allocators return NULL to their
# caller. One failure per arm(); disarm() says whether it happened.

cdef extern from *:
    """
    #include <stddef.h>
    void *__real_gc_alloc(size_t n_bytes, unsigned int alloc_flags);
    static unsigned long failalloc_countdown;
    void *__wrap_gc_alloc(size_t n_bytes, unsigned int alloc_flags);
    void *__wrap_gc_alloc(size_t n_bytes, unsigned int alloc_flags) {
        if (failalloc_countdown > 0 && --failalloc_countdown == 0) {
            return NULL;
        }
        return __real_gc_alloc(n_bytes, alloc_flags);
    }
    """
    unsigned long failalloc_countdown


def arm(unsigned long n):
    """The n-th allocation from now fails (n >= 1)."""
    global failalloc_countdown
    if n == 0:
        raise ValueError("arm(n) needs n >= 1")
    failalloc_countdown = n


def disarm():
    """Stops counting; True if the armed allocation failed."""
    global failalloc_countdown
    fired = failalloc_countdown == 0
    failalloc_countdown = 0
    return fired
