# C library functions the layer or Cython's generated code call that a port
# linking no C library (-nostdlib: qemu, stm32) lacks:
#  - libc_extra.c: strrchr, strtod, strerror, abort, all weak (MicroPython's shared/libc/string0.c
#    has the rest of string.h), and MicroPython's shared/libc/__errno.c (errno);
#  - the double-precision libm: Cython compiles C `double` arithmetic to
#    pow(), fmod(), floor(), ... even when MicroPython's floats are single
#    precision (the port then links only lib/libm, the float versions).
#    MicroPython's own lib/libm_dbl, as its double-precision ports use it.
# Compiled only when the build says MPCY_LIBC_EXTRA=1 (driver/qemu.py
# does); ports with newlib (unix, rp2, esp32) must not get it.
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
