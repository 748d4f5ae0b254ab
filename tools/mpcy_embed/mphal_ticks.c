// The tick source of MicroPython's embed port, which has none, for the
// time module and asyncio of an embedding program: the host's monotonic
// clock. Delays sleep in steps of at most a millisecond.
#include <time.h>

#include "../mpcy_ticks.h"

static uint64_t mpcy_now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static void mpcy_wait_us(uint64_t us) {
    struct timespec ts = {0, (long)(us < 1000 ? us : 1000) * 1000};
    nanosleep(&ts, NULL);
}
