// The ticks and delays of MicroPython's HAL for a port that has none, in one
// place for the embed library and the qemu boards: the including file
// defines mpcy_now_us(), a monotonic clock in microseconds, and
// mpcy_wait_us(us), which waits at most that long; delays run pending
// callbacks between waits as the ports' own delays do.
#include "py/mphal.h"
#include "py/runtime.h"

static uint64_t mpcy_now_us(void);
static void mpcy_wait_us(uint64_t us);

mp_uint_t mp_hal_ticks_us(void) {
    return (mp_uint_t)mpcy_now_us();
}

mp_uint_t mp_hal_ticks_ms(void) {
    return (mp_uint_t)(mpcy_now_us() / 1000);
}

mp_uint_t mp_hal_ticks_cpu(void) {
    return mp_hal_ticks_us();
}

void mp_hal_delay_us(mp_uint_t us) {
    uint64_t end = mpcy_now_us() + us;
    for (uint64_t t = mpcy_now_us(); t < end; t = mpcy_now_us()) {
        mp_event_handle_nowait();
        mpcy_wait_us(end - t);
    }
}

void mp_hal_delay_ms(mp_uint_t ms) {
    mp_hal_delay_us((mp_uint_t)ms * 1000);
}
