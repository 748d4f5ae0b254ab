// The tick source of MicroPython's qemu port, which has none: the host's
// clock, read through semihosting (SYS_ELAPSED, counting SYS_TICKFREQ per
// second; qemu answers in nanoseconds since it started). Both boards run
// under qemu with -semihosting (driver/qemu.py). Delays poll it.
#include "../mpcy_ticks.h"

#define SYS_ELAPSED (0x30)
#define SYS_TICKFREQ (0x31)

static uint32_t semihosting_call(uint32_t num, void *arg) {
    #if defined(__arm__) && defined(__ARM_ARCH_ISA_THUMB)
    register uint32_t num_reg __asm__ ("r0") = num;
    register void *arg_reg __asm__ ("r1") = arg;
    __asm__ volatile ("bkpt 0xAB" : "+r" (num_reg) : "r" (arg_reg) : "memory");
    return num_reg;
    #elif defined(__riscv)
    register uint32_t num_reg __asm__ ("a0") = num;
    register void *arg_reg __asm__ ("a1") = arg;
    // the semihosting sequence: uncompressed, within one 16-byte block
    __asm__ volatile (
        ".option push\n"
        ".option norvc\n"
        ".balign 16\n"
        "slli zero, zero, 0x1f\n"
        "ebreak\n"
        "srai zero, zero, 7\n"
        ".option pop\n"
        : "+r" (num_reg) : "r" (arg_reg) : "memory");
    return num_reg;
    #else
    #error "no semihosting for this architecture"
    #endif
}

// Ticks of SYS_ELAPSED per microsecond, read once.
static uint32_t ticks_per_us;

static uint64_t mpcy_now_us(void) {
    if (ticks_per_us == 0) {
        uint32_t freq = semihosting_call(SYS_TICKFREQ, NULL);
        ticks_per_us = freq >= 1000000 ? freq / 1000000 : 1;
    }
    uint32_t t[2] = {0, 0}; // low word, high word
    semihosting_call(SYS_ELAPSED, t);
    return (((uint64_t)t[1] << 32) | t[0]) / ticks_per_us;
}

static void mpcy_wait_us(uint64_t us) {
    (void)us; // the caller polls the clock
}
