// picolibc's thread-local storage on a port whose startup sets up none (the
// qemu RISC-V board; micropython.mk): errno and the C library's other
// per-thread variables are reached through the tp register, which stays 0
// there, so the first write to errno (PyErr_SetFromErrno, a libm range
// error) would store to address 0. The block is the one thread's, placed by
// tools/qemu-virt-rv32.ld; tp is set before main() (-Wl,--wrap=main), so
// before MicroPython or the layer run anything.
#include <stdint.h>
#include <string.h>

extern char __tls_base[];
extern char __tbss_offset[], __tbss_size[];  // linker values, not objects

void _set_tls(void *tls);  // picolibc's, per architecture (tp on RISC-V)
int __real_main(int argc, char **argv);

int __wrap_main(int argc, char **argv) {
    // .tdata was loaded in place with the firmware; .tbss lies outside the
    // .bss the startup clears.
    memset(__tls_base + (uintptr_t)__tbss_offset, 0, (uintptr_t)__tbss_size);
    _set_tls(__tls_base);
    return __real_main(argc, argv);
}
