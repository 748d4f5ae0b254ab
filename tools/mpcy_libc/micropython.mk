# C library functions the layer or Cython's generated code call that a port
# without an operating system lacks. MPCY_LIBC_EXTRA (driver/qemu.py sets it
# per board) says what the port links:
#  - 1: no C library (-nostdlib: the qemu Cortex-M3 board, stm32). Gets
#    libc_extra.c: strrchr, strtod, strerror, all weak (MicroPython's
#    shared/libc/string0.c has the rest of string.h), MicroPython's
#    shared/libc/__errno.c (errno), and the double-precision libm: Cython
#    compiles C `double` arithmetic to pow(), fmod(), floor(), ... even when
#    MicroPython's floats are single precision (the port then links only
#    lib/libm, the float versions); MicroPython's own lib/libm_dbl, as its
#    double-precision ports use it.
#  - system: a C library without the system under it (picolibc: the qemu
#    RISC-V board), which has all of that.
#  - both: libc_system.c, abort() and malloc from MicroPython's heap.
# MPCY_LIBC_TLS=1 (with system, a port whose startup sets up no thread-local
# storage for picolibc, linked with tools/qemu-virt-rv32.ld): libc_tls.c
# points tp at the C library's thread-local block before main().
# Ports with newlib on an OS or an SDK (unix, rp2, esp32) must get none of it.
ifneq ($(filter 1 system,$(MPCY_LIBC_EXTRA)),)
SRC_USERMOD_C += $(USERMOD_DIR)/libc_system.c
endif
ifeq ($(MPCY_LIBC_TLS),1)
SRC_USERMOD_C += $(USERMOD_DIR)/libc_tls.c
LDFLAGS_USERMOD += -Wl,--wrap=main
endif
ifeq ($(MPCY_LIBC_EXTRA),1)
SRC_USERMOD_C += $(USERMOD_DIR)/libc_extra.c
SRC_USERMOD_LIB_C += shared/libc/__errno.c
# (a port built with double-precision floats links lib/libm_dbl itself)
ifneq ($(MICROPY_FLOAT_IMPL),double)
SRC_USERMOD_LIB_C += $(addprefix lib/libm_dbl/, \
	__cos.c __expo2.c __fpclassify.c __rem_pio2.c __rem_pio2_large.c __signbit.c \
	__sin.c __tan.c acos.c acosh.c asin.c asinh.c atan.c atan2.c atanh.c ceil.c \
	cos.c cosh.c copysign.c erf.c exp.c expm1.c floor.c fmod.c frexp.c ldexp.c \
	lgamma.c log.c log10.c log1p.c modf.c nearbyint.c pow.c rint.c round.c \
	scalbn.c sin.c sinh.c tan.c tanh.c tgamma.c trunc.c sqrt.c)
endif
endif
