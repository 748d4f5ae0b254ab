# The hand-written MicroPython C modules the benchmarks compare against.
BENCHC_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(BENCHC_DIR)/benchc.c $(BENCHC_DIR)/onedef_c.c
