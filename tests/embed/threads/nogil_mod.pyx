# A C function that waits for the other thread's flag: called by two threads
# at once, both return True only if each released the GIL while waiting
# (`with nogil:` here, Py_BEGIN_ALLOW_THREADS in C); otherwise the first
# holds the GIL, the second never gets in, and the wait runs out (False).
cdef extern from *:
    """
    #include <time.h>
    static volatile int mpcy_t_flags[2];
    static int mpcy_t_meet(int me, int other) {
        __atomic_store_n(&mpcy_t_flags[me], 1, __ATOMIC_SEQ_CST);
        for (int i = 0; i < 5000; i++) {
            if (__atomic_load_n(&mpcy_t_flags[other], __ATOMIC_SEQ_CST)) {
                return 1;
            }
            struct timespec ts = {0, 2000000};
            nanosleep(&ts, NULL);
        }
        return 0;
    }
    static void mpcy_t_reset(void) {
        mpcy_t_flags[0] = mpcy_t_flags[1] = 0;
    }
    static int mpcy_t_meet_allow_threads(int me, int other) {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = mpcy_t_meet(me, other);
        Py_END_ALLOW_THREADS
        return r;
    }
    """
    int mpcy_t_meet(int me, int other) nogil
    void mpcy_t_reset()
    int mpcy_t_meet_allow_threads(int me, int other)


def reset():
    mpcy_t_reset()


def meet(int me, int other):
    cdef int r
    with nogil:
        r = mpcy_t_meet(me, other)
    return r == 1


def meet_allow_threads(int me, int other):
    return mpcy_t_meet_allow_threads(me, other) == 1


cdef int square_in_nogil(int x) noexcept nogil:
    with gil:
        # `with gil` inside `with nogil`: PyGILState_Ensure takes the GIL back
        return len([0] * x) * x


def nested(int x):
    cdef int r
    with nogil:
        r = square_in_nogil(x)
    return r
