// The tick source of MicroPython's embed port, which has none, for the
// time module and asyncio of an embedding program: the host's monotonic
// clock. Delays sleep in steps of at most a millisecond, running pending
// callbacks between them as the ports' own delays do.
#include <time.h>

#include "py/mphal.h"
#include "py/runtime.h"

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

mp_uint_t mp_hal_ticks_us(void) {
    return (mp_uint_t)now_us();
}

mp_uint_t mp_hal_ticks_ms(void) {
    return (mp_uint_t)(now_us() / 1000);
}

mp_uint_t mp_hal_ticks_cpu(void) {
    return mp_hal_ticks_us();
}

void mp_hal_delay_us(mp_uint_t us) {
    uint64_t end = now_us() + us;
    for (uint64_t t = now_us(); t < end; t = now_us()) {
        mp_event_handle_nowait();
        uint64_t step = end - t < 1000 ? end - t : 1000;
        struct timespec ts = {0, (long)step * 1000};
        nanosleep(&ts, NULL);
    }
}

void mp_hal_delay_ms(mp_uint_t ms) {
    mp_hal_delay_us((mp_uint_t)ms * 1000);
}
